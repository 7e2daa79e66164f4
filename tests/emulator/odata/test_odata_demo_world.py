"""The engine behind the real emulator (real declarations, hooks and demo data), read-only."""
from __future__ import annotations

import pytest
import requests

FIELDS = ("id,uuid,device_name,is_online,status,os_version,supervisor_version,ip_address,"
          "last_connectivity_event,belongs_to__application,is_of__device_type,overall_status")


@pytest.fixture
def get(emulator):
    def call(path, key=None):
        token = key or emulator.credentials["api_key"]
        return requests.get(emulator.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return call


def test_inventory_page_shape(get):
    response = get(f"/v7/device?$select={FIELDS}&$expand=belongs_to__application($select=slug),"
                   "is_of__device_type($select=slug),device_tag($select=tag_key,value)&$top=1000")
    assert response.status_code == 200
    devices = response.json()["d"]
    assert devices
    for device in devices:
        assert set(device) == set(FIELDS.split(",")) | {"device_tag"}
        assert isinstance(device["belongs_to__application"], list) and len(device["belongs_to__application"]) == 1
        assert set(device["belongs_to__application"][0]) == {"slug"}
        assert isinstance(device["device_tag"], list) and isinstance(device["is_online"], bool)


def test_keys_counts_and_computed_fields(get, emulator):
    fleet = emulator.credentials["fleet"]
    (app,) = get(f"/v7/application(slug='{fleet}')?$select=id,slug&$expand=owns__device/$count").json()["d"]
    assert app["slug"] == fleet and isinstance(app["owns__device"], int) and app["owns__device"] > 0
    count = get(f"/v7/device/$count?$filter=belongs_to__application/slug eq '{fleet}'").json()["d"]
    assert count == app["owns__device"]
    uuid = emulator.credentials["device"]["uuid"]
    (device,) = get(f"/v7/device(uuid='{uuid}')?$select=overall_status,is_online,belongs_to__application").json()["d"]
    assert device["belongs_to__application"] == {"__id": app["id"]} and isinstance(device["overall_status"], str)


def test_another_tenant_sees_none_of_these_fleets(get, emulator):
    fleet = emulator.credentials["fleet"]
    other = emulator.credentials["second_user"]["api_key"]
    assert get(f"/v7/application(slug='{fleet}')?$select=id", other).json() == {"d": []}
    assert get(f"/v7/device/$count?$filter=belongs_to__application/slug eq '{fleet}'", other).json() == {"d": 0}


def test_error_answers(get):
    assert get("/v7/device?$filter=device_name%20eq").json() == "Malformed url: '/v7/device?$filter=device_name%20eq'"
    response = get("/v7/device?$select=id,no_such_field")
    assert (response.status_code, response.json()) == (400, "Invalid request: unknown field device.no_such_field in $select")
    assert get("/v7/no_such_resource").status_code == 401
