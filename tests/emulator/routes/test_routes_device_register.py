"""POST /device/register with provisioning keys, and its error answers."""
from __future__ import annotations

import uuid as uuid_module


def _body(api, **overrides):
    return {"user": api.ids["alice"], "application": api.ids["fleet_one"], "uuid": uuid_module.uuid4().hex,
            "device_type": "raspberrypi3", **overrides}


def test_a_provisioning_key_registers_a_device_with_its_own_key(api):
    body = _body(api)
    response = api.post("/device/register", json=body, headers=api.key("provisioning"))
    assert response.status_code == 201
    created = response.json()
    assert set(created) == {"id", "uuid", "api_key"} and created["uuid"] == body["uuid"]
    whoami = api.get("/actor/v1/whoami", headers={"Authorization": f"Bearer {created['api_key']}"}).json()
    assert whoami == {"id": whoami["id"], "actorType": "device", "actorTypeId": created["id"], "uuid": body["uuid"]}
    row = api.row("device", created["id"])
    assert row["belongs_to__application"] == api.ids["fleet_one"] and row["is_of__device_type"] == api.ids["rpi3"]


def test_aliases_and_a_supplied_key_are_accepted(api):
    body = _body(api, device_type="raspberry-pi2", api_key="k" * 32)
    response = api.post("/device/register", json=body, headers=api.key("provisioning"))
    assert response.status_code == 201 and response.json()["api_key"] == "k" * 32


def test_duplicate_uuid_is_the_literal_text_quirk(api):
    body = _body(api)
    assert api.post("/device/register", json=body, headers=api.key("provisioning")).status_code == 201
    again = api.post("/device/register", json=body, headers=api.key("provisioning"))
    assert again.status_code == 409
    assert again.headers["Content-Type"].startswith("text/html") and again.text == '"uuid" must be unique.'


def test_register_errors(api):
    headers = api.key("provisioning")
    missing = api.post("/device/register", json=_body(api, uuid=None), headers=headers)
    assert missing.status_code == 400 and missing.json() == "UUID must be specified"
    unknown = api.post("/device/register", json=_body(api, device_type="no-such-dt"), headers=headers)
    assert unknown.status_code == 404 and unknown.json() == "Unknown device type no-such-dt"
    other_fleet = api.post("/device/register", json=_body(api, application=api.ids["fleet_b"]), headers=headers)
    assert other_fleet.status_code == 401 and other_fleet.content == b""
    session = api.post("/device/register", json=_body(api), headers=api.session("alice"))
    assert session.status_code == 401 and session.json() == {"error": "API key required"}
    assert api.get("/device/register", headers=headers).status_code == 404
