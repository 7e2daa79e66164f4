"""Reading and writing user rows the way login and registration need them."""
from __future__ import annotations

import re

from .passwords import hash_password, is_hashed
from .sessions import new_jwt_secret


def find_by_login(tx, login: str) -> dict | None:
    """A user by username, or by e-mail when `login` contains `@`; case-insensitive."""
    column = "email" if "@" in login else "username"
    rows = tx.query(f'SELECT id FROM "user" WHERE lower({column}) = lower(?) LIMIT 1', (login,))
    return tx.get("user", rows[0]["id"]) if rows else None


def prepared_for_session(tx, user: dict, password: str | None = None) -> dict:
    """The user row with a `jwt_secret` (and a hashed password once a plain one was matched)."""
    changes = {}
    if not user.get("jwt_secret"):
        changes["jwt_secret"] = new_jwt_secret()
    if password is not None and user.get("password") and not is_hashed(user["password"]):
        changes["password"] = hash_password(password)
    if changes:
        tx.update("user", user["id"], changes)
        user = {**user, **changes}
    return user


def username_from_email(email: str) -> str:
    """balenaCloud's normalisation: non-word characters become `_`, then lower-case."""
    return re.sub(r"\W", "_", email.split("@", 1)[0]).lower()[:73] or "user"


def ensure_actor(tx, resource: str, row_id: int) -> int:
    """The row's actor id, creating the actor when no schema hook did."""
    row = tx.get(resource, row_id)
    if row.get("actor"):
        return row["actor"]
    actor = tx.insert("actor", {})
    tx.update(resource, row_id, {"actor": actor})
    return actor
