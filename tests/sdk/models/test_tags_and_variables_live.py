# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every tag and variable sub-model (one generic implementation) against the emulator."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions


def check_key_value_cycle(sub_model, parent, key, list_method, demo_rows, get=True):
    """set (create), set (update), get, list, remove: each checked against what the emulator holds."""
    sub_model.set(parent, key, "one")
    sub_model.set(parent, key, "two")
    rows = [row for row in demo_rows() if row.get("name", row.get("tag_key")) == key]
    assert [row["value"] for row in rows] == ["two"]
    if get:
        assert sub_model.get(parent, key) == "two"
        assert sub_model.get(parent, "MISSING_KEY") is None
    listed = getattr(sub_model, list_method)(parent)
    assert ("two", key) in [(row["value"], row.get("name", row.get("tag_key"))) for row in listed]
    sub_model.remove(parent, key)
    assert [row for row in demo_rows() if row.get("name", row.get("tag_key")) == key] == []
    if get:
        assert sub_model.get(parent, key) is None


@pytest.mark.parametrize("sub_model, resource, key, with_get", [
    ("tags", "application_tag", "owner", False),
    ("config_var", "application_config_variable", "BALENA_SUPERVISOR_DELTA", True),
    ("env_var", "application_environment_variable", "GREETING", True),
    ("build_var", "build_environment_variable", "NPM_TOKEN", True),
])
def test_fleet_tags_and_variables(sdk, demo, sub_model, resource, key, with_get):
    model = getattr(sdk.models.application, sub_model)
    fleet_id = sdk.models.application.get_id(demo.fleet)
    for parent in (demo.fleet, fleet_id):
        check_key_value_cycle(model, parent, key, "get_all_by_application",
                              lambda: demo.odata("%s?$filter=application eq %d" % (resource, fleet_id)), get=with_get)
    with pytest.raises(exceptions.ApplicationNotFound):
        model.get_all_by_application("demo/missing")


def test_fleet_listing_is_ordered_by_key(sdk, demo):
    env = sdk.models.application.env_var
    env.set(demo.fleet, "ZZZ", "1")
    env.set(demo.fleet, "AAA", "1")
    names = [row["name"] for row in env.get_all_by_application(demo.fleet)]
    assert names == sorted(names) and {"AAA", "ZZZ", "LOG_LEVEL"} <= set(names)


@pytest.mark.parametrize("sub_model, resource, key", [
    ("tags", "device_tag", "rack"),
    ("config_var", "device_config_variable", "BALENA_HOST_CONFIG_gpu_mem"),
    ("env_var", "device_environment_variable", "SCREEN_ROTATION"),
])
def test_device_tags_and_variables(sdk, demo, sub_model, resource, key):
    model = getattr(sdk.models.device, sub_model)
    device_id = sdk.models.device.get(demo.device_uuid)["id"]
    for parent in (demo.device_uuid, device_id):
        check_key_value_cycle(model, parent, key, "get_all_by_device",
                              lambda: demo.odata("%s?$filter=device eq %d" % (resource, device_id)))
    model.set(device_id, key, "again")
    by_fleet = model.get_all_by_application(demo.fleet)
    assert (device_id, "again") in [(row["device"]["__id"], row["value"]) for row in by_fleet]
    with pytest.raises(exceptions.DeviceNotFound):
        model.get_all_by_device("f" * 32)


def test_all_device_tags(shared_sdk, shared_demo):
    tags = shared_sdk.models.device.tags.get_all()
    assert {"location", "floor"} <= set(tag["tag_key"] for tag in tags)
    assert [tag["tag_key"] for tag in tags] == sorted(tag["tag_key"] for tag in tags)


def test_device_service_variables(sdk, demo):
    service_var = sdk.models.device.service_var
    device_id = sdk.models.device.get(demo.device_uuid)["id"]
    assert service_var.get(demo.device_uuid, "player", "VOLUME") == "40"
    service_var.set(demo.device_uuid, "player", "VOLUME", "55")
    service_var.set(device_id, "updater", "CHANNEL", "beta")
    assert service_var.get(device_id, "player", "VOLUME") == "55"
    service_ids = dict((s["service_name"], s["id"]) for s in sdk.models.service.get_all_by_application(demo.fleet))
    assert service_var.get(demo.device_uuid, service_ids["updater"], "CHANNEL") == "beta"
    by_device = dict((row["name"], row["value"]) for row in service_var.get_all_by_device(demo.device_uuid))
    assert by_device == {"VOLUME": "55", "CHANNEL": "beta"}
    by_fleet = service_var.get_all_by_application(demo.fleet)
    assert {"VOLUME", "CHANNEL"} <= set(row["name"] for row in by_fleet)
    service_var.remove(demo.device_uuid, "updater", "CHANNEL")
    assert service_var.get(device_id, "updater", "CHANNEL") is None
    assert [row["name"] for row in demo.odata("device_service_environment_variable")].count("CHANNEL") == 0
    with pytest.raises(exceptions.ServiceNotFound):
        service_var.set(device_id, "no-such-service", "A", "b")


def test_service_variables(sdk, demo):
    var = sdk.models.service.var
    services = sdk.models.service.get_all_by_application(demo.fleet)
    player = [s for s in services if s["service_name"] == "player"][0]
    natural_key = {"application": demo.fleet, "service_name": "player"}
    var.set(natural_key, "QUALITY", "high")
    var.set(player["id"], "QUALITY", "low")
    assert var.get(natural_key, "QUALITY") == "low"
    assert demo.one("service_environment_variable?$filter=(service eq %d) and (name eq 'QUALITY')" % player["id"])["value"] == "low"
    assert "QUALITY" in [row["name"] for row in var.get_all_by_service(natural_key)]
    assert "QUALITY" in [row["name"] for row in var.get_all_by_service(player["id"])]
    assert "QUALITY" in [row["name"] for row in var.get_all_by_application(demo.fleet)]
    var.remove(natural_key, "QUALITY")
    assert var.get(player["id"], "QUALITY") is None
    with pytest.raises(exceptions.ServiceNotFound):
        var.get_all_by_service({"application": demo.fleet, "service_name": "nope"})


def test_release_tags(sdk, demo):
    tags = sdk.models.release.tags
    release = sdk.models.release.get_latest_by_application(demo.fleet)
    by_version = {"application": demo.fleet, "raw_version": release["raw_version"]}
    for parent in (release["commit"], release["id"], by_version):
        check_key_value_cycle(tags, parent, "approved", "get_all_by_release",
                              lambda: demo.odata("release_tag?$filter=release eq %d" % release["id"]))
    tags.set(release["id"], "qa", "passed")
    assert ("qa", "passed") in [(t["tag_key"], t["value"]) for t in tags.get_all_by_application(demo.fleet)]
    assert "qa" in [t["tag_key"] for t in tags.get_all()]
    with pytest.raises(exceptions.ReleaseNotFound):
        tags.get_all_by_release("0" * 32)


def test_organization_membership_tags(sdk, demo):
    membership = sdk.models.organization.membership
    mine = membership.get_all_by_organization(demo.organization)[0]
    tags = membership.tags
    check_key_value_cycle(tags, mine["id"], "team", "get_all_by_organization_membership",
                          lambda: demo.odata("organization_membership_tag?$filter=organization_membership eq %d" % mine["id"]))
    tags.set(mine["id"], "cost-center", "42")
    assert ("cost-center", "42") in [(t["tag_key"], t["value"]) for t in tags.get_all_by_organization(demo.organization)]
    assert "cost-center" in [t["tag_key"] for t in tags.get_all()]


def test_device_service_variables_by_numeric_service_id(sdk, demo):
    service_var = sdk.models.device.service_var
    device_id = sdk.models.device.get(demo.device_uuid)["id"]
    service_ids = dict((s["service_name"], s["id"]) for s in sdk.models.service.get_all_by_application(demo.fleet))
    updater = service_ids["updater"]
    service_var.set(device_id, updater, "CHANNEL", "beta")
    service_var.set(demo.device_uuid, str(updater), "CHANNEL", "stable")
    assert service_var.get(device_id, updater, "CHANNEL") == "stable"
    assert service_var.get(demo.device_uuid, str(updater), "CHANNEL") == "stable"
    stored = demo.one("device_service_environment_variable?$filter=name eq 'CHANNEL'")
    assert stored["value"] == "stable"
    assert "CHANNEL" in [row["name"] for row in service_var.get_all_by_device(device_id)]
    service_var.remove(device_id, updater, "CHANNEL")
    assert service_var.get(device_id, updater, "CHANNEL") is None
