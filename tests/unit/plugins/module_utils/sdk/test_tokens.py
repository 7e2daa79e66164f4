# -*- coding: utf-8 -*-
from __future__ import annotations

import base64
import json

from ansible_collections.balena.cloud.plugins.module_utils.sdk.tokens import is_jwt, jwt_claims, needs_refresh


def make_jwt(claims):
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return part({"alg": "HS256", "typ": "JWT"}) + "." + part(claims) + ".c2lnbmF0dXJl"


def test_jwt_and_api_keys_are_told_apart():
    token = make_jwt({"id": 1, "iat": 1000})
    assert is_jwt(token)
    assert jwt_claims(token)["id"] == 1
    assert not is_jwt("Xq3kT0aZ9bQ1w2e3r4t5y6u7i8o9p0As")
    assert not is_jwt("a.b.c")
    assert not is_jwt(None)


def test_refresh_is_due_by_age():
    token = make_jwt({"iat": 1000})
    assert not needs_refresh(token, "3600000", now=1000 + 3599)
    assert needs_refresh(token, "3600000", now=1000 + 3600)


def test_no_iat_and_api_keys_never_refresh():
    assert not needs_refresh(make_jwt({"id": 1}), "0", now=10 ** 10)
    assert not needs_refresh(make_jwt({"iat": "yesterday"}), "0", now=10 ** 10)
    assert not needs_refresh("plainapikey", "0", now=10 ** 10)
