# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A thread-safe client-side limit: at most N requests in any window of ``interval`` seconds."""

from __future__ import annotations

import collections
import threading
import time


class RateLimiter:
    """Sliding window over the send times of the last N requests; callers wait their turn in order."""

    def __init__(self, clock=time.monotonic, sleep=time.sleep):
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._sent = collections.deque()

    def acquire(self, limit, interval):
        """Block until one more request fits; ``limit`` None or < 1 means unlimited."""
        if not limit or limit < 1:
            return 0.0
        waited = 0.0
        with self._lock:
            while True:
                now = self._clock()
                while self._sent and now - self._sent[0] >= interval:
                    self._sent.popleft()
                if len(self._sent) < limit:
                    self._sent.append(now)
                    return waited
                pause = interval - (now - self._sent[0])
                self._sleep(pause)
                waited += pause
