"""Accepting invitations (balenaCloud): `POST /org/v1/invitation/:token` makes the invited user a
member of the organization, `POST /user/v1/invitation/:token` a member of the fleet, with the role
the invitation names. The invitation is then consumed."""
from __future__ import annotations

from ..errors import not_found, unauthorized
from ..web.response import empty_response
from .guards import require_session

INVALID = "Invitation not found or expired"


def _accept(world, request, *, invite_resource: str, target_field: str, membership_resource: str,
            membership_target: str, role_field: str):
    caller = require_session(request)
    with world.store.transaction() as tx:
        invites = tx.find(invite_resource, invitationToken=request.params["token"])
        if not invites:
            raise not_found(INVALID)
        invite = invites[0]
        invitee = tx.get("invitee", invite["invitee"])
        user = tx.get("user", caller.user_id)
        if invitee is None or user is None or (invitee.get("email") or "").lower() != (user.get("email") or "").lower():
            raise unauthorized()
        existing = tx.find(membership_resource, user=user["id"], **{membership_target: invite[target_field]})
        values = {role_field: invite.get(role_field)} if invite.get(role_field) else {}
        if existing:
            if values:
                tx.update(membership_resource, existing[0]["id"], values)
        else:
            tx.insert(membership_resource, {"user": user["id"], membership_target: invite[target_field], **values})
        tx.delete(invite_resource, invite["id"])
    return empty_response(200)


def accept_organization_invite(world, request):
    return _accept(world, request, invite_resource="invitee__is_invited_to__organization",
                   target_field="is_invited_to__organization", membership_resource="organization_membership",
                   membership_target="is_member_of__organization", role_field="organization_membership_role")


def accept_fleet_invite(world, request):
    return _accept(world, request, invite_resource="invitee__is_invited_to__application",
                   target_field="is_invited_to__application", membership_resource="user__is_member_of__application",
                   membership_target="is_member_of__application", role_field="application_membership_role")


def register(router) -> None:
    router.add("POST", "/org/v1/invitation/{token}", accept_organization_invite)
    router.add("POST", "/user/v1/invitation/{token}", accept_fleet_invite)
