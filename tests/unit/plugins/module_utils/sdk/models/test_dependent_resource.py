# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which requests one tag/variable sub-model sends, for every kind of parent identifier."""

from __future__ import annotations

import pytest
from fake_api import unique_violation

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ApplicationNotFound, DeviceNotFound, InvalidParameter

UUID = "c" * 32


def test_get_all_by_numeric_parent_is_one_filtered_read(models, api):
    api.on("GET", r"^/v7/application_config_variable\?", {"d": [{"id": 1, "name": "A", "value": "1"}]})
    assert models.application.config_var.get_all_by_application(5) == [{"id": 1, "name": "A", "value": "1"}]
    assert api.paths() == ["GET /v7/application_config_variable?$orderby=name asc&$filter=application eq 5"]


def test_get_all_by_slug_expands_from_the_parent_in_one_request(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5, "application_tag": [{"id": 3, "tag_key": "k", "value": "v"}]}]})
    tags = models.application.tags.get_all_by_application("Org/App", {"$select": ["tag_key", "value"]})
    assert tags == [{"id": 3, "tag_key": "k", "value": "v"}]
    assert api.paths() == [
        "GET /v7/application?$select=id&$expand=application_tag($orderby=tag_key asc;$select=tag_key,value)"
        "&$filter=(slug eq 'org/app') or (uuid eq 'org/app')"
    ]


def test_get_all_by_missing_slug_raises_the_parent_not_found(models, api):
    with pytest.raises(ApplicationNotFound):
        models.application.env_var.get_all_by_application("org/none")
    assert len(api.calls) == 1


def test_get_by_uuid_reads_the_value_through_the_device(models, api):
    api.on("GET", r"^/v7/device\(uuid=", {"d": [{"id": 9, "device_environment_variable": [{"value": "on"}]}]})
    assert models.device.env_var.get(UUID, "MODE") == "on"
    assert api.paths() == [
        "GET /v7/device(uuid='%s')?$select=id&$expand=device_environment_variable($select=value;$filter=name eq 'MODE')" % UUID
    ]


def test_get_by_id_never_raises_for_a_missing_key(models, api):
    assert models.device.config_var.get(9, "NOPE") is None
    assert api.paths() == ["GET /v7/device_config_variable?$select=value&$filter=(device eq 9) and (name eq 'NOPE')"]


def test_set_by_id_posts_then_patches_on_unique_violation(models, api):
    api.on("POST", r"^/v7/device_tag$", unique_violation())
    models.device.tags.set(9, "room", "kitchen")
    assert api.paths() == [
        "POST /v7/device_tag",
        "PATCH /v7/device_tag?$filter=(device eq 9) and (tag_key eq 'room')",
    ]
    assert api.calls[0].body == {"device": 9, "tag_key": "room", "value": "kitchen"}
    assert api.calls[1].body == {"value": "kitchen"}


def test_set_by_slug_updates_an_existing_row_with_one_write(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5, "build_environment_variable": [{"id": 44, "value": "old"}]}]})
    models.application.build_var.set("org/app", "TOKEN", "x")
    assert api.paths() == [
        "GET /v7/application?$select=id&$expand=build_environment_variable($select=id,value;$filter=name eq 'TOKEN')"
        "&$filter=(slug eq 'org/app') or (uuid eq 'org/app')",
        "PATCH /v7/build_environment_variable(44)",
    ]
    assert api.calls[1].body == {"value": "x"}


def test_set_by_slug_writes_nothing_when_the_row_holds_the_value(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5, "application_tag": [{"id": 44, "value": "prod"}]}]})
    models.application.tags.set("org/app", "env", "prod")
    assert [call.method for call in api.calls] == ["GET"]


def test_set_by_slug_creates_a_missing_row(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5, "application_tag": []}]})
    api.on("POST", r"^/v7/application_tag$", lambda call: dict(call.body, id=1))
    models.application.tags.set("org/app", "env", "prod")
    assert api.paths()[1] == "POST /v7/application_tag"
    assert api.calls[1].body == {"application": 5, "tag_key": "env", "value": "prod"}


def test_remove_by_uuid_deletes_through_the_uuid_while_the_device_is_looked_up(models, api):
    api.on("GET", r"^/v7/device\(uuid=", {"d": [{"id": 9}]})
    models.device.config_var.remove(UUID, "X")
    assert sorted(api.paths()) == [
        "DELETE /v7/device_config_variable?$filter=(device/any(d:d/uuid eq '%s')) and (name eq 'X')" % UUID,
        "GET /v7/device(uuid='%s')?$select=id" % UUID,
    ]


def test_remove_by_numeric_id_is_one_delete(models, api):
    models.application.tags.remove(5, "X")
    assert api.paths() == ["DELETE /v7/application_tag?$filter=(application eq 5) and (tag_key eq 'X')"]


def test_remove_for_missing_device_raises_and_its_delete_matched_nothing_by_uuid(models, api):
    with pytest.raises(DeviceNotFound):
        models.device.tags.remove(UUID, "X")
    assert sorted(call.method for call in api.calls) == ["DELETE", "GET"]


def test_remove_for_a_short_uuid_sends_nothing(models, api):
    with pytest.raises(InvalidParameter):
        models.device.tags.remove("abc1234", "X")
    assert api.calls == []


def test_device_tags_by_missing_numeric_device_raise_like_the_official_sdk(models, api):
    with pytest.raises(DeviceNotFound):
        models.device.tags.get_all_by_device(123)
    assert api.paths() == ["GET /v7/device_tag?$orderby=tag_key asc&$filter=device eq 123", "GET /v7/device(123)?$select=id"]


def test_tags_of_all_devices_of_a_fleet_filter_by_slug(models, api):
    api.on("GET", r"^/v7/device_tag\?", {"d": [{"id": 1}]})
    assert models.device.tags.get_all_by_application("org/app") == [{"id": 1}]
    assert api.paths() == [
        "GET /v7/device_tag?$orderby=tag_key asc&$filter=device/any(d:d/belongs_to__application/any(a:(a/slug eq 'org/app') or (a/uuid eq 'org/app')))"
    ]


def test_release_tag_by_raw_version_pair(models, api):
    api.on("GET", r"^/v7/release\?", {"d": [{"id": 3, "release_tag": [{"value": "yes"}]}]})
    assert models.release.tags.get({"application": 5, "raw_version": "1.2.0"}, "approved") == "yes"
    assert api.paths() == [
        "GET /v7/release?$select=id&$expand=release_tag($select=value;$filter=tag_key eq 'approved')"
        "&$filter=(raw_version eq '1.2.0') and (belongs_to__application eq 5)"
    ]


def test_service_var_natural_key(models, api):
    api.on("GET", r"^/v7/service\?", {"d": [{"id": 6}]})
    models.service.var.remove({"application": "org/app", "service_name": "main"}, "K")
    assert api.paths() == [
        "GET /v7/service?$select=id&$filter=(application/any(a:(a/slug eq 'org/app') or (a/uuid eq 'org/app'))) and (service_name eq 'main')",
        "DELETE /v7/service_environment_variable?$filter=(service eq 6) and (name eq 'K')",
    ]


def test_organization_membership_tags(models, api):
    api.on("GET", r"^/v7/organization_membership\(", {"d": [{"id": 2, "organization_membership_tag": [{"id": 1, "tag_key": "a"}]}]})
    assert models.organization.membership.tags.get_all_by_organization_membership(2) == []
    assert models.organization.membership.tags.get(2, "a") is None
    api.calls[:] = []
    models.organization.membership.tags.set(2, "a", "b")
    assert api.calls[0].body == {"organization_membership": 2, "tag_key": "a", "value": "b"}
