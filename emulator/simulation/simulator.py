"""The simulation loop: which devices are simulated, and one thread that steps them all.

Off until `serve --simulate` (every device, new ones too) or the test hooks name devices. A device
joins the simulation as it is in the store: online devices start polling, offline ones stay offline
until the test hooks bring them online.
"""
from __future__ import annotations

import sys
import threading
import time
import traceback
from typing import Callable

from ..routes.per_world import attached
from .device import SimulatedDevice
from .settings import SimulationSettings

TICK_S = 0.05
DISCOVERY_S = 1.0


class Simulator:
    def __init__(self, world, clock: Callable[[], float] = time.monotonic):
        self.world = world
        self.settings = SimulationSettings()
        self._clock = clock
        self._devices: dict = {}        # uuid -> SimulatedDevice
        self._lock = threading.RLock()
        self._thread: threading.Thread | None = None
        self._stop = threading.Event()
        self._next_discovery = 0.0

    # -- membership
    def device(self, uuid: str) -> SimulatedDevice | None:
        return self._devices.get(uuid)   # no lock: route handlers ask this inside store transactions

    def devices(self) -> list:
        with self._lock:
            return list(self._devices.values())

    def add(self, uuid: str) -> SimulatedDevice | None:
        """Starts simulating the device (None when there is no such device)."""
        known = self._devices.get(uuid)
        if known is not None:
            return known
        with self.world.store.transaction() as tx:
            rows = tx.query('SELECT d.id, d.is_online, d.is_connected_to_vpn, d.should_be_operated_by__release AS os, '
                            'd.should_be_managed_by__release AS supervisor, '
                            'r."commit" AS running FROM "device" d '
                            'LEFT JOIN "release" r ON r.id = d.is_running__release WHERE d.uuid = ?', (uuid,))
        if not rows:
            return None
        row = rows[0]
        found = SimulatedDevice(self.world, row["id"], uuid, online=bool(row["is_online"] or row["is_connected_to_vpn"]),
                                running_commit=row["running"], running_os=row["os"],
                                running_supervisor=row["supervisor"])
        with self._lock:
            found = self._devices.setdefault(uuid, found)
        self.start()
        return found

    def remove(self, uuid: str) -> bool:
        with self._lock:
            return self._devices.pop(uuid, None) is not None

    def enable_every_device(self) -> None:
        self.settings.every_device = True
        self._next_discovery = self._clock() + DISCOVERY_S
        self._discover()
        self.start()

    def _discover(self) -> None:
        with self.world.store.transaction() as tx:
            uuids = [row["uuid"] for row in tx.query('SELECT uuid FROM "device"')]
        for uuid in uuids:
            self.add(uuid)
        known = set(uuids)
        with self._lock:
            for uuid in [uuid for uuid in self._devices if uuid not in known]:
                del self._devices[uuid]

    # -- actions the API takes on a simulated device
    def reboot(self, uuid: str) -> bool:
        device = self.device(uuid)
        if device is None or not device.online:
            return False
        device.reboot(self._clock(), self._timings(device).reboot_s)
        return True

    # -- the loop
    def _timings(self, device: SimulatedDevice):
        timings = {k: v for k, v in device.overrides.items() if k in self.settings.timings.as_dict()}
        return self.settings.timings.updated(timings) if timings else self.settings.timings

    def _faults(self, device: SimulatedDevice):
        def has(kind: str) -> bool:
            if kind in device.overrides:
                return bool(device.overrides[kind])
            return self.settings.fault(device.uuid, kind)
        return has

    def step(self) -> None:
        now = self._clock()
        if self.settings.every_device and now >= self._next_discovery:
            self._next_discovery = now + DISCOVERY_S
            self._discover()
        for device in self.devices():
            try:
                device.step(now, self._timings(device), self._faults(device))
            except Exception:  # pylint: disable=broad-except
                # One device's failure must not stop the others: it leaves the simulation, and says why
                # unless it was deleted under it.
                self.remove(device.uuid)
                if self._exists(device.device_id):
                    traceback.print_exc(file=sys.stderr)

    def _exists(self, device_id: int) -> bool:
        with self.world.store.transaction() as tx:
            return tx.get("device", device_id) is not None

    def start(self) -> None:
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="device-simulation", daemon=True)
                self._thread.start()

    def stop(self) -> None:
        self._stop.set()

    def _run(self) -> None:
        while not self._stop.wait(TICK_S):
            self.step()


def simulator(world) -> Simulator:
    return attached(world, "simulator", lambda: Simulator(world))
