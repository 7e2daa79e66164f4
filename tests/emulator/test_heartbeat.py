"""The API heartbeat moves a device that stopped polling to timeout, then offline."""
from __future__ import annotations

import pytest

from emulator.app import build_world
from emulator.heartbeat import HeartbeatMonitor
from emulator.seed import seeding


class FakeClock:
    def __init__(self):
        self.now = 1000.0

    def __call__(self):
        return self.now


@pytest.fixture(name="world_and_device")
def fixture_world_and_device():
    world = build_world()
    credentials = seeding.seed_once(world, "demo")
    with world.store.transaction() as tx:
        device = tx.find("device", uuid=credentials["device"]["uuid"])[0]
        tx.update("device", device["id"], {"api_heartbeat_state": "online"})
    return world, device["id"]


def heartbeat_state(world, device_id):
    with world.store.transaction() as tx:
        return tx.get("device", device_id)["api_heartbeat_state"]


def test_a_polling_device_times_out_then_goes_offline(world_and_device):
    world, device_id = world_and_device
    clock = FakeClock()
    monitor = HeartbeatMonitor(world.store, clock=clock)
    monitor.beat(device_id, 600_000)

    clock.now += 899
    monitor.sweep()
    assert heartbeat_state(world, device_id) == "online"

    clock.now += 2
    monitor.sweep()
    assert heartbeat_state(world, device_id) == "timeout"

    clock.now += 15
    monitor.sweep()
    assert heartbeat_state(world, device_id) == "offline"


def test_a_new_poll_restarts_the_window(world_and_device):
    world, device_id = world_and_device
    clock = FakeClock()
    monitor = HeartbeatMonitor(world.store, clock=clock)
    monitor.beat(device_id, 600_000)
    clock.now += 800
    monitor.beat(device_id, 600_000)
    clock.now += 800
    monitor.sweep()
    assert heartbeat_state(world, device_id) == "online"


def test_an_untracked_device_keeps_its_state(world_and_device):
    world, device_id = world_and_device
    clock = FakeClock()
    monitor = HeartbeatMonitor(world.store, clock=clock)
    clock.now += 10_000
    monitor.sweep()
    assert heartbeat_state(world, device_id) == "online"
