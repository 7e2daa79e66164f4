"""Organizations, their memberships with roles, and membership tags (balenaCloud)."""
from __future__ import annotations

from ..declare import Grant, Resource, Reverse
from . import access
from .keyed_values import tag
from .shorthand import SERVER, json_value, link, string, timestamp

ORGANIZATION = Resource(
    name="organization",
    fields=(
        string("name", required=True),
        string("handle"),
        # balenaCloud only
        json_value("logo_image"),   # a WebResource, uploaded as a multipart file part
        timestamp("has_past_due_invoice_since__date", write=SERVER),
    ),
    unique=(("handle",),),
    reverse=(
        Reverse("application", "application", "organization"),
        Reverse("organization_membership", "organization_membership", "is_member_of__organization"),
        Reverse("owns__team", "team", "belongs_to__organization"),
        Reverse("invitee__is_invited_to__organization", "invitee__is_invited_to__organization",
                "is_invited_to__organization"),
    ),
    nav_aliases={
        "has__application": "application",
        "is_of__application": "application",
        "includes__user": "organization_membership",
        "user__is_member_of__organization": "organization_membership",
        "team": "owns__team",
    },
    grants=(
        # balenaCloud shows a fleet's organization to everyone who can read the fleet: a fleet member
        # or a team's guest who is not in the organization still reads its handle and name.
        Grant("user", access.READ, "(id in {orgs}) or (application/any(a:a/id in {apps}))"),
        Grant("user", ("create",)),
        Grant("user", ("update", "delete"), "id in {admin_orgs}"),
    ),
)

ORGANIZATION_MEMBERSHIP_ROLE = Resource(
    name="organization_membership_role",
    fields=(string("name", required=True, choices=("administrator", "member")),),
    unique=(("name",),),
    grants=(access.users_read(),),
)

_ADMIN_WRITES = ("create", "update", "delete")

ORGANIZATION_MEMBERSHIP = Resource(
    name="organization_membership",
    fields=(
        link("user", "user", required=True),
        link("is_member_of__organization", "organization", required=True),
        link("organization_membership_role", "organization_membership_role"),
        string("effective_seat_role", write=SERVER),
    ),
    aliases=("user__is_member_of__organization",),
    unique=(("user", "is_member_of__organization"),),
    reverse=(Reverse("organization_membership_tag", "organization_membership_tag", "organization_membership"),),
    nav_aliases={"organization": "is_member_of__organization"},
    grants=(
        Grant("user", access.READ, "is_member_of__organization in {orgs}"),
        # Members join through invitations (REST), never by a POST of their own.
        Grant("user", ("update", "delete"), "is_member_of__organization in {admin_orgs}"),
        Grant("user", ("delete",), "user eq {user}"),
    ),
)

ORGANIZATION_MEMBERSHIP_TAG = tag(
    "organization_membership_tag", "organization_membership", "organization_membership",
    aliases=("organization_membership__has__tag_key",),
    grants=(
        Grant("user", access.READ, "organization_membership/is_member_of__organization in {orgs}"),
        Grant("user", _ADMIN_WRITES, "organization_membership/is_member_of__organization in {admin_orgs}"),
    ),
)

RESOURCES = (ORGANIZATION, ORGANIZATION_MEMBERSHIP_ROLE, ORGANIZATION_MEMBERSHIP, ORGANIZATION_MEMBERSHIP_TAG)
