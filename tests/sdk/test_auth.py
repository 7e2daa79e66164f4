# -*- coding: utf-8 -*-
"""``balena.auth`` and ``balena.auth.two_factor`` against the emulator."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    LoginFailed, NotLoggedIn, RequestError, UnsupportedFeature,
)
from sdk_helpers import logged_in, requests_matching, sdk_for


def test_authenticate_returns_a_token_without_storing_it(emulator):
    sdk = sdk_for(emulator)
    token = sdk.auth.authenticate(username=emulator.credentials["username"], password=emulator.credentials["password"])
    assert token.count(".") == 2
    assert sdk.auth.get_token() is None


def test_wrong_password_is_login_failed(emulator):
    with pytest.raises(LoginFailed) as caught:
        sdk_for(emulator).auth.login(username=emulator.credentials["username"], password="wrong")
    assert caught.value.message == "Invalid credentials"


def test_login_whoami_and_user_info(emulator):
    sdk = logged_in(emulator)
    actor = sdk.auth.whoami()
    assert actor["actorType"] == "user"
    assert actor["username"] == emulator.credentials["username"]
    info = sdk.auth.get_user_info()
    assert info == {"id": actor["actorTypeId"], "actor": actor["id"], "email": emulator.credentials["email"],
                    "username": emulator.credentials["username"]}
    assert sdk.auth.get_actor_id() == actor["id"]
    assert sdk.auth.is_logged_in() is True


def test_whoami_is_cached_and_cleared_on_login(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    fresh_emulator.clear_request_log()
    sdk.auth.whoami()
    sdk.auth.get_actor_id()
    sdk.auth.get_user_info()
    assert len(requests_matching(fresh_emulator, "GET", "/actor/v1/whoami")) == 1
    second = fresh_emulator.credentials["second_user"]
    sdk.auth.login(username=second["username"], password=second["password"])
    assert sdk.auth.whoami()["username"] == second["username"]


def test_login_with_api_key_and_logout(emulator):
    sdk = sdk_for(emulator)
    assert sdk.auth.is_logged_in() is False
    with pytest.raises(NotLoggedIn):
        sdk.auth.whoami()
    sdk.auth.login_with_token(emulator.credentials["api_key"])
    assert sdk.auth.get_token() == emulator.credentials["api_key"]
    assert sdk.auth.whoami()["username"] == emulator.credentials["username"]
    sdk.auth.logout()
    assert sdk.auth.get_token() is None
    assert sdk.auth.is_logged_in() is False


def test_device_key_is_not_a_user(emulator):
    sdk = sdk_for(emulator)
    sdk.auth.login_with_token(emulator.credentials["device"]["api_key"])
    assert sdk.auth.whoami()["actorType"] == "device"
    with pytest.raises(Exception, match="not of a user"):
        sdk.auth.get_user_info()


def test_invalid_token_is_not_logged_in(emulator):
    sdk = sdk_for(emulator)
    sdk.auth.login_with_token("not-a-real-key-0123456789abcdef")
    assert sdk.auth.is_logged_in() is False
    with pytest.raises(NotLoggedIn):
        sdk.auth.whoami()


def test_register_returns_a_session_token(fresh_emulator):
    sdk = sdk_for(fresh_emulator)
    token = sdk.auth.register(email="newcomer@example.com", password="newcomer-password")
    assert isinstance(token, str) and token.count(".") == 2
    sdk.auth.login_with_token(token)
    assert sdk.auth.whoami()["email"] == "newcomer@example.com"


def test_two_factor_state_of_a_session_token(emulator):
    sdk = logged_in(emulator)
    assert sdk.auth.two_factor.is_enabled() is False
    assert sdk.auth.two_factor.is_passed() is True
    sdk.auth.login_with_token(emulator.credentials["api_key"])
    with pytest.raises(UnsupportedFeature):
        sdk.auth.two_factor.is_enabled()


def test_two_factor_setup_key(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    secret = sdk.auth.two_factor.get_setup_key()
    assert len(secret) == 32


def totp_code(secret, at=None):
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int((time.time() if at is None else at) // 30))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF) % 1000000)


def test_two_factor_enable_challenge_disable(fresh_emulator):
    credentials = fresh_emulator.credentials
    sdk = logged_in(fresh_emulator)
    secret = sdk.auth.two_factor.get_setup_key()
    token = sdk.auth.two_factor.enable(totp_code(secret))
    assert sdk.auth.get_token() == token
    assert sdk.auth.two_factor.is_passed() is True

    again = logged_in(fresh_emulator)
    assert again.auth.two_factor.is_enabled() is True
    assert again.auth.two_factor.is_passed() is False
    assert isinstance(again.auth.two_factor.verify(totp_code(secret)), str)
    assert again.auth.two_factor.is_passed() is False  # verify does not store the new token
    again.auth.two_factor.challenge(totp_code(secret))
    assert again.auth.two_factor.is_passed() is True
    assert again.auth.whoami()["username"] == credentials["username"]

    new_token = again.auth.two_factor.disable(credentials["password"])
    assert again.auth.get_token() == new_token
    assert logged_in(fresh_emulator).auth.two_factor.is_enabled() is False


def test_a_wrong_two_factor_code_is_a_request_error_that_says_something(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    secret = sdk.auth.two_factor.get_setup_key()
    with pytest.raises(RequestError) as caught:
        sdk.auth.two_factor.enable("000000" if totp_code(secret) != "000000" else "111111")
    # The API answers with an empty body: the message is its status and reason, not "Request error: ".
    assert caught.value.status_code == 401 and caught.value.body == ""
    assert caught.value.message == "Request error: HTTP 401 Unauthorized"
