"""Every module reads a device uuid the same way, whatever its case; device actions on a fleet the
key may only read name that fleet."""
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_device, balena_device_action, balena_device_info, balena_tag

from .module_runner import run_module

SCANNERS = "acme/warehouse-scanners"


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_an_upper_case_uuid_names_the_same_device_in_every_module(fresh_emulator):
    uuid = fresh_emulator.credentials["device"]["uuid"]
    upper = uuid.upper()
    info = run_module(balena_device_info.main, dict(auth(fresh_emulator), uuid=upper))
    assert [device["uuid"] for device in info["devices"]] == [uuid], info
    changed = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=upper, note="upper"))
    assert not changed.get("failed") and changed["changed"] and changed["device"]["uuid"] == uuid, changed
    listed = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=[upper], note="upper"))
    assert not listed.get("failed") and not listed["changed"], listed
    tagged = run_module(balena_tag.main, dict(auth(fresh_emulator), devices=[upper], tags={"case": "upper"}, purge=False))
    assert not tagged.get("failed") and tagged["changed"], tagged


def test_registering_an_upper_case_uuid_stores_it_in_lower_case(fresh_emulator):
    upper = "ABCDEF0123456789ABCDEF0123456789"
    args = dict(auth(fresh_emulator), uuid=upper, fleet="demo/lab-prototypes", create=True)
    created = run_module(balena_device.main, args)
    assert not created.get("failed") and created["created"] and created["device"]["uuid"] == upper.lower(), created
    again = run_module(balena_device.main, args)
    assert not again.get("failed") and not again["changed"] and again["created"] is False, again


def test_an_action_on_a_read_only_fleet_names_it(fresh_emulator):
    listed = run_module(balena_device.main, dict(auth(fresh_emulator), selector={"fleet": SCANNERS}), check_mode=True)
    uuids = [device["uuid"] for device in listed["devices"]]
    for check_mode in (True, False):
        result = run_module(balena_device_action.main, dict(auth(fresh_emulator), uuids=uuids, action="identify"),
                            check_mode=check_mode)
        assert result.get("failed") and not result["changed"], result
        assert "read-only access: the API key may only read fleet " + SCANNERS in result["msg"], result["msg"]
        assert result["counts"] == {"failed": len(uuids)}
