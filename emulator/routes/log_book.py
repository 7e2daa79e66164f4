"""Device logs kept in memory: the newest 1000 lines per device, and a way to wait for new ones."""
from __future__ import annotations

import itertools
import threading
import time
from collections import deque

from .per_world import attached

RETENTION_LINES = 1000


class LogBook:
    def __init__(self):
        self._lines: dict = {}            # device id -> deque of (seq, entry)
        self._seq = itertools.count(1)
        self._changed = threading.Condition()

    def append(self, device_id: int, message: str, *, timestamp_ms: int | None = None, is_system: bool = False,
               is_stderr: bool = False, service_id: int | None = None) -> None:
        now_ms = int(time.time() * 1000)
        entry = {"createdAt": now_ms, "timestamp": timestamp_ms if timestamp_ms is not None else now_ms,
                 "isSystem": bool(is_system), "isStdErr": bool(is_stderr)}
        if service_id is not None:
            entry["serviceId"] = service_id
        entry["message"] = message
        with self._changed:
            lines = self._lines.setdefault(device_id, deque(maxlen=RETENTION_LINES))
            lines.append((next(self._seq), entry))
            self._changed.notify_all()

    def history(self, device_id: int, *, count: int, since_ms: int = 0) -> tuple[list, int]:
        """The last `count` lines created at or after `since_ms`, oldest first, and the newest seq seen."""
        with self._changed:
            lines = list(self._lines.get(device_id, ()))
        last_seq = lines[-1][0] if lines else 0
        kept = [entry for _seq, entry in lines if entry["createdAt"] >= since_ms]
        return (kept[-count:] if count > 0 else []), last_seq

    def wait_after(self, device_id: int, after_seq: int, timeout: float) -> list:
        """(seq, entry) pairs newer than `after_seq`, waiting up to `timeout` seconds for one."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                newer = [item for item in self._lines.get(device_id, ()) if item[0] > after_seq]
                remaining = deadline - time.monotonic()
                if newer or remaining <= 0:
                    return newer
                self._changed.wait(remaining)

    def forget(self, device_id: int) -> None:
        with self._changed:
            self._lines.pop(device_id, None)


def log_book(world) -> LogBook:
    return attached(world, "log_book", LogBook)


def system_line(world, device_id: int, message: str) -> None:
    """A line the platform itself writes to a device's log (device actions use it)."""
    log_book(world).append(device_id, message, is_system=True)
