"""Simulated devices (`serve --simulate`, the /_emulator/simulation hooks): they poll their target state,
notice a new release or host OS, report the download through the state endpoint, then run it, unless a
fault makes them fail or drop offline."""
from __future__ import annotations

import time
from urllib.parse import quote

import requests

from emulator.simulation.settings import fault_pick

FAST = ("--simulate-notice-delay", "0.2", "--simulate-download", "0.6", "--simulate-poll-interval", "0.2",
        "--simulate-reboot", "0.6")
DEVICE_FIELDS = ("is_running__release,overall_status,overall_progress,status,is_online,update_status,"
                 "os_version,should_be_operated_by__release")


class Demo:
    def __init__(self, emulator):
        self.emulator = emulator
        self.url = emulator.url
        self.headers = emulator.admin_headers

    def get(self, path, **params):
        query = "&".join("%s=%s" % (name, quote(value, safe="(),/'")) for name, value in params.items())
        response = requests.get(self.url + path + ("?" + query if query else ""), headers=self.headers, timeout=10)
        response.raise_for_status()
        return response.json()

    def rows(self, resource, **params):
        return self.get("/v7/" + resource, **params)["d"]

    def device(self, device_id):
        row = self.rows("device(%d)" % device_id, **{"$select": DEVICE_FIELDS})[0]
        row["running"] = (row["is_running__release"] or {}).get("__id")
        return row

    def online_device_and_other_release(self):
        """An online device of a fleet with a successful release other than the one it runs."""
        for device in self.rows("device", **{"$select": "id,uuid,belongs_to__application,is_running__release",
                                             "$filter": "is_online eq true", "$orderby": "id asc"}):
            running = (device["is_running__release"] or {}).get("__id")
            releases = self.rows("release", **{
                "$select": "id,commit", "$orderby": "id asc",
                "$filter": "status eq 'success' and belongs_to__application eq %d"
                           % device["belongs_to__application"]["__id"]})
            others = [release for release in releases if release["id"] != running]
            if others:
                return device, others[0]
        raise AssertionError("the demo data has no online device with another release to run")

    def pin(self, device_id, release_id):
        response = requests.patch(self.url + "/v7/device(%d)" % device_id, headers=self.headers,
                                  json={"is_pinned_on__release": release_id}, timeout=10)
        assert response.status_code == 200, response.text

    def hook(self, method, path, body=None, headers=None):
        return requests.request(method, self.url + "/_emulator/simulation" + path, json=body,
                                headers=self.headers if headers is None else headers, timeout=10)

    def log_messages(self, uuid):
        response = requests.get(self.url + "/device/v2/%s/logs" % uuid, headers=self.headers, timeout=10)
        return [line["message"] for line in response.json()]

    def watch(self, device_id, until, timeout=10.0):
        """Every state the device went through until `until(state)` holds; fails after `timeout`."""
        seen = []
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            seen.append(self.device(device_id))
            if until(seen[-1]):
                return seen
            time.sleep(0.05)
        raise AssertionError("the device never reached the state; last seen: %r" % seen[-1])


def test_a_simulated_device_downloads_then_runs_its_new_target_release(emulator_factory):
    demo = Demo(emulator_factory(*FAST, "--simulate"))
    device, release = demo.online_device_and_other_release()
    assert demo.device(device["id"])["overall_status"] == "operational"
    demo.pin(device["id"], release["id"])
    seen = demo.watch(device["id"], lambda state: state["running"] == release["id"])
    updating = [state for state in seen if state["overall_status"] == "updating"]
    assert updating and all(state["status"] == "Downloading" for state in updating)
    progress = [state["overall_progress"] for state in updating]
    assert progress == sorted(progress) and 0 <= progress[0] < 100
    final = seen[-1]
    assert final["overall_status"] == "operational" and final["update_status"] == "done" and final["is_online"]
    assert "Running release %s" % release["commit"] in demo.log_messages(device["uuid"])


def test_simulation_is_off_by_default(emulator_factory):
    demo = Demo(emulator_factory(*FAST))
    device, release = demo.online_device_and_other_release()
    before = demo.device(device["id"])
    demo.pin(device["id"], release["id"])
    time.sleep(1.5)
    after = demo.device(device["id"])
    assert after["running"] == before["running"] and after["overall_status"] == before["overall_status"]
    assert demo.get("/_emulator/simulation")["devices"] == []


def test_a_device_picked_by_the_fail_update_fault_keeps_its_release(emulator_factory):
    demo = Demo(emulator_factory(*FAST))
    device, release = demo.online_device_and_other_release()
    answer = demo.hook("PUT", "/devices/" + device["uuid"], {"fail_update": True})
    assert answer.status_code == 200 and answer.json()["online"] is True
    before = demo.device(device["id"])["running"]
    demo.pin(device["id"], release["id"])
    seen = demo.watch(device["id"], lambda state: state["update_status"] == "aborted")
    assert any(state["overall_status"] == "updating" for state in seen)
    time.sleep(1.0)   # it does not try the same target again
    final = demo.device(device["id"])
    assert final["running"] == before and final["overall_status"] == "operational"
    assert "Update to release %s failed" % release["commit"] in demo.log_messages(device["uuid"])


def test_the_offline_fault_drops_the_device_when_it_should_start_the_update(emulator_factory):
    probe = Demo(emulator_factory("--seed", "demo"))
    device, release = probe.online_device_and_other_release()
    demo = Demo(emulator_factory(*FAST, "--simulate", "--simulate-fault", "offline:uuids=" + device["uuid"]))
    running = demo.device(device["id"])["running"]
    demo.pin(device["id"], release["id"])
    demo.watch(device["id"], lambda state: not state["is_online"])
    time.sleep(0.8)
    final = demo.device(device["id"])
    assert not final["is_online"] and final["running"] == running
    simulated = {entry["uuid"]: entry for entry in demo.get("/_emulator/simulation")["devices"]}
    assert simulated[device["uuid"]]["online"] is False
    assert demo.hook("PUT", "/devices/" + device["uuid"], {"online": True, "offline": False}).status_code == 200
    demo.watch(device["id"], lambda state: state["running"] == release["id"] and state["is_online"])


def test_a_seeded_fraction_picks_the_same_devices_every_time():
    uuids = ["%032x" % number for number in range(1000)]
    pick = fault_pick({"kind": "fail_update", "fraction": 0.25, "seed": 11})
    chosen = {uuid for uuid in uuids if pick.picks(uuid)}
    again = fault_pick({"kind": "fail_update", "fraction": 0.25, "seed": 11})
    assert {uuid for uuid in reversed(uuids) if again.picks(uuid)} == chosen
    assert 200 <= len(chosen) <= 300
    other_seed = fault_pick({"kind": "fail_update", "fraction": 0.25, "seed": 12})
    assert {uuid for uuid in uuids if other_seed.picks(uuid)} != chosen
    assert fault_pick({"kind": "offline", "uuids": [uuids[3]]}).picks(uuids[3])


def test_a_fault_with_a_fraction_applies_to_the_simulated_devices_it_picks(emulator_factory):
    demo = Demo(emulator_factory(*FAST, "--simulate", "--simulate-fault", "fail_update:fraction=1:seed=3"))
    device, release = demo.online_device_and_other_release()
    running = demo.device(device["id"])["running"]
    demo.pin(device["id"], release["id"])
    demo.watch(device["id"], lambda state: state["update_status"] == "aborted")
    assert demo.device(device["id"])["running"] == running
    simulated = sorted(entry["uuid"] for entry in demo.get("/_emulator/simulation")["devices"])
    assert device["uuid"] in simulated
    assert demo.get("/_emulator/simulation")["faults"] == [
        {"kind": "fail_update", "uuids": [], "fraction": 1.0, "seed": 3, "picked": simulated}]


def test_the_simulation_shows_which_devices_a_fraction_fault_picks(emulator_factory):
    demo = Demo(emulator_factory(*FAST, "--simulate", "--simulate-fault", "offline:fraction=0.5:seed=7"))
    simulated = [entry["uuid"] for entry in demo.get("/_emulator/simulation")["devices"]]
    pick = fault_pick({"kind": "offline", "fraction": 0.5, "seed": 7})
    picked = demo.get("/_emulator/simulation")["faults"][0]["picked"]
    assert picked == sorted(uuid for uuid in simulated if pick.picks(uuid))
    assert 0 < len(picked) < len(simulated)


def test_an_aborted_update_keeps_the_image_installs_of_the_release_the_device_runs(emulator_factory):
    demo = Demo(emulator_factory(*FAST))
    device, release = demo.online_device_and_other_release()
    running = demo.device(device["id"])["running"]
    installs = demo.rows("image_install", **{"$select": "id,status", "$filter": "device eq %d and is_provided_by__release eq %d"
                                                                               % (device["id"], running)})
    assert installs and all(install["status"] != "deleted" for install in installs)
    demo.hook("PUT", "/devices/" + device["uuid"], {"fail_update": True})
    demo.pin(device["id"], release["id"])
    demo.watch(device["id"], lambda state: state["update_status"] == "aborted")
    after = demo.rows("image_install", **{"$select": "id,status", "$filter": "device eq %d and is_provided_by__release eq %d"
                                                                            % (device["id"], running)})
    assert sorted((row["id"], row["status"]) for row in after) == sorted((row["id"], row["status"]) for row in installs)


def test_bulk_seeded_devices_have_the_image_installs_of_the_release_they_run(emulator_factory):
    demo = Demo(emulator_factory("--seed", "demo", "--devices", "20"))
    rows = demo.rows("device", **{"$select": "id,is_running__release", "$orderby": "id desc", "$top": "20",
                                  "$expand": "image_install($select=status,is_provided_by__release)"})
    with_release = [row for row in rows if row["is_running__release"]]
    assert with_release
    for row in with_release:
        assert row["image_install"], row["id"]
        assert {install["is_provided_by__release"]["__id"] for install in row["image_install"]} == {row["is_running__release"]["__id"]}


def test_an_os_update_of_a_simulated_device_reboots_it_into_the_new_version(emulator_factory):
    demo = Demo(emulator_factory(*FAST, "--simulate"))
    sensor = demo.rows("device", **{"$select": "id,uuid,os_version,os_variant,is_of__device_type",
                                    "$filter": "device_name eq 'garage-sensor'"})[0]
    hosts = demo.rows("release", **{
        "$select": "id,raw_version,variant", "$orderby": "id desc",
        "$filter": "status eq 'success' and belongs_to__application/is_host eq true and "
                   "belongs_to__application/is_for__device_type eq %d" % sensor["is_of__device_type"]["__id"]})
    target = [row for row in hosts if row["variant"] == sensor["os_variant"]
              and row["raw_version"] not in sensor["os_version"]][0]
    answer = requests.post(demo.url + "/actions/v2/%s/resinhup" % sensor["uuid"], headers=demo.headers,
                           json={"parameters": {"target_version": target["raw_version"]}}, timeout=10)
    assert answer.status_code == 200 and answer.json()["status"] == "in_progress"
    assert demo.device(sensor["id"])["os_version"] == sensor["os_version"]
    seen = demo.watch(sensor["id"], lambda state: state["os_version"] != sensor["os_version"] and state["is_online"])
    assert any(not state["is_online"] for state in seen), "the device did not reboot"
    assert seen[-1]["os_version"] == "balenaOS " + target["raw_version"].split("+")[0] or \
        target["raw_version"] in seen[-1]["os_version"]


def test_a_reboot_takes_a_simulated_device_offline_then_back(emulator_factory):
    demo = Demo(emulator_factory(*FAST, "--simulate"))
    device, _release = demo.online_device_and_other_release()
    answer = requests.post(demo.url + "/supervisor/v1/reboot", headers=demo.headers,
                           json={"uuid": device["uuid"]}, timeout=10)
    assert answer.status_code == 200
    demo.watch(device["id"], lambda state: not state["is_online"])
    demo.watch(device["id"], lambda state: state["is_online"])


def test_simulation_hooks_check_their_input_and_caller(emulator_factory):
    demo = Demo(emulator_factory("--seed", "demo"))
    device, _release = demo.online_device_and_other_release()
    cases = [
        ("PATCH", "", {"download_s": "fast"}, "download_s must be a number of seconds"),
        ("PATCH", "", {"faults": [{"kind": "explode", "uuids": ["x"]}]}, "kind is one of fail_update, offline"),
        ("PATCH", "", {"faults": [{"kind": "offline", "fraction": 2}]}, "fraction must be a number between 0 and 1"),
        ("PATCH", "", {"speed": 1}, "unknown simulation setting(s): speed"),
        ("PUT", "/devices/" + device["uuid"], {"fail_update": "yes"}, "fail_update must be true or false"),
        ("PUT", "/devices/" + device["uuid"], {"colour": 1}, "unknown simulated device option(s): colour"),
    ]
    for method, path, body, message in cases:
        answer = demo.hook(method, path, body)
        assert answer.status_code == 400 and message in answer.text, (body, answer.text)
    assert demo.hook("PUT", "/devices/" + "f" * 32, {}).status_code == 404
    assert demo.hook("DELETE", "/devices/" + device["uuid"]).status_code == 404
    assert demo.hook("GET", "", headers={}).status_code == 401
    assert demo.hook("PUT", "/devices/" + device["uuid"], {}, headers={}).status_code == 401
