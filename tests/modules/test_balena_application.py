from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_application, balena_application_info

from .module_runner import api_requests, run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_an_unchanged_fleet_costs_one_read(fresh_emulator):
    args = dict(auth(fresh_emulator), slug=fresh_emulator.credentials["fleet"], device_type="raspberrypi4-64",
                tags={"team": "retail"}, device_urls=False, track_latest=True)
    run_module(balena_application.main, args)
    fresh_emulator.clear_request_log()
    again = run_module(balena_application.main, args)
    assert not again["changed"]
    assert api_requests(fresh_emulator) and [entry[0] for entry in api_requests(fresh_emulator)] == ["GET"]


def test_info_with_everything_costs_two_reads(fresh_emulator):
    fresh_emulator.clear_request_log()
    result = run_module(balena_application_info.main, dict(auth(fresh_emulator), include=["tags", "variables", "device_counts"]))
    assert len(result["applications"]) >= 4
    assert len(api_requests(fresh_emulator)) == 2
    counts = [fleet["device_counts"] for fleet in result["applications"]]
    assert all(count["total"] == count["online"] + count["offline"] for count in counts)
