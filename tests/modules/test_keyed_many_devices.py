"""Variables and tags on many devices in one task: uuids or a selector, concurrent creation within
a bound, one read per page for the current values, and failures reported per device."""
from __future__ import annotations

import time

import pytest
import requests

from ansible_collections.balena.cloud.plugins.modules import balena_env_var, balena_tag

from .module_runner import api_requests, methods, run_module

THREE = {"WAVE_A": "1", "WAVE_B": "2", "WAVE_C": "3"}


@pytest.fixture
def fleet_world(emulator_factory):
    """An emulator with a few hundred devices; the busiest writable fleet, its uuids and a service."""
    emulator = emulator_factory("--seed", "demo", "--db", ":memory:", "--devices", "300")
    auth = {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}
    headers = {"Authorization": "Bearer " + emulator.credentials["api_key"]}

    def get(query):
        answer = requests.get(emulator.url + "/v7/" + query, timeout=30, headers=headers)
        answer.raise_for_status()
        return answer.json()["d"]

    fleet = max(emulator.credentials["writable_fleets"],
                key=lambda slug: len(get("device?$select=id&$filter=belongs_to__application/any(a:a/slug eq '%s')" % slug)))
    uuids = [row["uuid"] for row in get("device?$select=uuid&$orderby=id asc&$filter=belongs_to__application/any(a:a/slug eq '%s')" % fleet)]
    services = get("service?$select=service_name&$orderby=service_name asc&$filter=application/any(a:a/slug eq '%s')" % fleet)
    return emulator, auth, fleet, uuids, services[0]["service_name"]


def stored_variables(emulator, uuid):
    shown = run_module(balena_env_var.main, {"api_url": emulator.url, "api_key": emulator.credentials["api_key"],
                                             "device": uuid, "variables": {}, "show_values": True})
    return shown["variables"]


def test_three_variables_on_a_selector_then_a_rerun_only_reads(fleet_world):
    emulator, auth, fleet, uuids, _service = fleet_world
    assert len(uuids) > 50
    args = dict(auth, selector={"fleet": fleet}, variables=THREE)

    emulator.clear_request_log()
    first = run_module(balena_env_var.main, args, diff=True)
    assert not first.get("failed"), first.get("msg")
    assert first["changed"] and first["added"] == sorted(THREE)
    assert sorted(target["name"] for target in first["targets"]) == sorted(uuids)
    assert all(target["added"] == sorted(THREE) for target in first["targets"])
    assert "variables" not in first
    assert sorted(first["diff"]["after"]) == sorted(uuids)
    assert first["diff"]["after"][uuids[0]] == {name: "********" for name in THREE}
    counts = [entry[0] for entry in api_requests(emulator)]
    assert counts.count("POST") == 3 * len(uuids)
    assert stored_variables(emulator, uuids[-1]) == THREE

    emulator.clear_request_log()
    second = run_module(balena_env_var.main, args)
    assert not second["changed"] and set(THREE) <= set(second["untouched"])
    assert methods(api_requests(emulator)) == ["GET"] and len(api_requests(emulator)) <= 5


def test_check_mode_on_many_devices_only_reads(fleet_world):
    emulator, auth, _fleet, uuids, _service = fleet_world
    emulator.clear_request_log()
    result = run_module(balena_tag.main, dict(auth, uuids=uuids[:40], tags={"audit": "yes"}), check_mode=True, diff=True)
    assert result["changed"] and result["added"] == ["audit"] and len(result["targets"]) == 40
    assert sorted(result["diff"]["after"]) == sorted(uuids[:40])
    assert methods(api_requests(emulator)) == ["GET"]


def test_devices_stays_an_alias_of_uuids(fleet_world):
    _emulator, auth, _fleet, uuids, _service = fleet_world
    result = run_module(balena_tag.main, dict(auth, devices=uuids[:3], tags={"alias": "ok"}))
    assert result["changed"] and sorted(target["name"] for target in result["targets"]) == sorted(uuids[:3])


def test_a_service_variable_on_every_selected_device(fleet_world):
    emulator, auth, fleet, uuids, service = fleet_world
    args = dict(auth, selector={"fleet": fleet}, service=service, name="VOLUME", value="25")
    first = run_module(balena_env_var.main, args)
    assert not first.get("failed"), first.get("msg")
    assert first["changed"] and len(first["targets"]) == len(uuids)
    assert first["targets"][0]["name"] == "{0} on device {1}".format(service, uuids[0])
    emulator.clear_request_log()
    again = run_module(balena_env_var.main, args)
    assert not again["changed"] and methods(api_requests(emulator)) == ["GET"]


def test_a_service_missing_on_some_devices_is_a_clear_failure(fleet_world):
    _emulator, auth, fleet, _uuids, _service = fleet_world
    result = run_module(balena_env_var.main, dict(auth, selector={"fleet": fleet}, service="no-such-service", name="A", value="1"))
    assert result.get("failed") and not result.get("changed")
    assert "service" in result["msg"] and "no service named 'no-such-service'" in result["msg"]


def test_new_rows_are_created_concurrently_within_the_bound(fleet_world):
    emulator, auth, _fleet, uuids, _service = fleet_world
    emulator.inject_fault({"latency_ms": 250, "method": "POST", "path": "device_tag"})
    started = time.monotonic()
    parallel = run_module(balena_tag.main, dict(auth, uuids=uuids[:16], tags={"speed": "parallel"}))
    parallel_seconds = time.monotonic() - started
    started = time.monotonic()
    sequential = run_module(balena_tag.main, dict(auth, uuids=uuids[16:32], tags={"speed": "sequential"}, parallel=1))
    sequential_seconds = time.monotonic() - started
    assert parallel["changed"] and sequential["changed"]
    # 16 POSTs of 250 ms: one after the other at least 4 s; 8 at a time about 0.5 s
    assert sequential_seconds >= 4.0
    assert parallel_seconds < 2.5, parallel_seconds


def test_parallel_must_be_positive(fleet_world):
    _emulator, auth, _fleet, uuids, _service = fleet_world
    result = run_module(balena_tag.main, dict(auth, uuids=uuids[:2], tags={"a": "b"}, parallel=0))
    assert result.get("failed") and "parallel" in result["msg"] and not result.get("changed")


def test_a_failure_at_scale_is_reported_per_device(fleet_world):
    emulator, auth, fleet, uuids, _service = fleet_world
    emulator.inject_fault({"status": 503, "method": "POST", "path": "device_environment_variable", "every": 40, "times": 1})
    result = run_module(balena_env_var.main, dict(auth, selector={"fleet": fleet}, name="ROLLOUT", value="on"))
    assert result.get("failed") and result["changed"], result
    assert "HTTP 503" in result["msg"] and "creations failed" in result["msg"]
    applied, not_applied = result["applied"], result["not_applied"]
    assert set(applied) | set(not_applied) == set(uuids) and not set(applied) & set(not_applied)
    assert 39 <= len(applied) < len(uuids)
    # what the result says was applied is exactly what is stored
    for uuid in list(applied)[:3] + list(not_applied)[:3]:
        assert ("ROLLOUT" in stored_variables(emulator, uuid)) == (uuid in applied)
    emulator.clear_faults()
    rerun = run_module(balena_env_var.main, dict(auth, selector={"fleet": fleet}, name="ROLLOUT", value="on"))
    assert rerun["changed"] and len([target for target in rerun["targets"] if target["added"]]) == len(not_applied)


def test_a_lost_answer_among_concurrent_posts_is_read_back_not_resent(fleet_world):
    emulator, auth, _fleet, uuids, _service = fleet_world
    emulator.inject_fault({"lose_answer": True, "method": "POST", "path": "device_tag", "every": 5, "times": 1})
    emulator.clear_request_log()
    result = run_module(balena_tag.main, dict(auth, uuids=uuids[:20], tags={"lost": "found"}))
    assert not result.get("failed"), result.get("msg")
    assert result["changed"] and all(target["added"] == ["lost"] for target in result["targets"])
    assert [entry[0] for entry in api_requests(emulator)].count("POST") == 20
