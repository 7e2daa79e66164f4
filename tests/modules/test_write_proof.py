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
    for attempt in ("first", "second"):
        result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, note="x"))
        assert result.get("failed"), (attempt, result)
        assert not result["changed"]
        assert fleet in result["msg"] and "read-only access" in result["msg"]
        assert result["not_applied"] == {uuid: ["note"]} and result["applied"] == {}


def test_read_only_members_of_a_selector_are_named(fresh_emulator):
    writable = fresh_emulator.credentials["writable_fleets"][3]
    read_only = read_only_fleet(fresh_emulator)
    uuids = [device["uuid"] for device in fleet_devices(fresh_emulator, writable) + fleet_devices(fresh_emulator, read_only)]
    for check_mode in (True, False):
        # The role on each fleet is asked before writing: nothing is written, in check mode or not.
        result = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=uuids, note="audit"), check_mode=check_mode)
        assert result.get("failed") and not result["changed"], result
        assert read_only in result["msg"] and "read-only access" in result["msg"] and writable not in result["msg"]
        assert result["failure"]["code"] == "ReadOnlyAccess"
        assert sorted(result["not_applied"]) == sorted(uuids) and result["applied"] == {}
    assert all(device["note"] != "audit" for device in fleet_devices(fresh_emulator, writable))


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


FIVE = {"PARTIAL_%d" % number: "value-%d" % number for number in range(1, 6)}


def fleet_variables(emulator, fleet):
    shown = run_module(balena_env_var.main, dict(auth(emulator), fleet=fleet, variables={}, show_values=True))
    return shown["variables"]


def posts(emulator, resource):
    return [entry for entry in emulator.request_log() if entry["method"] == "POST" and resource in entry["path"]]


def test_a_write_failing_halfway_says_what_was_applied(fresh_emulator):
    fleet = fresh_emulator.credentials["writable_fleets"][1]
    fresh_emulator.inject_fault({"status": 503, "method": "POST", "path": "application_environment_variable",
                                 "every": 3, "times": 1})
    result = run_module(balena_env_var.main, dict(auth(fresh_emulator), fleet=fleet, variables=FIVE, parallel=1))
    assert result.get("failed") and result["changed"], result
    assert "HTTP 503" in result["msg"] and "creating variable 'PARTIAL_3' on fleet %s (1 of 5 creations failed, 2 not tried) failed: HTTP 503" % fleet in result["msg"] and "see applied and not_applied" in result["msg"]
    assert result["applied"] == {fleet: ["PARTIAL_1", "PARTIAL_2"]}
    assert result["not_applied"] == {fleet: ["PARTIAL_3", "PARTIAL_4", "PARTIAL_5"]}
    stored = fleet_variables(fresh_emulator, fleet)
    assert sorted(name for name in stored if name.startswith("PARTIAL_")) == ["PARTIAL_1", "PARTIAL_2"]


def test_a_post_whose_connection_dropped_is_read_back_not_resent(fresh_emulator):
    fleet = fresh_emulator.credentials["writable_fleets"][1]
    fresh_emulator.inject_fault({"drop": True, "method": "POST", "path": "application_environment_variable",
                                 "every": 3, "times": 1})
    result = run_module(balena_env_var.main, dict(auth(fresh_emulator), fleet=fleet, variables=FIVE, parallel=1))
    assert result.get("failed") and result["changed"], result
    assert result["applied"] == {fleet: ["PARTIAL_1", "PARTIAL_2"]}
    assert result["not_applied"] == {fleet: ["PARTIAL_3", "PARTIAL_4", "PARTIAL_5"]}
    assert len(posts(fresh_emulator, "application_environment_variable")) == 3


def test_a_post_whose_answer_was_lost_counts_when_it_took_effect(fresh_emulator):
    fleet = fresh_emulator.credentials["writable_fleets"][1]
    fresh_emulator.inject_fault({"lose_answer": True, "method": "POST", "path": "application_environment_variable",
                                 "every": 3, "times": 1})
    fresh_emulator.clear_request_log()
    result = run_module(balena_env_var.main, dict(auth(fresh_emulator), fleet=fleet, variables=FIVE))
    assert not result.get("failed") and result["changed"], result
    assert result["added"] == sorted(FIVE)
    # five POSTs, one per variable: the one whose answer was lost was looked up, not sent again
    assert len(posts(fresh_emulator, "application_environment_variable")) == 5
    assert sorted(name for name in fleet_variables(fresh_emulator, fleet) if name.startswith("PARTIAL_")) == sorted(FIVE)


def test_a_refusal_on_the_second_of_two_devices_says_which_was_changed(fresh_emulator):
    credentials = fresh_emulator.credentials
    signage, air = credentials["writable_fleets"][0], credentials["writable_fleets"][1]
    uuids = [fleet_devices(fresh_emulator, signage)[0]["uuid"], fleet_devices(fresh_emulator, air)[0]["uuid"]]
    # release 1.0.0 is a different release in each fleet: one PATCH per device
    fresh_emulator.inject_fault({"status": 401, "method": "PATCH", "path": "^/v7/device", "every": 2, "times": 1})
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=uuids, release="1.0.0"))
    assert result.get("failed") and result["changed"], result
    assert "HTTP 401" in result["msg"]
    assert len(result["applied"]) == 1 and len(result["not_applied"]) == 1
    assert set(result["applied"]) | set(result["not_applied"]) == set(uuids)
    assert list(result["applied"].values()) == [["release"]]
