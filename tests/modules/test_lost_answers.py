"""A create whose answer was lost is looked up: an object that exists was created (changed), and the
message says the connection broke rather than that it could not be made."""
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_api_key_info, balena_application, balena_device

from .module_runner import run_module

NEW_UUID = "1234567890abcdef1234567890abcdef"


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_a_fleet_created_without_an_answer_is_a_change(fresh_emulator):
    fresh_emulator.inject_fault({"lose_answer": True, "method": "POST", "path": "^/v7/application$", "times": 1})
    args = dict(auth(fresh_emulator), name="lostb-fleet", organization="demo", device_type="raspberrypi3")
    result = run_module(balena_application.main, args)
    assert result.get("failed") and result["changed"], result
    assert "fleet demo/lostb-fleet was created" in result["msg"] and "could not connect" not in result["msg"]
    assert result["failure"]["code"] == "AnswerLost"
    assert result["applied"] == {"demo/lostb-fleet": ["state"]}
    rerun = run_module(balena_application.main, args)
    assert not rerun.get("failed") and not rerun["changed"], rerun


def test_a_fleet_not_created_after_a_dropped_request_is_no_change(fresh_emulator):
    fresh_emulator.inject_fault({"drop": True, "method": "POST", "path": "^/v7/application$", "times": 1})
    args = dict(auth(fresh_emulator), name="never-made", organization="demo", device_type="raspberrypi3", max_retries=0)
    result = run_module(balena_application.main, args)
    assert result.get("failed") and not result.get("changed"), result
    assert "the connection to " in result["msg"] and "broke before an answer came" in result["msg"]
    assert "could not connect" not in result["msg"]
    check = run_module(balena_application.main, dict(args, state="absent"), check_mode=True)
    assert not check["changed"], check


def test_a_device_registered_without_an_answer_is_a_change_and_says_how_to_get_its_key(fresh_emulator):
    fresh_emulator.inject_fault({"lose_answer": True, "method": "POST", "path": "^/device/register", "times": 1})
    args = dict(auth(fresh_emulator), uuid=NEW_UUID, fleet="demo/lab-prototypes", create=True, note="hi")
    result = run_module(balena_device.main, args)
    assert result.get("failed") and result["changed"], result
    assert "device {0} was registered in fleet demo/lab-prototypes".format(NEW_UUID) in result["msg"]
    assert "balena_api_key" in result["msg"] and result["failure"]["code"] == "AnswerLost"
    assert result["applied"] == {NEW_UUID: ["state"]} and "device_api_key" not in result
    rerun = run_module(balena_device.main, args)
    assert not rerun.get("failed") and rerun["changed"] and rerun["created"] is False, rerun
    assert rerun["device"]["note"] == "hi"


def provisioning_keys(emulator, fleet):
    listed = run_module(balena_api_key_info.main, dict(auth(emulator), fleet=fleet))
    assert not listed.get("failed"), listed
    return sorted(key["id"] for key in listed["api_keys"])


def test_registering_a_device_leaves_no_provisioning_key_behind(fresh_emulator):
    fleet = "demo/lab-prototypes"
    before = provisioning_keys(fresh_emulator, fleet)
    created = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=NEW_UUID, fleet=fleet, create=True))
    assert not created.get("failed") and created["created"] and created["device_api_key"], created
    assert provisioning_keys(fresh_emulator, fleet) == before


def test_a_registration_whose_answer_was_lost_leaves_no_provisioning_key_behind(fresh_emulator):
    fleet = "demo/lab-prototypes"
    before = provisioning_keys(fresh_emulator, fleet)
    fresh_emulator.inject_fault({"lose_answer": True, "method": "POST", "path": "^/device/register", "times": 1})
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=NEW_UUID, fleet=fleet, create=True))
    assert result.get("failed") and result["changed"], result
    assert provisioning_keys(fresh_emulator, fleet) == before
