"""Small truths of balena_device and balena_application results."""
from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import balena_application, balena_device

from .module_runner import run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_removing_a_device_that_does_not_exist_warns(fresh_emulator):
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid="0" * 32, state="absent"))
    assert not result.get("failed") and not result["changed"], result
    assert "device {0} does not exist".format("0" * 32) in json.dumps(result.get("warnings")), result


def test_check_mode_does_not_make_up_the_uuid_of_a_device_to_register(fresh_emulator):
    args = dict(auth(fresh_emulator), fleet=fresh_emulator.credentials["fleet"], name="to-be-made", create=True)
    predicted = run_module(balena_device.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["device"]["uuid"] is None and predicted["diff"]["after"]["uuid"] is None
    created = run_module(balena_device.main, args)
    assert len(created["device"]["uuid"]) in (32, 62)


def test_not_applied_names_the_option_given(fresh_emulator):
    fleet = fresh_emulator.credentials["writable_fleets"][1]
    fresh_emulator.inject_fault({"status": 503, "method": "PATCH", "path": "^/v7/application", "times": 1})
    result = run_module(balena_application.main, dict(auth(fresh_emulator), slug=fleet, release="0.9.0", max_retries=0))
    assert result.get("failed") and not result["changed"], result
    assert result["not_applied"] == {fleet: ["release"]}, result
