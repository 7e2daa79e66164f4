"""balena.auth and balena.auth.two_factor."""
from __future__ import annotations

import jwt
import pytest
import requests
from balena import exceptions

from . import totp
from .official_sdk import connect, login


def test_login_with_username_and_email(emulator_access, credentials):
    client = connect(emulator_access.url)
    assert client.auth.is_logged_in() is False
    client.auth.login(username=credentials["username"], password=credentials["password"])
    assert client.auth.is_logged_in() is True
    token = client.auth.get_token()
    claims = jwt.decode(token, options={"verify_signature": False})
    assert {"iat", "exp"} <= set(claims)
    by_email = client.auth.authenticate(username=credentials["email"], password=credentials["password"])
    assert by_email.count(".") == 2


def test_wrong_password_and_unknown_user(emulator_access, credentials):
    client = connect(emulator_access.url)
    with pytest.raises(exceptions.LoginFailed):
        client.auth.login(username=credentials["username"], password="wrong-password")
    with pytest.raises(exceptions.LoginFailed):
        client.auth.login(username="nobody-here", password="x")


def test_whoami_user_info_actor_id(balena, credentials):
    whoami = balena.auth.whoami()
    assert whoami["actorType"] == "user"
    assert whoami["username"] == credentials["username"]
    assert whoami["email"] == credentials["email"]
    info = balena.auth.get_user_info()
    assert info == {"id": whoami["actorTypeId"], "actor": whoami["id"], "email": credentials["email"],
                    "username": credentials["username"]}
    assert balena.auth.get_actor_id() == whoami["id"]


def test_login_with_named_api_key(emulator_access, credentials):
    client = connect(emulator_access.url)
    client.auth.login_with_token(credentials["api_key"])
    assert client.auth.get_token() == credentials["api_key"]
    assert client.auth.is_logged_in() is True
    assert client.auth.whoami()["username"] == credentials["username"]
    assert isinstance(client.models.application.get_all(), list)
    with pytest.raises(exceptions.UnsupportedFeature):
        client.auth.two_factor.is_enabled()


def test_login_with_device_key(emulator_access, factory):
    device = factory.device(factory.fleet())
    client = connect(emulator_access.url, device["api_key"])
    whoami = client.auth.whoami()
    assert whoami["actorType"] == "device" and whoami["uuid"] == device["uuid"]
    assert whoami["actorTypeId"] == device["id"]
    with pytest.raises(Exception, match="not of a user"):
        client.auth.get_user_info()
    assert client.models.device.get(device["uuid"], {"$select": "id"})["id"] == device["id"]


def test_provisioning_key_whoami(emulator_access, factory):
    app = factory.fleet()
    key = factory.balena.models.application.generate_provisioning_key(app["id"])
    whoami = connect(emulator_access.url, key).auth.whoami()
    assert whoami["actorType"] == "application" and whoami["slug"] == app["slug"]


def test_garbage_token_and_logout(emulator_access, credentials):
    client = connect(emulator_access.url, "not-a-real-token")
    assert client.auth.is_logged_in() is False
    with pytest.raises(exceptions.NotLoggedIn):
        client.auth.whoami()
    client = login(emulator_access.url, credentials)
    client.auth.logout()
    assert client.auth.get_token() is None
    assert client.auth.is_logged_in() is False
    with pytest.raises(exceptions.NotLoggedIn):
        client.models.config.get_all()


def test_token_refresh_through_whoami(emulator_access, credentials):
    """An old session token is swapped for a new one through `GET /whoami` before a request."""
    client = login(emulator_access.url, credentials, token_refresh_interval="0")
    before = client.auth.get_token()
    client.models.application.get_all({"$select": "id"})
    refreshes = [e for e in emulator_access.request_log() if e["method"] == "GET" and e["path"] == "/whoami"]
    assert refreshes and refreshes[-1]["status"] == 200
    after = client.auth.get_token()
    assert jwt.decode(after, options={"verify_signature": False})["iat"] >= \
        jwt.decode(before, options={"verify_signature": False})["iat"]
    assert client.auth.is_logged_in() is True


def test_register_a_new_user(emulator_access):
    client = connect(emulator_access.url)
    token = client.auth.register(email="conf-register@example.com", password="conformance-pw-1")
    assert token.count(".") == 2
    client.auth.login(username="conf-register@example.com", password="conformance-pw-1")
    assert client.auth.whoami()["email"] == "conf-register@example.com"
    duplicate = connect(emulator_access.url).auth.register(email="conf-register@example.com",
                                                           password="conformance-pw-1")
    assert duplicate.count(".") != 2, "registering the same e-mail twice must not give a session"


def test_login_rate_limit(fresh_access):
    client = connect(fresh_access.url)
    for _ in range(10):
        with pytest.raises(exceptions.LoginFailed):
            client.auth.authenticate(username="rate-limit-probe", password="wrong")
    with pytest.raises(exceptions.TooManyRequests):
        client.auth.authenticate(username="rate-limit-probe", password="wrong")
    answer = requests.post(f"{fresh_access.url}/login_", json={"username": "rate-limit-probe",
                                                               "password": "wrong"}, timeout=30)
    assert answer.status_code == 429 and answer.headers["Retry-After"].isdigit()
    client.auth.login(username=fresh_access.credentials["username"],
                      password=fresh_access.credentials["password"])


def test_two_factor_lifecycle(fresh_access):
    credentials = fresh_access.credentials
    client = login(fresh_access.url, credentials)
    assert client.auth.two_factor.is_enabled() is False
    assert client.auth.two_factor.is_passed() is True
    secret = client.auth.two_factor.get_setup_key()
    assert len(secret) == 32
    token = client.auth.two_factor.enable(totp.code(secret))
    assert token.count(".") == 2 and client.auth.get_token() == token

    second = login(fresh_access.url, credentials)
    assert second.auth.two_factor.is_enabled() is True
    assert second.auth.two_factor.is_passed() is False
    verified = second.auth.two_factor.verify(totp.code(secret))
    assert verified.count(".") == 2
    second.auth.two_factor.challenge(totp.code(secret))
    assert second.auth.two_factor.is_passed() is True
    assert isinstance(second.models.application.get_all(), list)

    disabled = second.auth.two_factor.disable(credentials["password"])
    assert disabled.count(".") == 2
    third = login(fresh_access.url, credentials)
    assert third.auth.two_factor.is_enabled() is False
