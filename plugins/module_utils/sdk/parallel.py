# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests of one SDK call that do not depend on each other, sent at the same time.

A call such as ``device.move`` needs the fleet and the devices; removing a fleet's tag by slug
needs to know the fleet exists while the DELETE can already name it by slug. Sending such
requests together costs one round trip instead of two. Only requests whose outcome does not
depend on the order they reach the server are ever sent together.
"""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

MAX_WORKERS = 4


class ParallelCalls:
    """One small pool of threads per SDK instance, started on first use."""

    def __init__(self, max_workers=MAX_WORKERS):
        self._max_workers = max_workers
        self._pool = None
        self._lock = threading.Lock()

    def _executor(self):
        with self._lock:
            if self._pool is None:
                self._pool = ThreadPoolExecutor(max_workers=self._max_workers, thread_name_prefix="balena-sdk")
            return self._pool

    def run(self, *calls):
        """The results of ``calls`` in order, after every one has finished.

        The first call runs on the caller's thread. When calls raise, the error of the first
        one (in argument order) is raised, so a lookup listed first decides the exception.
        """
        if len(calls) < 2:
            return [call() for call in calls]
        futures = [self._executor().submit(call) for call in calls[1:]]
        outcomes = [_outcome(calls[0])]
        for future in futures:
            error = future.exception()
            outcomes.append((None, error) if error is not None else (future.result(), None))
        for _value, error in outcomes:
            if error is not None:
                raise error
        return [value for value, _error in outcomes]


def _outcome(call):
    try:
        return call(), None
    except Exception as error:  # pylint: disable=broad-exception-caught
        return None, error
