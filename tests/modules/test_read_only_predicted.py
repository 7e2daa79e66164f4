"""The caller's role on a fleet is asked before writing: check mode refuses what the real run
refuses, the refusal names the fleet, and nothing is written."""
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.modules import (balena_application, balena_device, balena_env_var, balena_release,
                                                              balena_tag)

from .module_runner import api_requests, run_module

SCANNERS = "acme/warehouse-scanners"


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def devices_of(emulator, fleet):
    listed = run_module(balena_device.main, dict(auth(emulator), selector={"fleet": fleet}), check_mode=True)
    return [device["uuid"] for device in listed["devices"]]


def writes(emulator):
    return [entry for entry in api_requests(emulator) if entry[0] in ("POST", "PATCH", "DELETE") and "whoami" not in entry[1]]


def scanner_release(emulator):
    listed = run_module(balena_release.main, dict(auth(emulator), fleet=SCANNERS, release="3.4.1"), check_mode=True)
    return listed["release"]["commit"]


CASES = {
    "device note": (balena_device.main, lambda e: {"uuid": devices_of(e, SCANNERS)[0], "note": "foo"}),
    "device tags": (balena_device.main, lambda e: {"uuid": devices_of(e, SCANNERS)[0], "tags": {"t": "1"}, "purge_tags": False}),
    "device removal": (balena_device.main, lambda e: {"uuid": devices_of(e, SCANNERS)[0], "state": "absent"}),
    "tags of devices": (balena_tag.main, lambda e: {"devices": devices_of(e, SCANNERS), "tags": {"dock": "q"}, "purge": False}),
    "fleet variable": (balena_env_var.main, lambda e: {"fleet": SCANNERS, "variables": {"FOO": "bar"}}),
    "fleet device urls": (balena_application.main, lambda e: {"name": "warehouse-scanners", "organization": "acme",
                                                              "device_urls": True}),
    "fleet tags": (balena_application.main, lambda e: {"slug": SCANNERS, "tags": {"t": "1"}, "purge_tags": False}),
    "fleet removal": (balena_application.main, lambda e: {"slug": SCANNERS, "state": "absent"}),
    "release tags": (balena_release.main, lambda e: {"fleet": SCANNERS, "release": "3.4.1", "tags": {"t": "1"}}),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_write_to_a_read_only_fleet_fails_alike_in_check_mode(fresh_emulator, case):
    main, arguments = CASES[case]
    args = dict(auth(fresh_emulator), **arguments(fresh_emulator))
    results = []
    fresh_emulator.clear_request_log()
    for check_mode in (True, False):
        result = run_module(main, args, check_mode=check_mode)
        assert result.get("failed") and not result.get("changed"), (check_mode, result)
        assert result["failure"]["code"] == "ReadOnlyAccess", result
        assert "read-only access: the API key may only read " + SCANNERS in result["msg"], result
        assert "HTTP" not in result["msg"]
        results.append((result["msg"], result.get("not_applied")))
    assert results[0] == results[1]
    assert writes(fresh_emulator) == []


def test_creating_a_fleet_where_the_user_is_no_administrator_fails_in_check_mode(fresh_emulator):
    args = dict(auth(fresh_emulator), name="new-scanners", organization="acme", device_type="raspberry-pi2")
    for check_mode in (True, False):
        result = run_module(balena_application.main, args, check_mode=check_mode)
        assert result.get("failed") and not result.get("changed"), result
        assert result["msg"] == ("organization: creating fleet acme/new-scanners needs the administrator role in "
                                 "organization acme, which this API key's user does not hold")


def test_moving_a_device_into_a_read_only_fleet_names_the_destination(fresh_emulator):
    uuid = devices_of(fresh_emulator, "demo/air-quality")[0]
    fresh_emulator.clear_request_log()
    for check_mode in (True, False):
        result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, fleet=SCANNERS), check_mode=check_mode)
        assert result.get("failed") and not result.get("changed"), result
        assert result["msg"] == "read-only access: the API key may only read {0} (not changed: {1})".format(SCANNERS, uuid)
        assert "air-quality" not in result["msg"] and result["failure"]["code"] == "ReadOnlyAccess"
    assert writes(fresh_emulator) == []


def test_a_writable_fleet_is_still_changed(fresh_emulator):
    uuid = devices_of(fresh_emulator, "acme/factory-gateways")[0]
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, note="developer may"))
    assert not result.get("failed") and result["changed"], result
