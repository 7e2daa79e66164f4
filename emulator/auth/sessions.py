"""Issuing session JWTs for users, with the claims the real API puts in them."""
from __future__ import annotations

import base64
import secrets

from . import jwt

SESSION_LIFETIME_SECONDS = 7 * 24 * 3600   # the real deployment's 10 080 minutes
SUDO_WINDOW_MS = 20 * 60 * 1000            # "fresh" authentication, required to create user keys


def new_jwt_secret() -> str:
    """32 base32 characters, as the real API stores per user; changing it logs out every session."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def now_seconds(world) -> float:
    return world.clock().timestamp()


def issue_session(world, user: dict, *, auth_time_ms: int | None = None, two_factor_required: bool | None = None) -> str:
    """A signed JWT for `user` (a stored row with `id` and `jwt_secret`).

    `two_factor_required` is None for users without two-factor auth (no claim at all), True while
    the second factor is pending and False once it was passed: the SDK reads the claim that way.
    """
    issued = int(now_seconds(world))
    claims = {
        "id": user["id"],
        "jwt_secret": user.get("jwt_secret") or "",
        "authTime": auth_time_ms if auth_time_ms is not None else issued * 1000,
        "iat": issued,
        "exp": issued + SESSION_LIFETIME_SECONDS,
    }
    if two_factor_required is not None:
        claims["twoFactorRequired"] = bool(two_factor_required)
    return jwt.encode(claims, world.secret)


def is_fresh(world, claims: dict) -> bool:
    auth_time = claims.get("authTime")
    return isinstance(auth_time, (int, float)) and now_seconds(world) * 1000 - auth_time <= SUDO_WINDOW_MS
