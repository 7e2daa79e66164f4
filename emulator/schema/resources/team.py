"""Teams of an organization, their members and the fleets they open to them (balenaCloud)."""
from __future__ import annotations

from ..declare import Grant, Resource, Reverse
from . import access
from .shorthand import link, string

_WRITES = ("create", "update", "delete")

TEAM = Resource(
    name="team",
    fields=(
        link("belongs_to__organization", "organization", required=True),
        string("name", required=True),
    ),
    unique=(("belongs_to__organization", "name"),),
    reverse=(
        Reverse("team_membership", "team_membership", "is_member_of__team"),
        Reverse("team_application_access", "team_application_access", "team"),
    ),
    nav_aliases={"includes__user": "team_membership", "grants_access_to__application": "team_application_access"},
    grants=(
        Grant("user", access.READ, "belongs_to__organization in {orgs}"),
        Grant("user", _WRITES, "belongs_to__organization in {admin_orgs}"),
    ),
)

TEAM_MEMBERSHIP = Resource(
    name="team_membership",
    fields=(
        link("user", "user", required=True),
        link("is_member_of__team", "team", required=True),
    ),
    aliases=("user__is_member_of__team",),
    unique=(("user", "is_member_of__team"),),
    nav_aliases={"team": "is_member_of__team"},
    grants=(
        Grant("user", access.READ, "is_member_of__team/belongs_to__organization in {orgs}"),
        Grant("user", _WRITES, "is_member_of__team/belongs_to__organization in {admin_orgs}"),
    ),
)

TEAM_APPLICATION_ACCESS = Resource(
    name="team_application_access",
    fields=(
        link("team", "team", required=True),
        link("grants_access_to__application", "application", required=True),
        link("application_membership_role", "application_membership_role"),
    ),
    aliases=("team__grants_access_to__application",),
    unique=(("team", "grants_access_to__application"),),
    nav_aliases={"application": "grants_access_to__application"},
    grants=(
        Grant("user", access.READ, "team/belongs_to__organization in {orgs}"),
        Grant("user", _WRITES, "team/belongs_to__organization in {admin_orgs}"
                               " and grants_access_to__application/organization in {admin_orgs}"),
    ),
)

RESOURCES = (TEAM, TEAM_MEMBERSHIP, TEAM_APPLICATION_ACCESS)
