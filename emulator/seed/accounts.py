"""Users, organizations, memberships, teams and keys of the seeded world."""
from __future__ import annotations

from ..auth.api_keys import create_key
from ..auth.passwords import hash_password
from ..auth.sessions import new_jwt_secret
from ..hooks import reference_rows
from .rows import add, find_or_add, update


def actor_of(tx, resource: str, row_id: int) -> int:
    """The actor of a user, fleet or device row, created here when no schema hook made one."""
    row = tx.get(resource, row_id)
    if row.get("actor"):
        return row["actor"]
    actor = tx.insert("actor", {})
    update(tx, resource, row_id, actor=actor)
    return actor


def add_user(tx, username: str, email: str, password: str) -> int:
    user_id = add(tx, "user", username=username, email=email, password=hash_password(password),
                  jwt_secret=new_jwt_secret())
    actor_of(tx, "user", user_id)
    return user_id


def role_id(tx, resource: str, name: str) -> int:
    return reference_rows.ensure(tx, resource, name)


def add_organization(tx, handle: str, name: str) -> int:
    return find_or_add(tx, "organization", {"handle": handle}, name=name)


def add_member(tx, user_id: int, organization_id: int, role: str) -> None:
    find_or_add(
        tx, "organization_membership", {"user": user_id, "is_member_of__organization": organization_id},
        organization_membership_role=role_id(tx, "organization_membership_role", role),
    )


def add_fleet_member(tx, user_id: int, fleet_id: int, role: str) -> None:
    find_or_add(
        tx, "user__is_member_of__application", {"user": user_id, "is_member_of__application": fleet_id},
        application_membership_role=role_id(tx, "application_membership_role", role),
    )


def add_team(tx, organization_id: int, name: str, members: list, fleets: dict) -> int:
    """A team with `members` (user ids) and access to `fleets` ({fleet id: role name})."""
    team_id = add(tx, "team", name=name, belongs_to__organization=organization_id)
    for user_id in members:
        add(tx, "team_membership", user=user_id, is_member_of__team=team_id)
    for fleet_id, role in fleets.items():
        add(tx, "team_application_access", team=team_id, grants_access_to__application=fleet_id,
            application_membership_role=role_id(tx, "application_membership_role", role))
    return team_id


def user_api_key(tx, user_id: int, name: str) -> str:
    return create_key(tx, actor_of(tx, "user", user_id), name=name, description="created by the demo seed")


def provisioning_key(tx, fleet_id: int) -> str:
    return create_key(tx, actor_of(tx, "application", fleet_id), name="demo provisioning key")


def device_key(tx, device_id: int) -> str:
    return create_key(tx, actor_of(tx, "device", device_id), name="demo device key")


def add_ssh_key(tx, user_id: int, title: str, public_key: str) -> None:
    add(tx, "user_public_key", user=user_id, title=title, public_key=public_key)
