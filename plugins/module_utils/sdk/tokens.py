# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Telling session tokens (JWT) from API keys, and when a JWT is due for a refresh.

The signature is never checked here: the API does that. A JWT is three base64url parts whose
middle one is a JSON object; anything else is an opaque API key and is used as it is.
"""

from __future__ import annotations

import base64
import binascii
import json
import os
import threading
import time

_CACHE = {}
_CACHE_SIZE = 16


def jwt_claims(token):
    """The claims of a JWT as a dict, or None when ``token`` is not a JWT."""
    if not isinstance(token, str):
        return None
    if token in _CACHE:
        return _CACHE[token]
    claims = _decode(token)
    if len(_CACHE) >= _CACHE_SIZE:
        _CACHE.clear()
    _CACHE[token] = claims
    return claims


def _decode(token):
    parts = token.split(".")
    if len(parts) != 3 or not parts[1]:
        return None
    payload = parts[1] + "=" * (-len(parts[1]) % 4)
    try:
        claims = json.loads(base64.urlsafe_b64decode(payload.encode("ascii")))
    except (ValueError, binascii.Error, UnicodeError):
        return None
    return claims if isinstance(claims, dict) else None


def is_jwt(token):
    return jwt_claims(token) is not None


def issued_at(claims):
    """``iat`` in seconds, or None when the claim is missing or not a number."""
    value = (claims or {}).get("iat")
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        return None
    return float(value)


def needs_refresh(token, interval_ms, now=None):
    """True for a JWT older than ``interval_ms``; API keys and JWTs without ``iat`` never need one."""
    issued = issued_at(jwt_claims(token))
    if issued is None:
        return False
    try:
        interval = float(interval_ms)
    except (TypeError, ValueError):
        return False
    current = time.time() if now is None else now
    return (current - issued) * 1000.0 >= interval


class TokenRefresher:
    """Finds the token for a request and renews a session token once it is older than
    ``token_refresh_interval``: ``GET /user/v1/refresh-token``, or the legacy ``GET /whoami``
    when the API does not know the first. A failed renewal keeps the old token and is not
    tried again for a minute."""

    REFRESH_PATHS = ("/user/v1/refresh-token", "/whoami")
    RETRY_FAILED_AFTER = 60.0

    def __init__(self, transport, settings):
        self._transport = transport
        self._settings = settings
        self._lock = threading.Lock()
        self._failed = {}

    def stored(self, values=None):
        token = (values or self._settings.get_all()).get("token")
        return token if isinstance(token, str) and token else None

    def current(self, values=None):
        """The settings token (renewed when due), else ``BALENA_API_KEY``/``RESIN_API_KEY``.

        ``values``: a snapshot of the settings the caller already holds."""
        values = values or self._settings.get_all()
        token = self.stored(values)
        if token is None:
            return os.environ.get("BALENA_API_KEY") or os.environ.get("RESIN_API_KEY") or None
        interval = values.get("token_refresh_interval")
        if interval is not None and needs_refresh(token, interval):
            return self._refresh(token)
        return token

    def known_secrets(self):
        return [secret for secret in (self.stored(), os.environ.get("BALENA_API_KEY"), os.environ.get("RESIN_API_KEY")) if secret]

    def _refresh(self, token):
        with self._lock:
            latest = self.stored()
            if latest != token:
                return latest
            failed_at = self._failed.get(token)
            if failed_at is not None and time.monotonic() - failed_at < self.RETRY_FAILED_AFTER:
                return token
            renewed = self._ask_for_new_token(token)
            if renewed is None:
                self._failed[token] = time.monotonic()
                return token
            self._failed.pop(token, None)
            self._settings.set("token", renewed)
            return renewed

    def _ask_for_new_token(self, token):
        transport = self._transport
        headers = {"X-Balena-Client": transport.client_header, "Authorization": "Bearer " + token}
        for path in self.REFRESH_PATHS:
            url = transport.api_endpoint().rstrip("/") + path
            try:
                response = transport.send("GET", url, headers)
            except Exception:  # pylint: disable=broad-exception-caught
                return None  # keep the current token: a failed renewal must not fail the caller's request
            if response.status_code == 404:
                continue
            if not 200 <= response.status_code < 300:
                return None
            renewed = response.content.decode("utf-8", "replace").strip().strip('"')
            return renewed if renewed and " " not in renewed and renewed != token else None
        return None
