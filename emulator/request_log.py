"""The log of every request the emulator answered, read back through `GET /_emulator/requests`."""
from __future__ import annotations

import threading
from collections import deque

TEST_HOOK_PREFIX = "/_emulator/"
DEFAULT_CAPACITY = 100_000


class RequestLog:
    """A bounded, thread-safe list of {method, path, status, duration_ms}, oldest first.

    `path` is the request target exactly as received (percent-encoded, query included).
    Calls to the test hooks themselves are not recorded, so reading the log does not change it.
    Status 0 means no response was sent (a dropped connection).
    """

    def __init__(self, capacity: int = DEFAULT_CAPACITY):
        self._entries: deque = deque(maxlen=capacity)
        self._lock = threading.Lock()

    def record(self, method: str, target: str, status: int, seconds: float) -> None:
        if target.startswith(TEST_HOOK_PREFIX):
            return
        entry = {
            "method": method,
            "path": target,
            "status": status,
            "duration_ms": round(seconds * 1000.0, 3),
        }
        with self._lock:
            self._entries.append(entry)

    def entries(self) -> list[dict]:
        with self._lock:
            return [dict(entry) for entry in self._entries]

    def clear(self) -> None:
        with self._lock:
            self._entries.clear()

    def __len__(self) -> int:
        with self._lock:
            return len(self._entries)
