from __future__ import annotations

import threading
import time

from ansible_collections.balena.cloud.plugins.module_utils.bounded_calls import NOT_STARTED, run_bounded


def test_never_more_calls_in_flight_than_the_limit_and_no_thread_outlives_the_run():
    lock, state = threading.Lock(), {"now": 0, "most": 0}

    def call(number):
        with lock:
            state["now"] += 1
            state["most"] = max(state["most"], state["now"])
        time.sleep(0.02)
        with lock:
            state["now"] -= 1
        return number

    before = threading.active_count()
    outcomes = run_bounded([lambda number=number: call(number) for number in range(30)], 4)
    assert [result for result, _error in outcomes] == list(range(30))
    assert state["most"] == 4
    assert threading.active_count() == before


def test_after_a_failure_no_further_call_starts():
    started = []

    def call(number):
        started.append(number)
        if number == 2:
            raise ValueError("boom")
        return number

    outcomes = run_bounded([lambda number=number: call(number) for number in range(6)], 1)
    assert started == [0, 1, 2]
    assert isinstance(outcomes[2][1], ValueError)
    assert [result for result, _error in outcomes[3:]] == [NOT_STARTED] * 3
