"""Organization writes: handle rules and defaults, the creator's membership, slugs after renames."""
from __future__ import annotations

import re

from . import reference_rows
from .base import ResourceHooks, WriteOp, register
from .changes import changes
from .messages import length_rule, refuse

_HANDLE_CHARACTERS = re.compile(r"^\w+$", re.ASCII)


def check_handle(handle) -> None:
    if not isinstance(handle, str):
        return
    if not _HANDLE_CHARACTERS.match(handle):
        raise refuse("Handles can only contain alphanumeric characters and underscores")
    if handle != handle.lower():
        raise refuse("Handles must be lowercase")
    if len(handle) > 100:
        raise length_rule("organization", "handle", None, 100)


def handle_from_name(name: str) -> str:
    return re.sub(r"\W", "_", name, flags=re.ASCII).lower()[:100]


def check_name(name) -> None:
    if isinstance(name, str) and len(name) > 100:
        raise length_rule("organization", "name", None, 100)


class OrganizationHooks(ResourceHooks):
    resource = "organization"

    def before_create(self, op: WriteOp) -> None:
        check_name(op.values.get("name"))
        if not op.values.get("handle") and isinstance(op.values.get("name"), str):
            op.values["handle"] = handle_from_name(op.values["name"])
        check_handle(op.values.get("handle"))

    def after_create(self, op: WriteOp) -> None:
        user_id = getattr(op.caller, "user_id", None) if op.caller is not None else None
        if user_id is not None:
            op.tx.insert("organization_membership", {
                "user": user_id,
                "is_member_of__organization": op.id,
                "organization_membership_role": reference_rows.ensure(op.tx, "organization_membership_role",
                                                                      "administrator"),
            })

    def before_update(self, op: WriteOp) -> None:
        if "name" in op.values:
            check_name(op.values["name"])
        if "handle" in op.values:
            check_handle(op.values["handle"])

    def after_update(self, op: WriteOp) -> None:
        if changes(op, "handle"):
            op.tx.execute("UPDATE application SET slug = lower(? || '/' || app_name) WHERE organization = ?",
                          (op.values["handle"], op.id))


register(OrganizationHooks())
