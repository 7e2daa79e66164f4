"""Which organizations and fleets a user may read and change (the balenaCloud access model).

- organizations: those the user is a member of; administrator memberships are also `admin_org_ids`;
- readable fleets: every fleet of those organizations (members and administrators alike, a
  deliberate simplification), plus fleets reached through a fleet membership or a team's access;
- writable fleets: every fleet of an organization the user administers, plus fleets where a fleet
  membership or a team access grants the `developer` or `operator` role.

The membership and team tables are read only when the schema declares them, so a smaller schema
(open-balena's) still works.
"""
from __future__ import annotations

from typing import NamedTuple

ADMINISTRATOR = "administrator"
WRITE_ROLES = ("developer", "operator")


class Scope(NamedTuple):
    org_ids: frozenset
    admin_org_ids: frozenset
    app_ids: frozenset
    writable_app_ids: frozenset


def declared(resource: str, *fields: str) -> bool:
    from ..schema import registry  # imported late: the schema is loaded by the time requests arrive
    found = registry.RESOURCES.get(resource)
    return found is not None and all(found.field(name) is not None for name in fields)


def _role_names(tx, role_resource: str) -> dict:
    if not declared(role_resource, "name"):
        return {}
    return {row["id"]: row["name"] for row in tx.query(f'SELECT id, name FROM "{role_resource}"')}


def _marks(ids) -> str:
    return ",".join("?" for _ in ids)


def user_scope(tx, user_id: int) -> Scope:
    org_ids: set = set()
    admin_org_ids: set = set()
    app_ids: set = set()
    writable: set = set()

    if declared("organization_membership", "user", "is_member_of__organization"):
        has_role = declared("organization_membership", "organization_membership_role")
        roles = _role_names(tx, "organization_membership_role") if has_role else {}
        column = ", organization_membership_role AS role" if has_role else ""
        for row in tx.query(
            f'SELECT is_member_of__organization AS org{column} FROM "organization_membership" WHERE "user" = ?',
            (user_id,),
        ):
            org_ids.add(row["org"])
            if roles.get(row.get("role")) == ADMINISTRATOR:
                admin_org_ids.add(row["org"])

    if org_ids:
        for row in tx.query(
            f'SELECT id, organization FROM "application" WHERE organization IN ({_marks(org_ids)})',
            tuple(org_ids),
        ):
            app_ids.add(row["id"])
            if row["organization"] in admin_org_ids:
                writable.add(row["id"])

    fleet_roles = _role_names(tx, "application_membership_role")
    if declared("user__is_member_of__application", "user", "is_member_of__application"):
        has_role = declared("user__is_member_of__application", "application_membership_role")
        column = ", application_membership_role AS role" if has_role else ""
        for row in tx.query(
            f'SELECT is_member_of__application AS app{column} FROM "user__is_member_of__application" WHERE "user" = ?',
            (user_id,),
        ):
            app_ids.add(row["app"])
            if fleet_roles.get(row.get("role")) in WRITE_ROLES:
                writable.add(row["app"])

    if declared("team_membership", "user", "is_member_of__team") and declared(
        "team_application_access", "team", "grants_access_to__application"
    ):
        has_role = declared("team_application_access", "application_membership_role")
        column = ", a.application_membership_role AS role" if has_role else ""
        for row in tx.query(
            f'SELECT a.grants_access_to__application AS app{column} FROM "team_application_access" a '
            f'JOIN "team_membership" m ON m.is_member_of__team = a.team WHERE m."user" = ?',
            (user_id,),
        ):
            app_ids.add(row["app"])
            if fleet_roles.get(row.get("role")) in WRITE_ROLES:
                writable.add(row["app"])

    return Scope(frozenset(org_ids), frozenset(admin_org_ids), frozenset(app_ids), frozenset(writable))
