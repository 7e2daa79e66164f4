"""The API heartbeat: a device that polls its target state is `online` until it stops polling.

Every state read with the device's own key restarts its window. When 1.5 poll intervals pass without
a read the device moves to `timeout`, and 15 s later to `offline`, as the real API's heartbeat
manager does. Only devices that actually polled are tracked: seeded devices keep the state they were
given, as if their supervisor kept polling.
"""
from __future__ import annotations

import threading
import time
from typing import Callable

TIMEOUT_FACTOR = 1.5
OFFLINE_AFTER_TIMEOUT_S = 15.0


class HeartbeatMonitor:
    def __init__(self, store, clock: Callable[[], float] = time.monotonic, period_s: float = 1.0):
        self._store = store
        self._clock = clock
        self._period_s = period_s
        self._deadlines: dict[int, float] = {}   # device id -> when it times out
        self._lock = threading.Lock()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None

    def beat(self, device_id: int, poll_interval_ms: int) -> None:
        with self._lock:
            self._deadlines[device_id] = self._clock() + TIMEOUT_FACTOR * poll_interval_ms / 1000.0

    def sweep(self) -> None:
        """Moves overdue devices to `timeout`, then to `offline`, and forgets those that are offline."""
        now = self._clock()
        with self._lock:
            due = [(device_id, deadline) for device_id, deadline in self._deadlines.items() if deadline <= now]
        for device_id, deadline in due:
            state = "offline" if now >= deadline + OFFLINE_AFTER_TIMEOUT_S else "timeout"
            with self._store.transaction() as tx:
                device = tx.get("device", device_id)
                if device is not None and device.get("api_heartbeat_state") != state:
                    tx.update("device", device_id, {"api_heartbeat_state": state})
            if device is None or state == "offline":
                with self._lock:
                    if self._deadlines.get(device_id) == deadline:
                        del self._deadlines[device_id]

    def start(self) -> None:
        if self._thread is None:
            self._thread = threading.Thread(target=self._run, name="heartbeat", daemon=True)
            self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(self._period_s):
            self.sweep()
