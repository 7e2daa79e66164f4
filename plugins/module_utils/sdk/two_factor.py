# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.auth.two_factor``: TOTP two-factor authentication of the session token."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

from .exceptions import UnsupportedFeature
from .tokens import jwt_claims

TOKEN_KEY = "token"


class TwoFactorAuth:
    def __init__(self, ctx, auth):
        self._ctx = ctx
        self._auth = auth

    def _claims(self):
        token = self._ctx.settings.get(TOKEN_KEY) if self._ctx.settings.has(TOKEN_KEY) else None
        claims = jwt_claims(token)
        if claims is None:
            raise UnsupportedFeature()
        return claims

    def is_enabled(self):
        return "twoFactorRequired" in self._claims()

    def is_passed(self):
        claims = self._claims()
        if "twoFactorRequired" in claims:
            return not claims["twoFactorRequired"]
        return True

    def verify(self, code):
        """Check a TOTP code; returns a new session token (not stored)."""
        return self._ctx.transport.request("POST", "/auth/totp/verify", body={"code": code})

    def get_setup_key(self):
        """The TOTP secret to give to an authenticator app."""
        answer = self._ctx.transport.request("GET", "/auth/totp/setup")
        text = str(answer)
        query = urlsplit(text).query if "://" in text else text
        secrets = parse_qs(query).get("secret") or parse_qs(text).get("secret")
        if not secrets:
            raise ValueError("the setup answer holds no secret")
        return secrets[0]

    def enable(self, code):
        token = self.verify(code)
        self._store(token)
        return token

    def challenge(self, code):
        self._store(self.verify(code))

    def disable(self, password):
        token = self._ctx.transport.request("POST", "/auth/totp/disable", body={"password": password})
        self._store(token)
        return token

    def _store(self, token):
        self._auth.clear_cache()
        self._ctx.settings.set(TOKEN_KEY, token)
