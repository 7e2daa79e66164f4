# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Requests the emulator saw for calls where this SDK saves round trips over the official one.

The official 17.3.0 counts are in the comments (from its wire reference).
"""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions


def count_requests(demo, action):
    demo.emulator.clear_request_log()
    action()
    return [(entry["method"], entry["path"]) for entry in demo.requests_sent()]


def test_reads_by_slug_or_uuid_take_one_request(sdk, demo):
    models = sdk.models
    for action in (
        lambda: models.device.get_all_by_application(demo.fleet),          # official: 2
        lambda: models.application.tags.get_all_by_application(demo.fleet),  # official: 2
        lambda: models.application.env_var.get(demo.fleet, "LOG_LEVEL"),     # official: 2
        lambda: models.device.tags.get_all_by_device(demo.device_uuid),      # official: 2
        lambda: models.device.env_var.get(demo.device_uuid, "SCREEN_ROTATION"),  # official: 2
        lambda: models.device.is_in_local_mode(demo.device_uuid),            # official: 2
        lambda: models.release.get_all_by_application(demo.fleet),           # official: 2
        lambda: models.device.tags.get_all_by_application(demo.fleet),       # official: 2
        lambda: models.device.get_all_by_organization(demo.organization),    # official: 2
    ):
        assert len(count_requests(demo, action)) == 1


def test_writes_need_no_extra_lookup(sdk, demo):
    models = sdk.models
    # official: lookup + POST + PATCH (the variable exists) = 3
    assert len(count_requests(demo, lambda: models.application.env_var.set(demo.fleet, "LOG_LEVEL", "debug"))) == 2
    assert models.application.env_var.get(demo.fleet, "LOG_LEVEL") == "debug"
    release = models.release.get_latest_by_application(demo.fleet)
    # official: fleet lookup + release lookup + PATCH = 3
    assert len(count_requests(demo, lambda: models.application.pin_to_release(demo.fleet, release["commit"]))) == 2
    assert models.application.get_target_release_hash(demo.fleet) == release["commit"]


def test_not_found_survives_the_shortcuts(sdk, demo):
    with pytest.raises(exceptions.ApplicationNotFound):
        sdk.models.device.get_all_by_application("demo/nothing-here")
    with pytest.raises(exceptions.DeviceNotFound):
        sdk.models.device.env_var.get("f" * 32, "X")
    with pytest.raises(exceptions.OrganizationNotFound):
        sdk.models.device.get_all_by_organization("no-such-org")
    empty = sdk.models.application.create("empty-fleet", "raspberrypi3", demo.organization)
    assert sdk.models.device.get_all_by_application(empty["id"]) == []
    assert sdk.models.application.tags.get_all_by_application(empty["slug"]) == []


def test_counting_through_model_methods(shared_sdk, shared_demo):
    models = shared_sdk.models
    devices = models.device.get_all_by_application(shared_demo.fleet)
    assert models.device.get_all_by_application(shared_demo.fleet, {"$count": {}}) == len(devices)
    online = models.device.get_all_by_application(shared_demo.fleet, {"$count": {"$filter": {"is_online": True}}})
    assert online == len([device for device in devices if device["is_online"]])
    assert models.device.get_all({"$count": {}}) == len(models.device.get_all())
    tags = models.application.tags.get_all_by_application(shared_demo.fleet)
    assert models.application.tags.get_all_by_application(shared_demo.fleet, {"$count": {}}) == len(tags)
    assert models.release.get_all_by_application(shared_demo.fleet, {"$count": {}}) == len(
        models.release.get_all_by_application(shared_demo.fleet))
