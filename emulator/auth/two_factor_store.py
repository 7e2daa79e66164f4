"""Where a user's two-factor state lives: the `two_factor_secret` and `has_two_factor_auth` fields
of their row (server-owned: only the auth routes write them). A secret without the flag is a setup
waiting for its first verified code."""
from __future__ import annotations


def get(tx, user_id: int) -> dict | None:
    user = tx.get("user", user_id)
    if not user or not user.get("two_factor_secret"):
        return None
    return {"secret": user["two_factor_secret"], "enabled": bool(user.get("has_two_factor_auth"))}


def is_enabled(tx, user_id: int) -> bool:
    found = get(tx, user_id)
    return bool(found and found["enabled"])


def set_pending(tx, user_id: int, secret: str) -> None:
    tx.update("user", user_id, {"two_factor_secret": secret, "has_two_factor_auth": False})


def enable(tx, user_id: int) -> None:
    tx.update("user", user_id, {"has_two_factor_auth": True})


def remove(tx, user_id: int) -> None:
    tx.update("user", user_id, {"two_factor_secret": None, "has_two_factor_auth": False})
