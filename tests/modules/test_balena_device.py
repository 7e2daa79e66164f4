from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import balena_device

from .module_runner import api_requests, run_module, without_access_checks


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_many_devices_are_read_in_one_page_and_written_in_groups(emulator_factory):
    emulator = emulator_factory("--seed", "demo", "--db", ":memory:", "--devices", "450")
    fleet = emulator.credentials["fleet"]
    args = dict(auth(emulator), selector={"fleet": fleet}, note="bulk", device_url=True)
    emulator.clear_request_log()
    first = run_module(balena_device.main, args)
    requests = without_access_checks(api_requests(emulator))
    assert first["changed"]
    count = len(first["devices"])
    assert count > 50
    # one page read, then one PATCH per 200 devices (every device gets the same change), each naming
    # exact ids, then the written devices read back by id with one request per 200
    assert [entry[0] for entry in requests] == ["GET"] + ["PATCH"] * ((count + 199) // 200) + ["GET"] * ((count + 199) // 200)
    patches = [path for method, path in requests if method == "PATCH"]
    assert all("$filter=id" in path or "$filter=(id" in path for path in patches)
    read_back = [path for method, path in requests[1:] if method == "GET"]
    assert all("$filter=id" in path or "$filter=(id" in path for path in read_back)
    assert {device["note"] for device in first["devices"]} == {"bulk"}

    emulator.clear_request_log()
    second = run_module(balena_device.main, args)
    assert not second["changed"]
    assert [entry[0] for entry in api_requests(emulator)] == ["GET"]


def test_registration_returns_the_key_once(fresh_emulator):
    args = dict(auth(fresh_emulator), fleet=fresh_emulator.credentials["fleet"], name="pre-provisioned", create=True)
    predicted = run_module(balena_device.main, args, check_mode=True)
    assert predicted["changed"] and predicted["created"] and "device_api_key" not in predicted
    created = run_module(balena_device.main, args)
    assert created["changed"] and created["created"] and len(created["device_api_key"]) > 10
    again = run_module(balena_device.main, args)
    assert not again["changed"] and not again["created"] and "device_api_key" not in again
    assert created["device_api_key"] not in json.dumps(again)
    assert again["device"]["id"] == created["device"]["id"]


def test_check_mode_sends_only_reads(fresh_emulator):
    credentials = fresh_emulator.credentials
    fresh_emulator.clear_request_log()
    args = dict(auth(fresh_emulator), uuid=credentials["device"]["uuid"], note="x", tags={"site": "berlin"}, lock_override=True)
    result = run_module(balena_device.main, args, check_mode=True, diff=True)
    assert result["changed"]
    assert result["diff"]["after"]["note"] == "x" and result["diff"]["after"]["lock_override"] is True
    assert {entry[0] for entry in api_requests(fresh_emulator)} == {"GET"}


def test_settings_for_other_states_are_refused(fresh_emulator):
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=fresh_emulator.credentials["device"]["uuid"],
                                                 note="x", state="absent"))
    assert result["failed"] and result["msg"].startswith("note: only applies with state=present")


def test_a_location_off_the_globe_is_refused_before_any_request(fresh_emulator):
    fresh_emulator.clear_request_log()
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=fresh_emulator.credentials["device"]["uuid"],
                                                 location={"latitude": 95.0, "longitude": 10.0}))
    assert result["failed"] and result["msg"].startswith("location: latitude must be between -90 and 90")
    assert api_requests(fresh_emulator) == []
