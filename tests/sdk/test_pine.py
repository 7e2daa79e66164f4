# -*- coding: utf-8 -*-
"""``balena.pine`` against the emulator: reads, writes, upsert, get_or_create, count and paging."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError
from sdk_helpers import logged_in, requests_matching, sdk_for, settled_requests


@pytest.fixture
def sdk(fresh_emulator):
    return logged_in(fresh_emulator)


def writable_application(sdk, emulator):
    slug = emulator.credentials["writable_fleets"][0]
    return sdk.pine.get({"resource": "application", "options": {"$select": ["id", "slug"], "$filter": {"app_name": slug.split("/")[1]}}})[0]


def test_get_list_single_and_natural_key(sdk, fresh_emulator):
    uuid = fresh_emulator.credentials["device"]["uuid"]
    devices = sdk.pine.get({"resource": "device", "options": {"$select": ["id", "uuid", "belongs_to__application"]}})
    assert isinstance(devices, list) and uuid in [device["uuid"] for device in devices]
    one = next(device for device in devices if device["uuid"] == uuid)
    assert set(one["belongs_to__application"]) == {"__id"}
    by_id = sdk.pine.get({"resource": "device", "id": one["id"], "options": {"$select": "uuid"}})
    assert by_id == {"uuid": uuid}
    by_key = sdk.pine.get({"resource": "device", "id": {"uuid": uuid},
                           "options": {"$select": "id", "$expand": {"belongs_to__application": {"$select": "id"}}}})
    assert by_key["id"] == one["id"]
    assert by_key["belongs_to__application"] == [{"id": one["belongs_to__application"]["__id"]}]
    assert sdk.pine.get({"resource": "device", "id": 987654321}) is None


def test_count_and_count_option(sdk):
    everything = sdk.pine.get({"resource": "device", "options": {"$select": "id"}})
    online = [device for device in sdk.pine.get({"resource": "device", "options": {"$select": ["id", "is_online"]}}) if device["is_online"]]
    assert sdk.pine.count({"resource": "device", "options": {"$select": "id", "$orderby": "id asc"}}) == len(everything)
    assert sdk.pine.count({"resource": "device", "options": {"$filter": {"is_online": True}}}) == len(online)
    assert sdk.pine.get({"resource": "device", "options": {"$count": {"$filter": {"is_online": True}}}}) == len(online)


def test_iterate_pages_through_everything_without_overlap(sdk, fresh_emulator):
    expected = sorted(device["id"] for device in sdk.pine.get({"resource": "device", "options": {"$select": "id"}}))
    assert len(expected) >= 3
    fresh_emulator.clear_request_log()
    seen = [device["id"] for device in sdk.pine.iterate({"resource": "device", "options": {"$select": "id"}}, page_size=2)]
    assert seen == expected
    assert len(settled_requests(fresh_emulator, "GET", "/v7/device?", len(expected) // 2 + 1)) == len(expected) // 2 + 1


def test_iterate_misses_no_device_when_others_are_deleted_meanwhile(sdk):
    expected = sorted(device["id"] for device in sdk.pine.get({"resource": "device", "options": {"$select": "id"}}))
    pages = sdk.pine.iterate({"resource": "device", "options": {"$select": "id"}}, page_size=3)
    seen = [next(pages)["id"] for _row in range(3)]
    # The first page is read; deleting its devices would make offset paging skip the next three.
    sdk.pine.delete({"resource": "device", "options": {"$filter": {"id": {"$in": seen}}}})
    seen += [device["id"] for device in pages]
    assert seen == expected


def test_post_patch_delete(sdk, fresh_emulator):
    application = writable_application(sdk, fresh_emulator)
    created = sdk.pine.post({"resource": "application_tag", "body": {"application": application["id"], "tag_key": "pine-test", "value": "1"}})
    assert created["tag_key"] == "pine-test" and created["value"] == "1"
    sdk.pine.patch({"resource": "application_tag", "id": created["id"], "body": {"value": "2"}})
    assert sdk.pine.get({"resource": "application_tag", "id": created["id"], "options": {"$select": "value"}}) == {"value": "2"}
    sdk.pine.patch({"resource": "application_tag", "options": {"$filter": {"tag_key": "pine-test"}}, "body": {"value": "3"}})
    assert sdk.pine.get({"resource": "application_tag", "id": created["id"], "options": {"$select": "value"}}) == {"value": "3"}
    sdk.pine.delete({"resource": "application_tag", "id": created["id"]})
    assert sdk.pine.get({"resource": "application_tag", "id": created["id"]}) is None


def test_upsert_creates_then_updates(sdk, fresh_emulator):
    application = writable_application(sdk, fresh_emulator)
    key = {"application": application["id"], "tag_key": "upserted"}
    sdk.pine.upsert({"resource": "application_tag", "id": key, "body": {"value": "a"}})
    sdk.pine.upsert({"resource": "application_tag", "id": key, "body": {"value": "b"}})
    rows = sdk.pine.get({"resource": "application_tag", "options": {"$filter": key, "$select": "value"}})
    assert rows == [{"value": "b"}]
    assert requests_matching(fresh_emulator, "PATCH", "/v7/application_tag?$filter=")


def test_get_or_create(sdk, fresh_emulator):
    application = writable_application(sdk, fresh_emulator)
    key = {"application": application["id"], "name": "PINE_VAR"}
    created = sdk.pine.get_or_create({"resource": "application_environment_variable", "id": key, "body": {"value": "x"}})
    again = sdk.pine.get_or_create({"resource": "application_environment_variable", "id": key, "body": {"value": "y"}})
    assert created["id"] == again["id"] and again["value"] == "x"


def test_errors_are_request_errors(sdk):
    with pytest.raises(RequestError) as caught:
        sdk.pine.get({"resource": "no_such_resource"})
    assert caught.value.status_code in (400, 401, 404)
    assert caught.value.path == "/v7/no_such_resource"


def test_anonymous_reads_are_allowed(fresh_emulator):
    sdk = sdk_for(fresh_emulator)
    types = sdk.pine.get({"resource": "device_type", "options": {"$select": "slug", "$top": 2}})
    assert len(types) == 2
