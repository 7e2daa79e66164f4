# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""auth and auth.two_factor: logged out, with a password, with an API key, a new user with 2FA."""

from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time

from parity_scenario import Step

NEW_USER = {"email": "parity-user@example.com", "password": "parity-password-1"}


def totp(secret):
    """The current RFC 6238 code (SHA-1, 30 s steps, 6 digits) for a base32 ``secret``."""
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    digest = hmac.new(key, struct.pack(">Q", int(time.time() // 30)), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    number = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return "%06d" % (number % 1000000)


def _login(sdk, w):
    return sdk.auth.login(username=w.credentials["username"], password=w.credentials["password"])


def _user_client(w, name):
    """A second client logged in as the user the scenario registered (``name`` keeps it apart)."""
    client = w.kept.get(name)
    if client is None:
        client = w.kept[name] = w.client()
    return client


def _login_new_user(w, name):
    return _user_client(w, name).auth.login(username=NEW_USER["email"], password=NEW_USER["password"])


def _code(w):
    return totp(w.kept["totp_secret"])


STEPS = [
    Step("auth.is_logged_in", lambda sdk, w: sdk.auth.is_logged_in(), "logged out"),
    Step("auth.get_token", lambda sdk, w: sdk.auth.get_token(), "logged out"),
    Step("auth.whoami", lambda sdk, w: sdk.auth.whoami(), "logged out"),
    Step("auth.authenticate", lambda sdk, w: sdk.auth.authenticate(
        username=w.credentials["username"], password=w.credentials["password"])),
    Step("auth.authenticate", lambda sdk, w: sdk.auth.authenticate(
        username=w.credentials["email"], password=w.credentials["password"]), "by e-mail"),
    Step("auth.authenticate", lambda sdk, w: sdk.auth.authenticate(
        username=w.credentials["username"], password="not-the-password"), "wrong password"),
    Step("auth.login", _login),
    Step("auth.is_logged_in", lambda sdk, w: sdk.auth.is_logged_in(), "logged in"),
    Step("auth.get_token", lambda sdk, w: sdk.auth.get_token(), "logged in"),
    Step("auth.whoami", lambda sdk, w: sdk.auth.whoami(), "user"),
    Step("auth.get_user_info", lambda sdk, w: sdk.auth.get_user_info()),
    Step("auth.get_actor_id", lambda sdk, w: sdk.auth.get_actor_id()),
    Step("auth.two_factor.is_enabled", lambda sdk, w: sdk.auth.two_factor.is_enabled(), "demo user"),
    Step("auth.two_factor.is_passed", lambda sdk, w: sdk.auth.two_factor.is_passed(), "demo user"),
    Step("auth.login_with_token", lambda sdk, w: sdk.auth.login_with_token(w.credentials["api_key"])),
    Step("auth.get_token", lambda sdk, w: sdk.auth.get_token(), "named API key"),
    Step("auth.whoami", lambda sdk, w: sdk.auth.whoami(), "named API key"),
    Step("auth.two_factor.is_enabled", lambda sdk, w: sdk.auth.two_factor.is_enabled(), "named API key"),
    Step("auth.login_with_token", lambda sdk, w: _device_login(w), "device key"),
    Step("auth.whoami", lambda sdk, w: _device_client(w).auth.whoami(), "device key"),
    Step("auth.get_user_info", lambda sdk, w: _device_client(w).auth.get_user_info(), "device key"),
    Step("auth.login", _login, "back to the demo user"),
    Step("auth.register", lambda sdk, w: sdk.auth.register(**NEW_USER)),
    Step("auth.register", lambda sdk, w: sdk.auth.register(**NEW_USER), "same e-mail again"),
    Step("auth.login", lambda sdk, w: _login_new_user(w, "enabler"), "registered user"),
    Step("auth.two_factor.is_enabled", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.is_enabled(),
         "before enabling"),
    Step("auth.two_factor.is_passed", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.is_passed(),
         "before enabling"),
    Step("auth.two_factor.get_setup_key", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.get_setup_key(),
         keep="totp_secret", shape=lambda secret: {"length": len(secret), "base32": secret.isalnum()}),
    Step("auth.two_factor.enable", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.enable(_code(w))),
    Step("auth.two_factor.is_enabled", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.is_enabled(),
         "after enabling"),
    Step("auth.login", lambda sdk, w: _login_new_user(w, "challenged"), "user with 2FA"),
    Step("auth.two_factor.is_passed", lambda sdk, w: _user_client(w, "challenged").auth.two_factor.is_passed(),
         "not yet challenged"),
    Step("auth.two_factor.verify", lambda sdk, w: _user_client(w, "challenged").auth.two_factor.verify(_code(w))),
    Step("auth.two_factor.challenge",
         lambda sdk, w: _user_client(w, "challenged").auth.two_factor.challenge(_code(w))),
    Step("auth.two_factor.is_passed", lambda sdk, w: _user_client(w, "challenged").auth.two_factor.is_passed(),
         "challenged"),
    Step("auth.two_factor.disable",
         lambda sdk, w: _user_client(w, "challenged").auth.two_factor.disable(NEW_USER["password"])),
    Step("auth.two_factor.is_enabled", lambda sdk, w: _user_client(w, "challenged").auth.two_factor.is_enabled(),
         "after disabling"),
    Step("auth.two_factor.disable", lambda sdk, w: _user_client(w, "enabler").auth.two_factor.disable(
        "not-the-password"), "wrong password"),
]


def _device_login(w):
    client = w.kept["device_client"] = w.client()
    return client.auth.login_with_token(w.credentials["device"]["api_key"])


def _device_client(w):
    return w.kept["device_client"]
