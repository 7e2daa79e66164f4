"""Memberships and invitations: names given for links, and default roles.

The SDK names a new member by `username`, and an invitee by e-mail address or username; both become
link ids here, before the body is checked.
"""
from __future__ import annotations

from . import reference_rows
from .base import ResourceHooks, WriteOp, register
from .messages import refuse


def _user_for(tx, username) -> dict:
    rows = tx.query('SELECT id, email FROM "user" WHERE lower(username) = lower(?)', (str(username),))
    if not rows:
        raise refuse(f"User {username} not found.")
    return rows[0]


def _invitee_id_for(tx, email: str) -> int:
    rows = tx.query("SELECT id FROM invitee WHERE lower(email) = lower(?)", (email,))
    if rows:
        return rows[0]["id"]
    return tx.insert("invitee", {"email": email})


class MemberByUsername(ResourceHooks):
    """Accepts `username` in place of the `user` link."""

    def __init__(self, resource: str):
        self.resource = resource

    def prepare(self, op: WriteOp) -> None:
        username = op.values.pop("username", None)
        if username is not None and op.values.get("user") is None:
            op.values["user"] = _user_for(op.tx, username)["id"]


class InviteeByAddress(ResourceHooks):
    """Accepts an e-mail address or a username in the `invitee` link; the invitee row is shared."""

    def __init__(self, resource: str):
        self.resource = resource

    def prepare(self, op: WriteOp) -> None:
        invitee = op.values.get("invitee")
        if not isinstance(invitee, str) or invitee.isdigit():
            return
        address = invitee.strip() if "@" in invitee else _user_for(op.tx, invitee)["email"]
        op.values["invitee"] = _invitee_id_for(op.tx, address)


class DefaultRole(ResourceHooks):
    def __init__(self, resource: str, role_field: str, role_resource: str, role: str):
        self.resource = resource
        self.role_field = role_field
        self.role_resource = role_resource
        self.role = role

    def before_create(self, op: WriteOp) -> None:
        if op.values.get(self.role_field) is None:
            op.values[self.role_field] = reference_rows.ensure(op.tx, self.role_resource, self.role)


for _resource in ("user__is_member_of__application", "team_membership", "organization_membership"):
    register(MemberByUsername(_resource))
for _resource in ("invitee__is_invited_to__application", "invitee__is_invited_to__organization"):
    register(InviteeByAddress(_resource))
for _resource, _field, _role in (
    ("user__is_member_of__application", "application_membership_role", "developer"),
    ("team_application_access", "application_membership_role", "developer"),
    ("invitee__is_invited_to__application", "application_membership_role", "developer"),
    ("organization_membership", "organization_membership_role", "member"),
    ("invitee__is_invited_to__organization", "organization_membership_role", "member"),
):
    register(DefaultRole(_resource, _field, _field, _role))
