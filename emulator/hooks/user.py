"""User writes: username normalisation and the case-insensitive uniqueness of names and e-mails."""
from __future__ import annotations

import re

from ..errors import ApiError
from .base import ResourceHooks, WriteOp, register
from .messages import length_rule


def normalise_username(username: str) -> str:
    return re.sub(r"\W", "_", username, flags=re.ASCII).lower()


class UserHooks(ResourceHooks):
    resource = "user"

    def before_create(self, op: WriteOp) -> None:
        self._check(op)

    def before_update(self, op: WriteOp) -> None:
        self._check(op)

    @staticmethod
    def _check(op: WriteOp) -> None:
        values = op.values
        if isinstance(values.get("username"), str):
            values["username"] = normalise_username(values["username"])
            if values["username"] == "root":
                raise ApiError(409, "This username is blacklisted")
            if len(values["username"]) > 73:
                raise length_rule("user", "username", None, 73)
            if _taken(op, "username", values["username"]):
                raise ApiError(409, "This username is already taken")
        if isinstance(values.get("email"), str):
            if not 5 <= len(values["email"]) <= 254:
                raise length_rule("user", "email", 5, 254)
            if _taken(op, "email", values["email"]):
                raise ApiError(409, "This email is already taken")


def _taken(op: WriteOp, field: str, value: str) -> bool:
    rows = op.tx.query(f'SELECT id FROM "user" WHERE lower({field}) = lower(?) AND id IS NOT ?', (value, op.id))
    return bool(rows)


register(UserHooks())
