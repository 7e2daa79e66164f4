"""Results speak the user's words: one view per resource, the same in a module and its _info sibling."""
from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import (
    balena_application,
    balena_application_info,
    balena_device,
    balena_device_info,
    balena_release,
    balena_release_info,
)

from .module_runner import run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def no_odata(result):
    text = json.dumps(result)
    return "__" not in text and "is_for__" not in text


def test_a_fleet_looks_the_same_in_the_module_and_its_info_sibling(emulator):
    fleet = emulator.credentials["fleet"]
    changed = run_module(balena_application.main, dict(auth(emulator), slug=fleet), check_mode=True)["application"]
    listed = run_module(balena_application_info.main, dict(auth(emulator), slug=fleet))["applications"][0]
    assert changed == listed
    assert listed["slug"] == fleet and listed["device_type"] == "raspberrypi4-64" and isinstance(listed["device_type_id"], int)
    assert len(listed["target_release"]) == 32 and listed["target_release_version"] and listed["target_release_id"]
    assert no_odata(listed)


def test_a_fleet_diff_names_the_device_type_and_release_by_slug_commit_and_version(emulator):
    fleet = emulator.credentials["fleet"]
    result = run_module(balena_application.main, dict(auth(emulator), slug=fleet, device_type="raspberrypi3", release="1.0.0"),
                        check_mode=True, diff=True)
    diff = result["diff"]
    assert diff["before"]["device_type"] == "raspberrypi4-64" and diff["after"]["device_type"] == "raspberrypi3"
    assert diff["after"]["target_release_version"] == "1.0.0" and len(diff["after"]["target_release"]) == 32
    assert isinstance(diff["after"]["device_type_id"], int) and isinstance(diff["after"]["target_release_id"], int)
    assert no_odata(result["application"]) and no_odata(diff)


def test_a_release_looks_the_same_in_the_module_and_its_info_sibling(emulator):
    fleet = emulator.credentials["fleet"]
    listed = run_module(balena_release_info.main, dict(auth(emulator), fleet=fleet, release="1.0.0"))["releases"][0]
    changed = run_module(balena_release.main, dict(auth(emulator), fleet=fleet, release="1.0.0", note="x"), check_mode=True, diff=True)
    assert changed["release"] == dict(listed, note="x")
    assert changed["diff"] == {"before": {"note": listed["note"]}, "after": {"note": "x"}}
    assert listed["fleet"] == fleet and listed["version"] == "1.0.0" and listed["finalized"] is True
    assert no_odata(changed["release"]) and no_odata(changed["diff"]) and no_odata(listed)


def test_a_device_looks_the_same_in_the_module_and_its_info_sibling(emulator):
    uuid = emulator.credentials["device"]["uuid"]
    changed = run_module(balena_device.main, dict(auth(emulator), uuid=uuid), check_mode=True)["device"]
    listed = run_module(balena_device_info.main, dict(auth(emulator), uuid=uuid))["devices"][0]
    assert dict(changed, changed=False) == dict(listed, changed=False)
    assert listed["fleet"] == emulator.credentials["fleet"] and listed["device_type"] == "raspberrypi4-64"
    assert len(listed["running_release"]) == 32 and listed["running_release_version"] and listed["target_release_id"]
    assert no_odata(listed)


def test_a_move_diff_names_fleets_by_slug_and_releases_by_commit_and_version(emulator):
    credentials = emulator.credentials
    uuid = credentials["device"]["uuid"]
    fleet = credentials["fleet"]
    args = dict(auth(emulator), uuid=uuid, fleet=credentials["writable_fleets"][1], release="1.0.0")
    result = run_module(balena_device.main, args, check_mode=True, diff=True)
    diff = result["diff"]
    assert diff["before"]["fleet"] == fleet and diff["after"]["fleet"] == credentials["writable_fleets"][1]
    assert isinstance(diff["after"]["fleet_id"], int) and diff["after"]["fleet_id"] != diff["before"]["fleet_id"]
    assert diff["after"]["pinned_release_version"] == "1.0.0" and len(diff["after"]["pinned_release"]) == 32
    assert diff["after"]["target_release"] == diff["after"]["pinned_release"]
    assert no_odata(result["device"]) and no_odata(diff)
