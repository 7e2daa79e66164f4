"""The waiters against simulated devices of a running emulator: an aborted update ends the wait at once
naming the device, targets that do not exist and empty lists fail before polling, check mode does not
poll, and balena_device returns the devices as they are after its wait."""
from __future__ import annotations

import json
import time

import yaml

from ansible_collections.balena.cloud.plugins.modules import (
    balena_device,
    balena_device_action,
    balena_device_history_info,
    balena_device_wait,
)

from .module_runner import run_module
from .test_balena_device_wait_option import admin, auth, online_devices_and_another_release

FAST = {"notice_delay_s": 0.2, "download_s": 1.0, "poll_interval_s": 0.2, "reboot_s": 0.5}


def simulate(emulator, uuid, **options):
    admin(emulator, "PUT", "/_emulator/simulation/devices/" + uuid, json=dict(FAST, **options))


def device_row(emulator, uuid, select="update_status"):
    return admin(emulator, "GET", "/v7/device?$select=%s&$filter=uuid eq '%s'" % (select, uuid))["d"][0]


def abort_update(emulator, uuid, commit):
    """Pin a simulated device that fails its updates to ``commit`` and let it give that update up."""
    simulate(emulator, uuid, fail_update=True)
    pinned = run_module(balena_device.main, dict(auth(emulator), uuid=uuid, release=commit))
    assert not pinned.get("failed"), pinned.get("msg")
    deadline = time.monotonic() + 30
    while device_row(emulator, uuid)["update_status"] != "aborted":
        assert time.monotonic() < deadline, "the simulated device never aborted its update"
        time.sleep(0.2)


def test_an_aborted_update_ends_the_wait_at_once_naming_the_device(fresh_emulator):
    (good, bad), commit = online_devices_and_another_release(fresh_emulator)
    simulate(fresh_emulator, good)
    simulate(fresh_emulator, bad, fail_update=True)
    pinned = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=[good, bad], release=commit))
    assert not pinned.get("failed"), pinned.get("msg")
    started = time.monotonic()
    result = run_module(balena_device_wait.main, dict(auth(fresh_emulator), uuids=[good, bad], release=commit,
                                                      wait_timeout=120, interval=0.3))
    assert time.monotonic() - started < 30, "the wait went on after the update was aborted"
    assert result.get("failed"), result
    assert "timed out" not in result["msg"] and result["msg"].count("aborted") == 1
    assert result["msg"].startswith("1 of 2 device(s) will not converge (running release %s): %s (update aborted; " % (commit, bad))
    assert [device["uuid"] for device in result["converged"]] == [good]
    assert [(device["uuid"], device["reason"], device["update_status"]) for device in result["failed_devices"]] == [(bad, "update aborted", "aborted")]
    assert result["pending"] == []


def test_an_aborted_update_is_not_a_finished_one(fresh_emulator):
    (_good, bad), commit = online_devices_and_another_release(fresh_emulator)
    abort_update(fresh_emulator, bad, commit)
    result = run_module(balena_device_wait.main, dict(auth(fresh_emulator), uuid=bad, update_finished=True,
                                                      wait_timeout=60, interval=0.3))
    assert result.get("failed") and result["converged"] == [], result
    assert result["failed_devices"][0]["reason"] == "update aborted" and result["failed_devices"][0]["overall_status"] == "operational"
    assert result["polls"] == 1 and "update aborted" in result["msg"]


def test_balena_device_wait_stops_at_an_abort_after_the_pin_and_ignores_one_before(fresh_emulator):
    (good, bad), commit = online_devices_and_another_release(fresh_emulator)
    simulate(fresh_emulator, good)
    simulate(fresh_emulator, bad, fail_update=True)
    started = time.monotonic()
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=[good, bad], release=commit, wait=True,
                                                 wait_timeout=120, wait_interval=0.3))
    assert time.monotonic() - started < 30 and result.get("failed") and result["changed"], result
    assert result["wait"]["failed_devices"][0]["uuid"] == bad and "update aborted" in result["msg"]
    assert [device["uuid"] for device in result["wait"]["converged"]] == [good]

    # Once its cause is gone the device tries again: the abort it reported before this task does not count.
    simulate(fresh_emulator, bad, fail_update=False)
    assert device_row(fresh_emulator, bad)["update_status"] == "aborted"
    again = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=bad, release=commit,
                                                wait=True, wait_timeout=60, wait_interval=0.3))
    assert not again.get("failed"), again.get("msg")
    assert [device["uuid"] for device in again["wait"]["converged"]] == [bad]


def test_balena_device_returns_the_devices_as_they_are_after_the_wait(fresh_emulator):
    (device, _other), commit = online_devices_and_another_release(fresh_emulator)
    simulate(fresh_emulator, device)
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=device, release=commit, wait=True,
                                                 wait_timeout=60, wait_interval=0.3))
    assert not result.get("failed"), result.get("msg")
    assert result["device"]["running_release"] == commit
    assert result["device"]["pinned_release"] == commit and result["device"]["changed"] is True
    many = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=[device], note="after", release=commit,
                                               wait=True, wait_timeout=60, wait_interval=0.3))
    assert many["devices"][0]["running_release"] == commit and many["devices"][0]["note"] == "after"


def test_a_release_or_os_version_that_does_not_exist_fails_before_polling(emulator):
    (device, _other), commit = online_devices_and_another_release(emulator)
    for option, value in (("release", "9.9.9"), ("release", "zzzzzzz"), ("os_version", "banana")):
        started = time.monotonic()
        result = run_module(balena_device_wait.main, dict(auth(emulator), uuids=[device], wait_timeout=5, interval=1,
                                                          **{option: value}))
        assert time.monotonic() - started < 3, (option, value)
        assert result.get("failed") and result["msg"].startswith(option + ": "), result
        assert value in result["msg"] and "timed out" not in result["msg"]
    short = run_module(balena_device_wait.main, dict(auth(emulator), uuids=[device], release=commit[:7], wait_timeout=0),
                       check_mode=True)
    assert not short.get("failed"), short.get("msg")


def test_an_empty_list_of_devices_fails_unless_accepted(emulator):
    refused = run_module(balena_device_wait.main, dict(auth(emulator), uuids=[], online=True))
    assert refused.get("failed") and refused["msg"].startswith("uuids: lists no device"), refused
    assert "fail_on_empty" in refused["msg"]
    accepted = run_module(balena_device_wait.main, dict(auth(emulator), uuids=[], online=True, fail_on_empty=False))
    assert not accepted.get("failed") and accepted["converged"] == [] and accepted["pending"] == []
    assert "uuids lists no device" in json.dumps(accepted["warnings"])


def test_check_mode_reports_where_the_devices_are_without_polling(fresh_emulator):
    (device, _other), commit = online_devices_and_another_release(fresh_emulator)
    planned = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=device, release=commit), check_mode=True)
    assert planned["changed"] and not planned.get("failed")
    started = time.monotonic()
    result = run_module(balena_device_wait.main, dict(auth(fresh_emulator), uuid=device, release=commit,
                                                      wait_timeout=20, interval=0.5), check_mode=True)
    assert time.monotonic() - started < 5
    assert not result.get("failed") and result["changed"] is False, result
    assert result["polls"] == 1 and result["waited_for"] == "running release " + commit
    assert result["converged"] == [] and result["pending"][0]["uuid"] == device
    assert result["pending"][0]["running_release"] != commit


def test_history_entries_name_the_target_release_version(fresh_emulator):
    (device, _other), commit = online_devices_and_another_release(fresh_emulator)
    assert not run_module(balena_device.main, dict(auth(fresh_emulator), uuid=device, release=commit)).get("failed")
    version = admin(fresh_emulator, "GET", "/v7/release?$select=raw_version&$filter=commit eq '%s'" % commit)["d"][0]["raw_version"]
    result = run_module(balena_device_history_info.main, dict(auth(fresh_emulator), uuid=device, since="1h"))
    pinned = [entry for entry in result["entries"] if entry["target_release"] == commit]
    assert pinned and all(entry["target_release_version"] == version for entry in pinned)
    documented = set(yaml.safe_load(balena_device_history_info.RETURN))
    assert set(result) - {"changed", "invocation", "warnings"} <= documented, sorted(set(result) - documented)
    assert result["device"]["uuid"] == device


def test_a_failed_os_update_ends_the_wait_naming_the_device_and_the_actions_service_says_error(fresh_emulator):
    device = admin(fresh_emulator, "GET", "/v7/device?$select=uuid&$filter=device_name eq 'garage-sensor'")["d"][0]["uuid"]
    simulate(fresh_emulator, device, fail_update=True)
    args = dict(auth(fresh_emulator), uuid=device, action="os_update", os_version="6.0.13", actions_url=fresh_emulator.url + "/actions",
                wait=True, wait_timeout=120, wait_interval=0.3)
    started = time.monotonic()
    result = run_module(balena_device_action.main, args)
    assert time.monotonic() - started < 30, "the wait went on after the OS update failed"
    assert result.get("failed") and "timed out" not in result["msg"], result
    assert "%s (OS update failed; " % device in result["msg"]
    assert [(entry["uuid"], entry["reason"]) for entry in result["wait"]["failed_devices"]] == [(device, "OS update failed")]
    status = admin(fresh_emulator, "GET", "/actions/v1/%s/resinhup" % device)
    assert status["status"] == "error" and "failed" in status["error"]


def test_a_failed_os_update_is_named_beside_the_offline_devices(fresh_emulator):
    device = admin(fresh_emulator, "GET", "/v7/device?$select=uuid&$filter=device_name eq 'garage-sensor'")["d"][0]["uuid"]
    offline = admin(fresh_emulator, "GET", "/v7/device?$select=uuid&$filter=is_online eq false&$top=1")["d"][0]["uuid"]
    simulate(fresh_emulator, device, fail_update=True)
    args = dict(auth(fresh_emulator), uuids=[device, offline], action="os_update", os_version="6.0.13",
                actions_url=fresh_emulator.url + "/actions", wait=True, wait_timeout=120, wait_interval=0.3)
    result = run_module(balena_device_action.main, args)
    assert result.get("failed"), result
    assert "1 device(s) offline and not contacted: %s" % offline in result["msg"]
    assert "%s (OS update failed; " % device in result["msg"]


def test_pin_then_wait_ignores_an_abort_of_an_earlier_target(fresh_emulator):
    (_good, bad), commit = online_devices_and_another_release(fresh_emulator)
    before = device_row(fresh_emulator, bad, select="id&$expand=is_running__release($select=commit)")["is_running__release"][0]["commit"]
    abort_update(fresh_emulator, bad, commit)
    # Its cause gone, the device tries again; pin (no change) then wait, as the wait module's EXAMPLES do.
    simulate(fresh_emulator, bad, fail_update=False)
    assert not run_module(balena_device.main, dict(auth(fresh_emulator), uuid=bad, release=commit)).get("failed")
    assert device_row(fresh_emulator, bad)["update_status"] == "aborted"
    result = run_module(balena_device_wait.main, dict(auth(fresh_emulator), uuid=bad, release=commit, wait_timeout=60, interval=0.3))
    assert not result.get("failed"), result.get("msg")
    assert [device["uuid"] for device in result["converged"]] == [bad] and result["polls"] > 1
    assert before != commit


def test_a_supervisor_version_that_does_not_exist_fails_before_polling(emulator):
    (device, _other), _commit = online_devices_and_another_release(emulator)
    started = time.monotonic()
    result = run_module(balena_device_wait.main, dict(auth(emulator), uuids=[device], supervisor_version="99.0.0",
                                                      wait_timeout=5, interval=1))
    assert time.monotonic() - started < 3
    assert result.get("failed") and result["msg"].startswith("supervisor_version: no supervisor release 99.0.0"), result
    assert "timed out" not in result["msg"]


def test_a_simulated_device_follows_a_supervisor_pin(fresh_emulator):
    device = admin(fresh_emulator, "GET", "/v7/device?$select=uuid&$filter=device_name eq 'gallery-screen'")["d"][0]["uuid"]
    wanted = "17.0.3"   # newer than the demo device runs (a downgrade is refused)
    assert device_row(fresh_emulator, device, select="supervisor_version")["supervisor_version"] != wanted
    simulate(fresh_emulator, device, online=True)
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=device, supervisor_version=wanted, wait=True,
                                                 wait_timeout=60, wait_interval=0.3))
    assert not result.get("failed"), result.get("msg")
    assert [entry["uuid"] for entry in result["wait"]["converged"]] == [device]
    assert device_row(fresh_emulator, device, select="supervisor_version")["supervisor_version"] == wanted
    waited = run_module(balena_device_wait.main, dict(auth(fresh_emulator), uuid=device, supervisor_version=wanted, wait_timeout=5, interval=0.3))
    assert not waited.get("failed") and waited["polls"] == 1, waited.get("msg")


def test_messages_name_the_options_to_blame(emulator):
    nothing = run_module(balena_device_wait.main, dict(auth(emulator), uuid=emulator.credentials["device"]["uuid"]))
    assert nothing.get("failed") and nothing["msg"].startswith(
        "online, release, os_version, supervisor_version, update_finished: none of these is given"), nothing["msg"]
    empty = run_module(balena_device_wait.main, dict(auth(emulator), selector={"fleet": emulator.credentials["fleet"],
                                                                               "tags": {"site": "atlantis"}}, online=True))
    assert empty.get("failed") and empty["msg"].startswith("selector: no device matches the selector"), empty["msg"]
    assert "fail_on_empty: false" in empty["msg"]
