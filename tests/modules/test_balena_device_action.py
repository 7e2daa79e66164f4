from __future__ import annotations

import pytest
import requests

from ansible_collections.balena.cloud.plugins.modules import balena_device_action
from ansible_collections.balena.cloud.plugins.module_utils.device_changes import bare_os_version

from .module_runner import api_requests, run_module, without_access_checks


@pytest.mark.parametrize("given", ["balenaOS 6.0.13", "v6.0.13", "6.0.13", "6.0.13.prod", "6.0.13+dev"])
def test_os_versions_compare_without_prefix_or_variant(given):
    assert bare_os_version(given) == "6.0.13"


def test_os_update_on_the_current_version_sends_nothing(fresh_emulator):
    credentials = fresh_emulator.credentials
    fresh_emulator.clear_request_log()
    result = run_module(balena_device_action.main, {
        "api_url": fresh_emulator.url, "api_key": credentials["api_key"],
        "uuid": credentials["device"]["uuid"], "action": "os_update", "os_version": "6.0.13"})
    assert not result["changed"] and result["devices"][0]["status"] == "skipped"
    assert {entry[0] for entry in api_requests(fresh_emulator)} == {"GET"}


def test_offline_devices_are_reported_and_fail_the_task(fresh_emulator):
    credentials = fresh_emulator.credentials
    args = {"api_url": fresh_emulator.url, "api_key": credentials["api_key"], "action": "identify",
            "uuids": [credentials["device"]["uuid"], credentials["offline_device"]["uuid"]]}
    result = run_module(balena_device_action.main, args)
    assert result["failed"] and credentials["offline_device"]["uuid"] in result["msg"]
    assert [entry["status"] for entry in result["devices"]] == ["done", "offline"]
    accepted = run_module(balena_device_action.main, dict(args, ignore_offline=True))
    assert not accepted.get("failed") and accepted["counts"] == {"done": 1, "offline": 1}


@pytest.mark.parametrize("action", ["reboot", "identify", "restart_application", "purge", "update", "ping"])
def test_actions_reuse_the_devices_read_once(fresh_emulator, action):
    credentials = fresh_emulator.credentials
    args = {"api_url": fresh_emulator.url, "api_key": credentials["api_key"], "action": action}
    uuids = [credentials["device"]["uuid"], credentials["offline_device"]["uuid"]]
    by_uuid = run_module(balena_device_action.main, dict(args, uuids=uuids, ignore_offline=True))
    fresh_emulator.clear_request_log()
    result = run_module(balena_device_action.main, dict(args, id=by_uuid["devices"][0]["id"]))
    assert result["devices"][0]["status"] == "done"
    sent = without_access_checks(api_requests(fresh_emulator))
    assert [entry[0] for entry in sent] == ["GET", "POST"], sent


def test_os_update_goes_to_the_actions_service_and_takes_effect(fresh_emulator):
    credentials = fresh_emulator.credentials
    args = {"api_url": fresh_emulator.url, "api_key": credentials["api_key"], "action": "os_update",
            "os_version": "6.0.13", "actions_url": fresh_emulator.url + "/actions",
            "selector": {"fleet": "demo/air-quality", "online": True}}
    result = run_module(balena_device_action.main, args)
    statuses = {entry["device_name"]: entry["status"] for entry in result["devices"]}
    assert statuses["garage-sensor"] == "done", result
    again = run_module(balena_device_action.main, args)
    assert not again["changed"] and {entry["status"] for entry in again["devices"]} == {"skipped"}


def test_a_service_action_reaches_a_bulk_seeded_device(emulator_factory):
    emulator = emulator_factory("--seed", "demo", "--db", ":memory:", "--devices", "12")
    answer = requests.get(emulator.url + "/v7/device", timeout=30, headers={"Authorization": "Bearer " + emulator.credentials["admin_token"]},
                          params={"$select": "uuid", "$orderby": "id desc", "$top": "12",
                                  "$filter": "is_online eq true and belongs_to__application/any(a:a/slug eq '%s')" % emulator.credentials["fleet"]})
    answer.raise_for_status()
    uuid = answer.json()["d"][0]["uuid"]
    result = run_module(balena_device_action.main, {"api_url": emulator.url, "api_key": emulator.credentials["api_key"],
                                                    "uuid": uuid, "action": "restart_service", "service": "player"})
    assert not result.get("failed"), result.get("msg")
    assert [entry["status"] for entry in result["devices"]] == ["done"], result["devices"]
