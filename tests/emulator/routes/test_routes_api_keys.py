"""Creating API keys: shapes, validation and who may create which key."""
from __future__ import annotations

from emulator.auth.sessions import issue_session


def _is_key(response) -> bool:
    value = response.json()
    return response.status_code == 200 and isinstance(value, str) and len(value) == 32 and value.isalnum()


def test_named_user_key_is_a_json_string_that_works(api):
    response = api.post("/api-key/user/full", json={"name": "ci", "description": "for CI"}, headers=api.session("alice"))
    assert _is_key(response) and response.headers["Content-Type"].startswith("application/json")
    whoami = api.get("/user/v1/whoami", headers={"Authorization": f"Bearer {response.json()}"})
    assert whoami.json()["username"] == "alice"
    dated = api.post("/api-key/user/full", json={"name": "d", "expiryDate": "2030-01-01T00:00:00.000Z"},
                     headers=api.session("alice"))
    assert _is_key(dated)


def test_named_user_key_validation(api):
    for body in ({}, {"name": ""}):
        refused = api.post("/api-key/user/full", json=body, headers=api.session("alice"))
        assert refused.status_code == 400 and refused.content == b""
    assert api.post("/api-key/user/full", json={"name": "n", "expiryDate": "soon"},
                    headers=api.session("alice")).json() == "Key expiry date should be a valid date"
    assert api.post("/api-key/user/full", json={"name": "x"}, headers=api.key("alice_key")).status_code == 401
    assert api.post("/api-key/user/full", json={"name": "x"}).status_code == 401
    assert api.get("/api-key/user/full", headers=api.session("alice")).status_code == 404


def test_a_stale_session_cannot_create_user_keys(api):
    with api.world.store.transaction() as tx:
        token = issue_session(api.world, tx.get("user", api.ids["alice"]), auth_time_ms=0)
    refused = api.post("/api-key/user/full", json={"name": "x"}, headers={"Authorization": f"Bearer {token}"})
    assert refused.status_code == 401 and refused.json() == "Fresh authentication token required"


def test_generic_endpoint_creates_provisioning_keys_like_the_sdk(api):
    body = {"actorType": "application", "actorTypeId": api.ids["fleet_one"], "roles": ["provisioning-api-key"],
            "name": None, "description": None, "expiryDate": None}
    response = api.post("/api-key/v1/", json=body, headers=api.session("alice"))
    assert _is_key(response)
    whoami = api.get("/actor/v1/whoami", headers={"Authorization": f"Bearer {response.json()}"}).json()
    assert whoami["actorType"] == "application" and whoami["actorTypeId"] == api.ids["fleet_one"]
    assert _is_key(api.post("/api-key/v1", json=body, headers=api.key("alice_key")))


def test_generic_endpoint_validation_and_access(api):
    base = {"actorType": "application", "actorTypeId": api.ids["fleet_one"], "roles": ["provisioning-api-key"]}
    headers = api.session("alice")
    assert api.post("/api-key/v1", json={**base, "roles": []}, headers=headers).json() == \
        "API Keys currently only support a single role"
    assert api.post("/api-key/v1", json={**base, "roles": ["nope"]}, headers=headers).json() == "Role 'nope' not found"
    v2 = {"actorType": "user", "actorTypeId": api.ids["alice"], "roles": ["named-user-api-key"], "name": "k"}
    assert api.post("/api-key/v2", json=v2, headers=headers).json() == "Key expiry date should be a valid date"
    assert _is_key(api.post("/api-key/v2", json={**v2, "expiryDate": None}, headers=headers))
    assert api.post("/api-key/v1", json={**v2, "name": None}, headers=headers).json() == \
        "API keys with the 'named-user-api-key' role require a name"
    foreign = {**base, "actorTypeId": api.ids["fleet_b"]}
    assert api.post("/api-key/v1", json=foreign, headers=headers).status_code == 401
    assert api.post("/api-key/v1", json=base, headers=api.key("device_online")).status_code == 401


def test_fleet_and_device_key_endpoints(api):
    headers = api.session("alice")
    assert _is_key(api.post(f"/api-key/application/{api.ids['fleet_one']}/provisioning", json={}, headers=headers))
    device_key = api.post(f"/api-key/device/{api.ids['online']}/device-key", json={"name": "k"}, headers=headers)
    assert _is_key(device_key)
    whoami = api.get("/actor/v1/whoami", headers={"Authorization": f"Bearer {device_key.json()}"}).json()
    assert whoami["actorType"] == "device" and whoami["actorTypeId"] == api.ids["online"]
    bad = api.post("/api-key/application/abc/provisioning", json={}, headers=headers)
    assert bad.status_code == 400 and bad.text == "Application id must be a number"
    assert api.post("/api-key/device/abc/device-key", json={}, headers=headers).text == "Device id must be a number"
    assert api.post(f"/api-key/device/{api.ids['foreign']}/device-key", json={}, headers=headers).status_code == 401
    legacy = api.post(f"/application/{api.ids['fleet_one']}/generate-api-key", headers=headers)
    assert legacy.status_code == 404 and legacy.json() == "Role 'user-api-key' not found"


def test_a_fleet_member_without_write_role_cannot_create_fleet_keys(api):
    headers = api.session("carol")
    assert api.post(f"/api-key/application/{api.ids['fleet_two']}/provisioning", json={},
                    headers=headers).status_code == 401
    assert _is_key(api.post(f"/api-key/application/{api.ids['fleet_one']}/provisioning", json={}, headers=headers))


def test_a_revoked_key_stops_working(api):
    key = api.post("/api-key/user/full", json={"name": "temp"}, headers=api.session("alice")).json()
    headers = {"Authorization": f"Bearer {key}"}
    assert api.get("/user/v1/whoami", headers=headers).status_code == 200
    with api.world.store.transaction() as tx:
        tx.delete("api_key", tx.find("api_key", key=key)[0]["id"])
    assert api.get("/user/v1/whoami", headers=headers).status_code == 401
