"""Keeps `user__has_direct_access_to__application` equal to the fleets each user can access.

A user reaches a fleet through a membership of its organization (any role), a fleet membership, or a
team of theirs that was given access to it. The pairs are recomputed for the users a write concerns.
"""
from __future__ import annotations

from .base import ResourceHooks, WriteOp, register

_TABLE = "user__has_direct_access_to__application"

_REACHABLE = """
SELECT om."user" AS u, app.id AS a FROM organization_membership om
  JOIN application app ON app.organization = om.is_member_of__organization
 WHERE om."user" IN ({users})
UNION
SELECT fm."user", fm.is_member_of__application FROM user__is_member_of__application fm
 WHERE fm."user" IN ({users})
UNION
SELECT tm."user", taa.grants_access_to__application FROM team_membership tm
  JOIN team_application_access taa ON taa.team = tm.is_member_of__team
 WHERE tm."user" IN ({users})
"""


def refresh_users(tx, user_ids) -> None:
    users = sorted({int(u) for u in user_ids if u is not None})
    if not users:
        return
    marks = ",".join("?" * len(users))
    now = tx.now()
    tx.execute(f'DELETE FROM {_TABLE} WHERE "user" IN ({marks})', tuple(users))
    tx.execute(
        f'INSERT OR IGNORE INTO {_TABLE} (created_at, modified_at, "user", has_direct_access_to__application) '
        f"SELECT ?, ?, u, a FROM ({_REACHABLE.format(users=marks)})",
        (now, now, *users, *users, *users),
    )


def refresh_all(tx) -> None:
    """For worlds written without hooks (bulk seeding): recompute every user's pairs."""
    refresh_users(tx, [row["id"] for row in tx.query('SELECT id FROM "user"')])


def members_of_organization(tx, organization_id) -> list:
    rows = tx.query('SELECT "user" FROM organization_membership WHERE is_member_of__organization = ?',
                    (organization_id,))
    return [row["user"] for row in rows]


def members_of_team(tx, team_id) -> list:
    rows = tx.query('SELECT "user" FROM team_membership WHERE is_member_of__team = ?', (team_id,))
    return [row["user"] for row in rows]


def users_reaching_fleet(tx, application_id) -> list:
    rows = tx.query(f'SELECT "user" FROM {_TABLE} WHERE has_direct_access_to__application = ?',
                    (application_id,))
    return [row["user"] for row in rows]


class MembershipChange(ResourceHooks):
    """A row that grants its `user` access: recompute that user after it appears or goes."""

    def __init__(self, resource: str):
        self.resource = resource

    def after_create(self, op: WriteOp) -> None:
        refresh_users(op.tx, [op.values.get("user")])

    def after_update(self, op: WriteOp) -> None:
        refresh_users(op.tx, [op.old.get("user"), op.values.get("user", op.old.get("user"))])

    def after_delete(self, op: WriteOp) -> None:
        refresh_users(op.tx, [op.old.get("user")])


class TeamAccessChange(ResourceHooks):
    resource = "team_application_access"

    def after_create(self, op: WriteOp) -> None:
        refresh_users(op.tx, members_of_team(op.tx, op.values.get("team")))

    def after_update(self, op: WriteOp) -> None:
        teams = {op.old.get("team"), op.values.get("team", op.old.get("team"))}
        refresh_users(op.tx, [u for team in teams for u in members_of_team(op.tx, team)])

    def after_delete(self, op: WriteOp) -> None:
        refresh_users(op.tx, members_of_team(op.tx, op.old.get("team")))


class FleetChange(ResourceHooks):
    resource = "application"

    def after_create(self, op: WriteOp) -> None:
        refresh_users(op.tx, members_of_organization(op.tx, op.values.get("organization")))

    def after_update(self, op: WriteOp) -> None:
        if "organization" in op.values and op.values["organization"] != op.old.get("organization"):
            refresh_users(op.tx, members_of_organization(op.tx, op.old.get("organization"))
                          + members_of_organization(op.tx, op.values["organization"]))

    def before_delete(self, op: WriteOp) -> None:
        op.tx.execute(f"DELETE FROM {_TABLE} WHERE has_direct_access_to__application = ?", (op.id,))


for _resource in ("organization_membership", "user__is_member_of__application", "team_membership"):
    register(MembershipChange(_resource))
register(TeamAccessChange())
register(FleetChange())
