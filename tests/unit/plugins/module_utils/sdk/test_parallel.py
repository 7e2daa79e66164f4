# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import threading

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.parallel import ParallelCalls


def test_results_come_back_in_argument_order():
    assert ParallelCalls().run(lambda: 1, lambda: 2, lambda: 3) == [1, 2, 3]


def test_the_calls_really_run_at_the_same_time():
    # Each call waits for the other: run one after the other, the barrier would time out.
    barrier = threading.Barrier(2, timeout=5)
    assert ParallelCalls().run(barrier.wait, barrier.wait) in ([0, 1], [1, 0])


def test_the_first_failing_call_in_order_decides_the_error():
    finished = []

    def slow_failure():
        raise LookupError("first")

    def late_failure():
        finished.append(True)
        raise ValueError("second")

    with pytest.raises(LookupError, match="first"):
        ParallelCalls().run(slow_failure, late_failure)
    assert finished == [True]


def test_a_later_failure_is_raised_after_every_call_finished():
    done = threading.Event()

    def lookup():
        done.wait(5)
        return "found"

    def write():
        done.set()
        raise ValueError("refused")

    with pytest.raises(ValueError, match="refused"):
        ParallelCalls().run(lookup, write)
    assert done.is_set()


def test_a_single_call_runs_on_the_callers_thread():
    assert ParallelCalls().run(threading.current_thread) == [threading.current_thread()]


def test_no_thread_outlives_the_call():
    before = set(threading.enumerate())
    ParallelCalls().run(lambda: 1, lambda: 2, lambda: 3)
    assert set(threading.enumerate()) == before
