"""Sessions and identity: /login_, refresh, the cloud /whoami, /user/register, the whoami routes."""
from __future__ import annotations

import requests

from routes_world import PASSWORD, jwt_claims as _claims


def test_login_answers_a_jwt_as_plain_text(api):
    response = api.post("/login_", json={"username": "alice", "password": PASSWORD})
    assert response.status_code == 200
    assert response.headers["Content-Type"].startswith("text/plain")
    claims = _claims(response.text)
    assert set(claims) == {"id", "jwt_secret", "authTime", "iat", "exp"}
    assert claims["id"] == api.ids["alice"] and claims["exp"] > claims["iat"]


def test_login_accepts_the_email_and_a_form_body(api):
    assert api.post("/login_", json={"username": "ALICE@example.com", "password": PASSWORD}).status_code == 200
    form = api.post("/login_", data={"username": "alice", "password": PASSWORD})
    assert form.status_code == 200 and form.text.count(".") == 2


def test_login_failures(api):
    wrong = api.post("/login_", json={"username": "alice", "password": "nope"})
    assert wrong.status_code == 401 and wrong.content == b"" and "Content-Type" not in wrong.headers
    assert api.post("/login_", json={"username": "nobody", "password": "x"}).status_code == 401
    assert api.post("/login_", json={"username": "alice"}).status_code == 400
    assert api.get("/login_").status_code == 404


def test_login_is_rate_limited_per_username(api):
    for _ in range(10):
        assert api.post("/login_", json={"username": "probe", "password": "x"}).status_code == 401
    blocked = api.post("/login_", json={"username": "probe", "password": "x"})
    assert blocked.status_code == 429
    assert blocked.json() == "Too Many Requests" and blocked.headers["Retry-After"] == "3600"
    assert api.post("/login_", json={"username": "bob", "password": PASSWORD}).status_code == 200


def test_whoami_shapes_for_every_kind_of_caller(api):
    user = api.get("/user/v1/whoami", headers=api.session("alice"))
    assert user.json() == {"id": api.ids["alice"], "username": "alice", "email": "alice@example.com"}
    actor = api.get("/actor/v1/whoami", headers=api.session("alice")).json()
    assert actor["actorType"] == "user" and actor["actorTypeId"] == api.ids["alice"]
    assert set(actor) == {"id", "actorType", "actorTypeId", "username", "email"}
    assert api.get("/actor/v1/whoami", headers=api.key("alice_key")).json()["actorType"] == "user"
    assert api.get("/user/v1/whoami", headers=api.key("alice_key")).status_code == 200
    fleet = api.get("/actor/v1/whoami", headers=api.key("provisioning")).json()
    assert fleet["actorType"] == "application" and fleet["slug"] == "acme/fleet-one"
    device = api.get("/actor/v1/whoami", headers=api.key("device_online")).json()
    assert device["actorType"] == "device" and device["uuid"] == "1" * 32


def test_whoami_refusals(api):
    for headers in ({}, {"Authorization": "Bearer garbage"}, api.key("provisioning"), api.key("expired")):
        assert api.get("/user/v1/whoami", headers=headers).status_code == 401
    assert api.get("/actor/v1/whoami", headers={"Authorization": "Bearer a.b.c"}).status_code == 401
    assert requests.delete(api.url + "/user/v1/whoami", headers=api.session("alice"), timeout=10).status_code == 404


def test_refresh_gives_a_new_token_with_the_same_identity(api):
    token = api.login("alice")
    for method in ("GET", "POST"):
        response = requests.request(method, api.url + "/user/v1/refresh-token",
                                    headers={"Authorization": f"Bearer {token}"}, timeout=10)
        assert response.status_code == 200 and _claims(response.text)["id"] == api.ids["alice"]
    cloud = api.get("/whoami", headers={"Authorization": f"Bearer {token}"})
    assert cloud.status_code == 200 and _claims(cloud.text)["id"] == api.ids["alice"]
    assert api.get("/whoami", headers=api.key("alice_key")).status_code == 401
    wrong = api.post("/user/v1/refresh-token", json={"password": "bad"}, headers={"Authorization": f"Bearer {token}"})
    assert wrong.status_code == 401


def test_register_creates_a_user_with_a_personal_organization(api):
    response = api.post("/user/register", json={"email": "Newbie.One@example.com", "password": "pw12345"})
    assert response.status_code == 200
    headers = {"Authorization": f"Bearer {response.text}"}
    assert api.get("/user/v1/whoami", headers=headers).json()["username"] == "newbie_one"
    assert api.post("/login_", json={"username": "newbie_one", "password": "pw12345"}).status_code == 200
    with api.world.store.transaction() as tx:
        org = tx.find("organization", handle="newbie_one")[0]
        membership = tx.find("organization_membership", is_member_of__organization=org["id"])[0]
        role = tx.get("organization_membership_role", membership["organization_membership_role"])
    assert role["name"] == "administrator"
    again = api.post("/user/register", json={"email": "newbie.one@example.com", "password": "x"})
    assert again.status_code == 409 and "unique" in again.text
