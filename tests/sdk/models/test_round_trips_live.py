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


def test_device_actions_by_full_uuid_go_straight_to_the_api(sdk, demo):
    device = sdk.models.device
    uuid = demo.device_uuid
    for action, request in (                                                          # official: 2 each
        (lambda: device.identify(uuid), ("POST", "/supervisor/v1/blink")),
        (lambda: device.get_supervisor_state(uuid), ("POST", "/supervisor/v1/device")),
        (lambda: device.get_supervisor_target_state(uuid), ("GET", "/device/v2/%s/state" % uuid)),
        (lambda: device.reboot(uuid), ("POST", "/supervisor/v1/reboot")),
    ):
        assert count_requests(demo, action) == [request]


def test_device_actions_still_tell_a_missing_device_from_an_offline_one(sdk, demo):
    device = sdk.models.device
    missing = "0" * 32
    with pytest.raises(exceptions.DeviceNotFound):
        device.identify(missing)
    with pytest.raises(exceptions.DeviceNotFound):
        device.get_supervisor_target_state(missing)
    with pytest.raises(exceptions.RequestError) as offline:
        device.identify(demo.offline_uuid)
    assert offline.value.status_code == 404
    assert not isinstance(offline.value, exceptions.DeviceNotFound)


def test_a_variable_that_already_holds_the_value_is_not_written(sdk, demo):
    models = sdk.models
    models.application.env_var.set(demo.fleet, "PARITY_SAME", "1")
    sent = count_requests(demo, lambda: models.application.env_var.set(demo.fleet, "PARITY_SAME", "1"))
    assert [method for method, _path in sent] == ["GET"]
    models.device.tags.set(demo.device_uuid, "rack", "r1")
    sent = count_requests(demo, lambda: models.device.tags.set(demo.device_uuid, "rack", "r1"))
    assert [method for method, _path in sent] == ["GET"]
    assert models.device.tags.get(demo.device_uuid, "rack") == "r1"
    assert models.application.env_var.get(demo.fleet, "PARITY_SAME") == "1"


def test_removing_by_slug_or_uuid_sends_the_lookup_and_the_delete_together(sdk, demo):
    models = sdk.models
    models.application.tags.set(demo.fleet, "gone-soon", "x")
    models.device.env_var.set(demo.device_uuid, "GONE_SOON", "x")
    sent = count_requests(demo, lambda: models.application.tags.remove(demo.fleet, "gone-soon"))
    assert sorted(method for method, _path in sent) == ["DELETE", "GET"]
    assert demo.odata("application_tag?$filter=tag_key eq 'gone-soon'") == []
    models.device.env_var.remove(demo.device_uuid, "GONE_SOON")
    assert demo.odata("device_environment_variable?$filter=name eq 'GONE_SOON'") == []
    with pytest.raises(exceptions.ApplicationNotFound):
        models.application.tags.remove("demo/no-such-fleet", "gone-soon")
    with pytest.raises(exceptions.DeviceNotFound):
        models.device.env_var.remove("0" * 32, "GONE_SOON")


def test_independent_lookups_of_one_call_are_sent_together(sdk, demo):
    models = sdk.models
    fleet_devices = models.device.get_all_by_application(demo.fleet, {"$select": ["uuid"]})
    target = models.application.create("move-target", "raspberrypi4-64", demo.organization)
    moved = fleet_devices[0]["uuid"]
    models.device.move(moved, target["slug"])
    assert demo.one("device?$filter=uuid eq '%s'&$select=belongs_to__application" % moved)["belongs_to__application"]["__id"] == target["id"]
    with pytest.raises(exceptions.ApplicationNotFound):
        models.device.move(moved, "demo/no-such-fleet")
    with pytest.raises(exceptions.DeviceNotFound):
        models.device.move("0" * 32, target["slug"])
    with pytest.raises(exceptions.BalenaApplicationMembershipRoleNotFound):
        models.application.membership.create(demo.fleet, demo.username, "no-such-role")
    with pytest.raises(exceptions.ApplicationNotFound):
        models.application.membership.create("demo/no-such-fleet", demo.username, "no-such-role")
