# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.auth``: log in and out, and who the current credentials belong to.

There is one Auth per SDK instance; its whoami cache serves every model and is keyed by the
token in use, so a new login (or any change of token) is never answered from a stale cache.
"""

from __future__ import annotations

import threading

from .exceptions import LoginFailed, NotLoggedIn, RequestError, TooManyRequests, Unauthorized
from .two_factor import TwoFactorAuth

TOKEN_KEY = "token"


class Auth:
    def __init__(self, ctx):
        self._ctx = ctx
        self._lock = threading.Lock()
        self._cached = None
        self.two_factor = TwoFactorAuth(ctx, self)

    @property
    def _transport(self):
        return self._ctx.transport

    @property
    def _settings(self):
        return self._ctx.settings

    def clear_cache(self):
        with self._lock:
            self._cached = None

    def _actor(self, use_cache=True):
        token = self._transport.tokens.current()
        with self._lock:
            if use_cache and self._cached is not None and self._cached[0] == token:
                return self._cached[1]
        try:
            found = self._transport.request("GET", "/actor/v1/whoami")
        except RequestError as error:
            if error.status_code == 401:
                raise NotLoggedIn() from None
            raise
        if not isinstance(found, dict) or "id" not in found or "actorType" not in found:
            raise NotLoggedIn()
        with self._lock:
            self._cached = (token, found)
        return found

    def whoami(self):
        """The actor behind the credentials: ``{id, actorType, actorTypeId, username|slug|uuid, ...}``."""
        return self._actor()

    def authenticate(self, **credentials):
        """Exchange ``username`` (or email) and ``password`` for a session token, without storing it."""
        try:
            return self._transport.request("POST", "/login_", body=credentials, send_token=False, return_raw=True).content.decode("utf-8")
        except RequestError as error:
            if error.status_code == 401:
                raise LoginFailed() from None
            if error.status_code == 429:
                raise TooManyRequests() from None
            raise

    def login(self, **credentials):
        token = self.authenticate(**credentials)
        self._store_token(token)

    def login_with_token(self, token):
        self._store_token(token)

    def _store_token(self, token):
        self.clear_cache()
        self._settings.set(TOKEN_KEY, token)

    def is_logged_in(self):
        try:
            self._actor(use_cache=False)
            return True
        except (RequestError, Unauthorized, NotLoggedIn):
            return False

    def get_token(self):
        if not self._settings.has(TOKEN_KEY):
            return None
        return self._settings.get(TOKEN_KEY)

    def get_user_info(self):
        actor = self._actor()
        if actor.get("actorType") != "user":
            raise Exception("The authentication credentials in use are not of a user")  # pylint: disable=broad-exception-raised
        return {"id": actor["actorTypeId"], "actor": actor["id"], "email": actor.get("email"), "username": actor.get("username")}

    def get_actor_id(self):
        return self._actor()["id"]

    def logout(self):
        self.clear_cache()
        self._settings.remove(TOKEN_KEY)

    def register(self, **credentials):
        """Create an account (``email``, ``password``); returns its session token."""
        return self._transport.request("POST", "/user/register", body=credentials, send_token=False)
