# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Independent calls run with at most ``limit`` of them in flight at once.

Used for writes the API cannot batch (one POST per new row). Every request still goes through
the SDK, so its rate limiter and 429 handling apply to each. Once a call has failed no further
call starts (those in flight finish), as a sequential run would stop at its first failure. The
worker threads end before ``run_bounded`` returns: none outlives the call, so nothing lingers in
a process that forks afterwards (as Ansible does).
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

NOT_STARTED = object()  # the result of a call skipped because an earlier one failed


def run_bounded(calls, limit):
    """``[(result, error)]`` of ``calls`` in order once every started one has finished; ``limit`` 1
    runs them one after the other on the caller's thread. A call that raises an Exception has its
    error in its slot; a call that never started has ``(NOT_STARTED, None)``."""
    failed = threading.Event()

    def attempt(call):
        if failed.is_set():
            return NOT_STARTED, None
        try:
            return call(), None
        except Exception as error:  # pylint: disable=broad-exception-caught
            failed.set()
            return None, error

    if limit <= 1 or len(calls) < 2:
        return [attempt(call) for call in calls]
    with ThreadPoolExecutor(max_workers=min(limit, len(calls)), thread_name_prefix="balena-write") as pool:
        futures = [pool.submit(attempt, call) for call in calls]
    return [future.result() for future in futures]
