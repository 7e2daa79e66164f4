"""Who may reach a fleet besides its organization: fleet memberships, invitations, and the
derived "directly accessible" pairs (balenaCloud).

`user__has_direct_access_to__application` holds one row per (user, fleet the user can access): every
fleet of the organizations they belong to, plus fleets reached through a fleet membership or a team.
Hooks keep it current whenever a membership, a team access or a fleet changes (see
emulator/hooks/direct_access.py). A user reads only their own pairs, a device or provisioning key
reads none, and anonymous callers have no grant at all, so
`application?$filter=is_directly_accessible_by__user/any(dau:1 eq 1)` means "fleets I can access"
for a user, is empty for keys and is refused (401) for guests, as on the real API.
"""
from __future__ import annotations

import secrets

from ..declare import Grant, Resource, Reverse
from . import access
from .shorthand import CREATE_ONLY, SERVER, link, string, text

APPLICATION_MEMBERSHIP_ROLE = Resource(
    name="application_membership_role",
    fields=(string("name", required=True, choices=("developer", "operator", "observer")),),
    unique=(("name",),),
    grants=(access.users_read(),),
)

_FLEET_ADMIN = "is_member_of__application/organization in {admin_orgs}"

USER_APPLICATION_MEMBERSHIP = Resource(
    name="user__is_member_of__application",
    fields=(
        link("user", "user", required=True),
        link("is_member_of__application", "application", required=True),
        link("application_membership_role", "application_membership_role"),
    ),
    aliases=("user_application_membership",),
    unique=(("user", "is_member_of__application"),),
    nav_aliases={"application": "is_member_of__application"},
    grants=(
        Grant("user", access.READ, "is_member_of__application in {apps}"),
        Grant("user", ("create", "update", "delete"), _FLEET_ADMIN),
        Grant("user", ("delete",), "user eq {user}"),
    ),
)


def _new_invitation_token() -> str:
    return secrets.token_hex(16)


INVITEE = Resource(
    name="invitee",
    fields=(text("email", required=True),),
    unique=(("email",),),
    reverse=(
        Reverse("invitee__is_invited_to__application", "invitee__is_invited_to__application", "invitee"),
        Reverse("invitee__is_invited_to__organization", "invitee__is_invited_to__organization", "invitee"),
    ),
    nav_aliases={
        "is_invited_to__application": "invitee__is_invited_to__application",
        "is_invited_to__organization": "invitee__is_invited_to__organization",
    },
    grants=(
        Grant("user", access.READ,
              "(invitee__is_invited_to__application/any(inv:inv/is_invited_to__application in {apps}))"
              " or (invitee__is_invited_to__organization/any(inv:inv/is_invited_to__organization in {orgs}))"),
    ),
)

APPLICATION_INVITE = Resource(
    name="invitee__is_invited_to__application",
    fields=(
        link("invitee", "invitee", required=True),
        link("is_invited_to__application", "application", required=True),
        link("application_membership_role", "application_membership_role"),
        text("message"),
        string("invitationToken", default=_new_invitation_token, write=SERVER),
    ),
    aliases=("application_invite",),
    unique=(("invitee", "is_invited_to__application"), ("invitationToken",)),
    nav_aliases={"application": "is_invited_to__application"},
    grants=(
        Grant("user", access.READ, "is_invited_to__application in {apps}"),
        Grant("user", ("create", "update", "delete"), "is_invited_to__application/organization in {admin_orgs}"),
    ),
)

ORGANIZATION_INVITE = Resource(
    name="invitee__is_invited_to__organization",
    fields=(
        link("invitee", "invitee", required=True),
        link("is_invited_to__organization", "organization", required=True),
        link("organization_membership_role", "organization_membership_role"),
        text("message"),
        string("invitationToken", default=_new_invitation_token, write=SERVER),
    ),
    aliases=("organization_invite",),
    unique=(("invitee", "is_invited_to__organization"), ("invitationToken",)),
    nav_aliases={"organization": "is_invited_to__organization"},
    grants=(
        Grant("user", access.READ, "is_invited_to__organization in {orgs}"),
        Grant("user", ("create", "update", "delete"), "is_invited_to__organization in {admin_orgs}"),
    ),
)

DIRECT_ACCESS = Resource(
    name="user__has_direct_access_to__application",
    fields=(
        link("user", "user", write=CREATE_ONLY),
        link("has_direct_access_to__application", "application", write=CREATE_ONLY),
    ),
    unique=(("user", "has_direct_access_to__application"),),
    nav_aliases={"application": "has_direct_access_to__application"},
    grants=(
        Grant("user", access.READ, "user eq {user}"),
        Grant("device", access.READ, "user eq {user}"),
        Grant("application", access.READ, "user eq {user}"),
    ),
)

RESOURCES = (
    APPLICATION_MEMBERSHIP_ROLE,
    USER_APPLICATION_MEMBERSHIP,
    INVITEE,
    APPLICATION_INVITE,
    ORGANIZATION_INVITE,
    DIRECT_ACCESS,
)
