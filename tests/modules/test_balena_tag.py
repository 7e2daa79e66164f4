from __future__ import annotations

import pytest
import requests

from ansible_collections.balena.cloud.plugins.modules import balena_tag

from .module_runner import api_requests, methods, run_module, without_access_checks


@pytest.fixture
def many_devices(emulator_factory):
    emulator = emulator_factory("--seed", "demo", "--db", ":memory:", "--devices", "300")
    writable = ",".join("'%s'" % slug for slug in emulator.credentials["writable_fleets"])
    query = "$select=uuid&$orderby=id asc&$filter=belongs_to__application/any(a:a/slug in (%s))" % writable
    answer = requests.get(emulator.url + "/v7/device", params=query, timeout=30,
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]})
    answer.raise_for_status()
    uuids = [row["uuid"] for row in answer.json()["d"]]
    return emulator, {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}, uuids


def test_tagging_many_devices_reads_per_chunk_and_batches_updates(many_devices):
    emulator, auth, uuids = many_devices
    assert len(uuids) > 200
    lookups = -(-len(uuids) // 100)

    emulator.clear_request_log()
    first = run_module(balena_tag.main, dict(auth, devices=uuids, tags={"fleet-wave": "1"}))
    counts = [entry[0] for entry in without_access_checks(api_requests(emulator))]
    assert not first.get("failed"), first.get("msg")
    assert first["changed"] and first["added"] == ["fleet-wave"] and len(first["targets"]) == len(uuids)
    assert counts.count("GET") == lookups and counts.count("POST") == len(uuids)

    emulator.clear_request_log()
    second = run_module(balena_tag.main, dict(auth, devices=uuids, tags={"fleet-wave": "1"}))
    assert not second["changed"]
    assert methods(api_requests(emulator)) == ["GET"] and len(api_requests(emulator)) == lookups

    emulator.clear_request_log()
    third = run_module(balena_tag.main, dict(auth, devices=uuids, tags={"fleet-wave": "2"}))
    counts = [entry[0] for entry in without_access_checks(api_requests(emulator))]
    assert third["updated"] == ["fleet-wave"]
    # one PATCH: the ids of a few hundred rows fit in one URL
    assert counts.count("PATCH") == 1 and "POST" not in counts


def test_fleet_tags_in_check_mode_and_diff(fresh_emulator):
    auth = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"]}
    fleet = fresh_emulator.credentials["fleet"]
    fresh_emulator.clear_request_log()
    predicted = run_module(balena_tag.main, dict(auth, fleet=fleet, tags={"new": "x"}, purge=True), check_mode=True, diff=True)
    assert predicted["changed"] and predicted["added"] == ["new"] and predicted["removed"]
    assert predicted["tags"] == {"new": "x"}
    assert predicted["diff"]["after"] == {"new": "x"}
    assert methods(api_requests(fresh_emulator)) == ["GET"]


def test_bad_input_names_the_parameter(fresh_emulator):
    auth = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"]}
    result = run_module(balena_tag.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], tags={"bad key": "x"}))
    assert result["failed"] and result["msg"] == "tags: tag key 'bad key' must not contain whitespace"
    result = run_module(balena_tag.main, dict(auth, tags={"a": "b"}))
    assert result["failed"] and "one of the following is required" in result["msg"]
