"""balena.pine (the raw OData client) and balena.settings, against the emulator."""
from __future__ import annotations

import pytest
from balena import exceptions

from .official_sdk import connect
from .world_factory import unique_name


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


def test_compile_is_local(balena):
    compiled = balena.pine.compile({"resource": "device", "id": {"uuid": "abc"},
                                    "options": {"$select": ["id", "uuid"]}})
    assert compiled == "device(uuid='abc')?$select=id,uuid"


def test_get_collection_single_and_count(balena, app):
    rows = balena.pine.get({"resource": "application", "options": {
        "$select": ["id", "app_name"], "$filter": {"id": app["id"]}}})
    assert rows == [{"id": app["id"], "app_name": app["app_name"]}]
    single = balena.pine.get({"resource": "application", "id": app["id"], "options": {"$select": "slug"}})
    assert single == {"slug": app["slug"]}
    assert balena.pine.get({"resource": "application", "id": 999999}) is None
    count = balena.pine.get({"resource": "application", "options": {"$count": {"$filter": {"id": app["id"]}}}})
    assert count == 1
    expanded_count = balena.pine.get({"resource": "application", "id": app["id"], "options": {
        "$select": "id", "$expand": {"owns__device": {"$count": {}}}}})
    assert expanded_count == {"id": app["id"], "owns__device": 0}


def test_post_patch_put_delete(balena, admin, app):
    created = balena.pine.post({"resource": "application_tag",
                                "body": {"application": app["id"], "tag_key": "k1", "value": "v1"}})
    assert created["tag_key"] == "k1" and created["application"] == {"__id": app["id"]}
    balena.pine.patch({"resource": "application_tag", "id": created["id"], "body": {"value": "v2"}})
    assert admin.one(f"application_tag({created['id']})?$select=value") == {"value": "v2"}
    balena.pine.put({"resource": "application_tag", "id": created["id"],
                     "body": {"application": app["id"], "tag_key": "k1", "value": "v3"}})
    assert admin.one(f"application_tag({created['id']})?$select=value") == {"value": "v3"}
    balena.pine.patch({"resource": "application_tag", "options": {"$filter": {"application": app["id"]}},
                       "body": {"value": "bulk"}})
    assert admin.one(f"application_tag({created['id']})?$select=value") == {"value": "bulk"}
    balena.pine.delete({"resource": "application_tag", "id": created["id"]})
    assert admin.rows(f"application_tag?$filter=id eq {created['id']}") == []


def test_request_with_raw_url_and_transform(balena, app):
    raw = balena.pine.request({"method": "GET", "url": f"application({app['id']})?$select=id"})
    assert raw == {"d": [{"id": app["id"]}]}
    transform = balena.pine.transform_get_result({"resource": "application", "id": app["id"]})
    assert transform(raw) == {"id": app["id"]}


def test_upsert_and_get_or_create(balena, admin, app):
    key = {"application": app["id"], "tag_key": "upserted"}
    balena.pine.upsert({"resource": "application_tag", "id": key, "body": {"value": "1"}})
    balena.pine.upsert({"resource": "application_tag", "id": key, "body": {"value": "2"}})
    rows = admin.rows(f"application_tag?$select=value&$filter=(application eq {app['id']}) "
                      "and (tag_key eq 'upserted')")
    assert rows == [{"value": "2"}]
    made = balena.pine.get_or_create({"resource": "application_tag",
                                      "id": {"application": app["id"], "tag_key": "goc"},
                                      "body": {"value": "first"}})
    again = balena.pine.get_or_create({"resource": "application_tag",
                                       "id": {"application": app["id"], "tag_key": "goc"},
                                       "body": {"value": "second"}})
    assert made["id"] == again["id"] and again["value"] == "first"


def test_errors_become_request_errors(balena):
    with pytest.raises(exceptions.RequestError) as malformed:
        balena.pine.get({"resource": "device", "url": "device(abc)"})
    assert malformed.value.status_code == 400
    assert "Malformed url" in malformed.value.body


def test_settings_facade(emulator_access):
    client = connect(emulator_access.url)
    assert client.settings.get("api_endpoint") == emulator_access.url + "/"
    assert client.settings.has("api_endpoint") is True
    assert client.settings.has("no_such_key") is False
    assert client.settings.get_all()["api_version"] == "v7"
    client.settings.set("request_limit_interval", "30")
    assert client.settings.get("request_limit_interval") == "30"
    assert client.settings.remove("request_limit_interval") is True
    with pytest.raises(exceptions.InvalidOption):
        client.settings.get("request_limit_interval")


def test_sdk_request_counts_follow_the_wire_reference(emulator_access, balena, app):
    """`device.rename` is one pre-GET and one PATCH against the emulator, as against the real API."""
    device = balena.models.device.register(app["id"], balena.models.device.generate_uuid())
    balena.models.device.rename(device["uuid"], unique_name("conf-rn-"))
    patch = ("PATCH", f"/v7/device({device['id']})")
    calls = [(e["method"], e["path"].split("?")[0]) for e in emulator_access.request_log()]
    assert patch in calls
    last = len(calls) - 1 - calls[::-1].index(patch)
    assert calls[last - 1] == ("GET", "/v7/device")
    assert calls[last - 2] == ("POST", "/device/register")
