"""Two-factor authentication with real TOTP codes, as the official SDK drives it."""
from __future__ import annotations

import time
from urllib.parse import parse_qs

from emulator.auth import totp

from routes_world import PASSWORD, jwt_claims as _claims


def test_setup_verify_login_challenge_and_disable(api):
    token = api.login("carol")
    headers = {"Authorization": f"Bearer {token}"}
    setup = api.get("/auth/totp/setup", headers=headers)
    assert setup.status_code == 200
    secret = parse_qs(setup.text)["secret"][0]
    assert len(secret) == 32

    wrong_code = str((int(totp.code_at(secret, time.time())) + 1) % 1_000_000).zfill(6)
    assert api.post("/auth/totp/verify", json={"code": wrong_code}, headers=headers).status_code == 401
    enabled = api.post("/auth/totp/verify", json={"code": totp.code_at(secret, time.time())}, headers=headers)
    assert enabled.status_code == 200 and _claims(enabled.text)["twoFactorRequired"] is False

    pending = api.login("carol")
    assert _claims(pending)["twoFactorRequired"] is True
    pending_headers = {"Authorization": f"Bearer {pending}"}
    assert api.get("/user/v1/whoami", headers=pending_headers).status_code == 401
    wrong = api.post("/auth/totp/verify", json={"code": "12x"}, headers=pending_headers)
    assert wrong.status_code == 401
    passed = api.post("/auth/totp/verify", json={"code": totp.code_at(secret, time.time())}, headers=pending_headers)
    passed_headers = {"Authorization": f"Bearer {passed.text}"}
    assert api.get("/user/v1/whoami", headers=passed_headers).status_code == 200

    assert api.post("/auth/totp/disable", json={"password": "bad"}, headers=passed_headers).status_code == 401
    disabled = api.post("/auth/totp/disable", json={"password": PASSWORD}, headers=passed_headers)
    assert disabled.status_code == 200 and "twoFactorRequired" not in _claims(disabled.text)
    assert "twoFactorRequired" not in _claims(api.login("carol"))


def test_setup_needs_a_session(api):
    assert api.get("/auth/totp/setup").status_code == 401
    assert api.get("/auth/totp/setup", headers=api.key("alice_key")).status_code == 401
