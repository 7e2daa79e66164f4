"""Writes prove their effect: rows the key may only read are a failure, and a write interrupted
halfway says what was applied and what was not."""
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_application, balena_device, balena_env_var, balena_tag

from .module_runner import run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def fleet_devices(emulator, fleet):
    admin = dict(auth(emulator), selector={"fleet": fleet})
    return run_module(balena_device.main, admin, check_mode=True)["devices"]


def read_only_fleet(emulator):
    return emulator.credentials["read_only_fleets"][0]


def test_a_read_only_device_is_a_failure_not_a_change(fresh_emulator):
    fleet = read_only_fleet(fresh_emulator)
    uuid = fleet_devices(fresh_emulator, fleet)[0]["uuid"]
    for _ in range(2):
        result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, note="x"))
        assert result.get("failed"), result
        assert not result["changed"]
        assert fleet in result["msg"] and "read-only access" in result["msg"]
        assert result["not_applied"] == {uuid: ["note"]} and result["applied"] == {}


def test_read_only_members_of_a_selector_are_named(fresh_emulator):
    writable = fresh_emulator.credentials["writable_fleets"][3]
    read_only = read_only_fleet(fresh_emulator)
    result = run_module(balena_device.main, dict(auth(fresh_emulator), selector={"tags": {}, "device_type": None, "online": None,
                                                                                "fleet": None}, note="audit"))
    assert result.get("failed")  # an empty selector is refused
    uuids = [device["uuid"] for device in fleet_devices(fresh_emulator, writable) + fleet_devices(fresh_emulator, read_only)]
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=uuids, note="audit"))
    assert result.get("failed") and result["changed"], result
    assert read_only in result["msg"] and "read-only access" in result["msg"]
    scanners = [device["uuid"] for device in fleet_devices(fresh_emulator, read_only)]
    assert sorted(result["not_applied"]) == sorted(scanners)
    assert sorted(result["applied"]) == sorted(set(uuids) - set(scanners))


def test_a_tag_on_a_read_only_device_is_a_failure(fresh_emulator):
    fleet = read_only_fleet(fresh_emulator)
    device = fleet_devices(fresh_emulator, fleet)[0]
    args = dict(auth(fresh_emulator), device=device["uuid"], tags={"dock": "z"})
    result = run_module(balena_tag.main, args)
    assert result.get("failed"), result
    assert fleet in result["msg"] and "read-only access" in result["msg"]
    assert not result["changed"]


def test_a_read_only_fleet_is_a_failure(fresh_emulator):
    fleet = read_only_fleet(fresh_emulator)
    result = run_module(balena_application.main, dict(auth(fresh_emulator), slug=fleet, device_urls=True))
    assert result.get("failed"), result
    assert fleet in result["msg"] and "read-only access" in result["msg"]
