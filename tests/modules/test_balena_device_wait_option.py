"""balena_device with wait: after a release pin, wait (through the shared waiter) until the devices
run it; a device that never gets there times out by name."""
from __future__ import annotations

import requests

from ansible_collections.balena.cloud.plugins.modules import balena_device

from .module_runner import run_module


def admin(emulator, method, path, **kwargs):
    answer = requests.request(method, emulator.url + path, timeout=30,
                              headers={"Authorization": "Bearer " + emulator.credentials["admin_token"]}, **kwargs)
    answer.raise_for_status()
    return answer.json() if answer.content else None


def online_devices_and_another_release(emulator):
    fleet = emulator.credentials["writable_fleets"][3]
    where = "belongs_to__application/any(a:a/slug eq '%s')" % fleet
    devices = admin(emulator, "GET", "/v7/device?$select=id,uuid&$orderby=id asc&$expand=is_running__release($select=commit)"
                                     "&$filter=is_online eq true and " + where)["d"]
    releases = admin(emulator, "GET", "/v7/release?$select=commit&$orderby=id asc&$filter=status eq 'success' and " + where)["d"]
    running = {linked["commit"] for device in devices for linked in device["is_running__release"]}
    other = next(release["commit"] for release in releases if release["commit"] not in running)
    return [device["uuid"] for device in devices], other


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_a_pinned_simulated_device_is_waited_for_until_it_runs_the_release(fresh_emulator):
    uuids, commit = online_devices_and_another_release(fresh_emulator)
    admin(fresh_emulator, "PATCH", "/_emulator/simulation", json={"notice_delay_s": 0.2, "download_s": 0.3, "poll_interval_s": 0.2})
    admin(fresh_emulator, "PUT", "/_emulator/simulation/devices/" + uuids[0], json={})
    args = dict(auth(fresh_emulator), uuid=uuids[0], release=commit, wait=True, wait_timeout=30, wait_interval=0.3)
    result = run_module(balena_device.main, args)
    assert not result.get("failed"), result.get("msg")
    assert result["changed"] and result["wait"]["pending"] == []
    assert [device["uuid"] for device in result["wait"]["converged"]] == [uuids[0]]
    assert result["wait"]["waited_for"] == "running release " + commit


def test_a_device_that_never_runs_its_pin_times_out_by_name(fresh_emulator):
    uuids, commit = online_devices_and_another_release(fresh_emulator)
    args = dict(auth(fresh_emulator), uuid=uuids[1], release=commit, wait=True, wait_timeout=1, wait_interval=0.3)
    result = run_module(balena_device.main, args)
    assert result.get("failed") and result["changed"], result
    assert "timed out after 1.0 s" in result["msg"] and uuids[1] in result["msg"]
    assert result["wait"]["pending"][0]["uuid"] == uuids[1]


def test_wait_needs_something_to_wait_for(fresh_emulator):
    uuids, _commit = online_devices_and_another_release(fresh_emulator)
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuids[0], note="x", wait=True))
    assert result.get("failed") and result["msg"].startswith("wait: ") and "track_fleet" in result["msg"]
    bad = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuids[0], release="1.0.0", wait=True, wait_interval=0))
    assert bad.get("failed") and "wait_interval" in bad["msg"]


def release_id(emulator, commit):
    return admin(emulator, "GET", "/v7/release?$select=id&$filter=commit eq '%s'" % commit)["d"][0]["id"]


def test_a_release_given_by_id_is_waited_for_by_the_commit_it_names(fresh_emulator):
    uuids, commit = online_devices_and_another_release(fresh_emulator)
    admin(fresh_emulator, "PUT", "/_emulator/simulation/devices/" + uuids[0],
          json={"notice_delay_s": 0.2, "download_s": 0.3, "poll_interval_s": 0.2})
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuids[0], release=str(release_id(fresh_emulator, commit)),
                                                 wait=True, wait_timeout=30, wait_interval=0.3))
    assert not result.get("failed"), result.get("msg")
    assert [device["uuid"] for device in result["wait"]["converged"]] == [uuids[0]]
    assert result["wait"]["waited_for"] == "running release " + commit


def test_track_fleet_waits_for_the_fleets_release(fresh_emulator):
    uuids, commit = online_devices_and_another_release(fresh_emulator)
    admin(fresh_emulator, "PUT", "/_emulator/simulation/devices/" + uuids[0],
          json={"notice_delay_s": 0.2, "download_s": 0.3, "poll_interval_s": 0.2})
    pinned = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuids[0], release=commit, wait=True,
                                                 wait_timeout=30, wait_interval=0.3))
    assert not pinned.get("failed"), pinned.get("msg")
    fleet_release = admin(fresh_emulator, "GET", "/v7/device?$select=id&$filter=uuid eq '%s'&$expand=belongs_to__application("
                                                 "$select=id;$expand=should_be_running__release($select=commit))" % uuids[0])
    fleet_commit = fleet_release["d"][0]["belongs_to__application"][0]["should_be_running__release"][0]["commit"]
    assert fleet_commit != commit
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuids[0], track_fleet=True, wait=True,
                                                 wait_timeout=30, wait_interval=0.3))
    assert not result.get("failed"), result.get("msg")
    assert result["wait"]["waited_for"] == "running release " + fleet_commit
    assert result["device"]["running_release"] == fleet_commit


def test_seconds_that_are_not_finite_or_too_short_are_refused_by_name(emulator):
    from ansible_collections.balena.cloud.plugins.modules import balena_device_action, balena_device_wait
    device = emulator.credentials["device"]["uuid"]
    for value in (float("nan"), float("inf"), -1.0, 0.0, 0.001, 0.19):
        waited = run_module(balena_device_wait.main, dict(auth(emulator), uuid=device, online=True, interval=value, wait_timeout=5))
        assert waited.get("failed") and waited["msg"].startswith("interval: must be a finite number of at least 0.2 seconds"), (value, waited)
        pinned = run_module(balena_device.main, dict(auth(emulator), uuid=device, release="1.0.0", wait=True, wait_interval=value))
        assert pinned.get("failed") and pinned["msg"].startswith("wait_interval: "), (value, pinned)
        acted = run_module(balena_device_action.main, dict(auth(emulator), uuid=device, action="reboot", wait=True, wait_interval=value))
        assert acted.get("failed") and acted["msg"].startswith("wait_interval: "), (value, acted)
    for value in (float("nan"), float("inf"), -1.0):
        waited = run_module(balena_device_wait.main, dict(auth(emulator), uuid=device, online=True, wait_timeout=value))
        assert waited.get("failed") and waited["msg"].startswith("wait_timeout: must be a finite number"), (value, waited)
        pinned = run_module(balena_device.main, dict(auth(emulator), uuid=device, release="1.0.0", wait=True, wait_timeout=value))
        assert pinned.get("failed") and pinned["msg"].startswith("wait_timeout: "), (value, pinned)


def test_wait_timeout_without_wait_warns(emulator):
    device = emulator.credentials["device"]["uuid"]
    result = run_module(balena_device.main, dict(auth(emulator), uuid=device, wait_timeout=60), check_mode=True)
    assert not result.get("failed"), result.get("msg")
    assert "wait_timeout only applies with wait: true" in str(result["warnings"])
