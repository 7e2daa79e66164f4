"""The login rate limit: 10 failed attempts per username in 2 hours, then blocked for 1 hour."""
from __future__ import annotations

import threading
import time

MAX_FAILURES = 10
WINDOW_SECONDS = 2 * 3600
BLOCK_SECONDS = 3600


class LoginLimiter:
    def __init__(self, clock=time.monotonic):
        self._clock = clock
        self._lock = threading.Lock()
        self._failures: dict = {}       # key -> (first failure time, count)
        self._blocked_until: dict = {}  # key -> time

    def retry_after(self, key: str) -> int | None:
        """Seconds the key stays blocked, or None when it may try."""
        with self._lock:
            until = self._blocked_until.get(key)
            if until is None:
                return None
            remaining = until - self._clock()
            if remaining <= 0:
                del self._blocked_until[key]
                self._failures.pop(key, None)
                return None
            return max(1, int(remaining + 0.999))

    def failed(self, key: str) -> None:
        with self._lock:
            now = self._clock()
            first, count = self._failures.get(key, (now, 0))
            if now - first > WINDOW_SECONDS:
                first, count = now, 0
            count += 1
            self._failures[key] = (first, count)
            if count >= MAX_FAILURES:
                self._blocked_until[key] = now + BLOCK_SECONDS

    def succeeded(self, key: str) -> None:
        with self._lock:
            self._failures.pop(key, None)
            self._blocked_until.pop(key, None)
