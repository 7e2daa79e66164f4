"""Secrets (password hash, JWT secret, two-factor secret) never leave the emulator through OData,
not even for the admin, while the REST routes that need them keep working."""
from __future__ import annotations

import pytest
import requests

SECRETS = {"password", "jwt_secret", "two_factor_secret"}


@pytest.fixture
def get(emulator):
    def call(path, token=None):
        token = token or emulator.credentials["api_key"]
        return requests.get(emulator.url + path, headers={"Authorization": f"Bearer {token}"}, timeout=30)
    return call


def test_select_star_and_the_default_selection_leave_secrets_out(get, emulator):
    for token in (None, emulator.credentials["admin_token"]):
        for path in ("/v7/user?$select=*", "/v7/user", f"/v7/user({emulator.credentials['user_id']})"):
            response = get(path, token)
            assert response.status_code == 200, path
            users = response.json()["d"]
            assert users and all("username" in user and not SECRETS & set(user) for user in users), path


@pytest.mark.parametrize("query", [
    "$select=id,password", "$filter=password eq 'x'", "$filter=startswith(jwt_secret,'a')",
    "$orderby=two_factor_secret asc", "$filter=organization_membership/any(m:m/user/password ne null)",
])
def test_secrets_are_unknown_fields_for_every_caller(get, emulator, query):
    for token in (None, emulator.credentials["admin_token"]):
        response = get(f"/v7/user?{query}", token)
        assert response.status_code == 400, query
        assert any(f"unknown field user.{name}" in response.json() for name in SECRETS), response.json()


def test_an_expanded_user_has_no_secrets(get, emulator):
    response = get("/v7/organization_membership?$expand=user")
    assert response.status_code == 200
    memberships = response.json()["d"]
    assert memberships
    for membership in memberships:
        (user,) = membership["user"]
        assert "username" in user and not SECRETS & set(user)
    response = get("/v7/organization_membership?$expand=user($select=id,password)")
    assert (response.status_code, response.json()) == (400, "Invalid request: unknown field user.password in $select")


def test_the_routes_still_read_the_password_and_the_jwt_secret(emulator):
    credentials = emulator.credentials
    login = requests.post(emulator.url + "/login_", timeout=30,
                          json={"username": credentials["username"], "password": credentials["password"]})
    assert login.status_code == 200
    whoami = requests.get(emulator.url + "/user/v1/whoami", headers={"Authorization": f"Bearer {login.text}"},
                          timeout=30)
    assert whoami.status_code == 200 and whoami.json()["username"] == credentials["username"]
    wrong = requests.post(emulator.url + "/login_", timeout=30,
                          json={"username": credentials["username"], "password": "not-the-password"})
    assert wrong.status_code == 401


def test_a_post_answer_has_no_secrets_even_for_the_admin(fresh_emulator):
    response = requests.post(fresh_emulator.url + "/v7/user", headers=fresh_emulator.admin_headers, timeout=30,
                             json={"username": "newcomer", "email": "newcomer@example.com", "password": "sent"})
    assert response.status_code == 201
    assert response.json()["username"] == "newcomer" and not SECRETS & set(response.json())
