"""Direct-access pairs, memberships named by username, invitations by e-mail, organizations and users."""
from __future__ import annotations

import pytest

from emulator.auth.caller import USER, Caller
from emulator.errors import ApiError


def pairs(tx) -> set:
    return {(row["user"], row["has_direct_access_to__application"])
            for row in tx.query('SELECT * FROM "user__has_direct_access_to__application"')}


def test_org_members_reach_every_fleet_of_the_org(store, fleet):
    with store.transaction() as tx:
        assert pairs(tx) == {(fleet.user, fleet.app)}
        second = tx.insert("application", {"app_name": "second", "organization": fleet.org,
                                           "is_for__device_type": fleet.rpi4})
        assert pairs(tx) == {(fleet.user, fleet.app), (fleet.user, second)}


def test_fleet_memberships_and_teams_open_single_fleets(store, fleet):
    with store.transaction() as tx:
        guest_user = tx.insert("user", {"username": "bob", "email": "bob@example.com"})
        membership = tx.insert("user__is_member_of__application",
                               tx.client_body(tx.store.resource("user__is_member_of__application"),
                                              {"username": "Bob", "is_member_of__application": fleet.app}))
        row = tx.get("user__is_member_of__application", membership)
        assert row["user"] == guest_user
        assert tx.get("application_membership_role", row["application_membership_role"])["name"] == "developer"
        assert (guest_user, fleet.app) in pairs(tx)
        tx.delete("user__is_member_of__application", membership)
        assert (guest_user, fleet.app) not in pairs(tx)

        team = tx.insert("team", {"name": "ops", "belongs_to__organization": fleet.org})
        tx.insert("team_membership", {"user": guest_user, "is_member_of__team": team})
        access = tx.insert("team_application_access", {"team": team, "grants_access_to__application": fleet.app})
        assert (guest_user, fleet.app) in pairs(tx)
        tx.delete("team_application_access", access)
        assert (guest_user, fleet.app) not in pairs(tx)


def test_unknown_usernames_are_refused(store, fleet):
    with pytest.raises(ApiError) as caught:
        with store.transaction() as tx:
            tx.client_body(tx.store.resource("team_membership"), {"username": "nobody"})
    assert caught.value.status == 400


def test_invitations_by_email(store, fleet):
    with store.transaction() as tx:
        resource = tx.store.resource("invitee__is_invited_to__organization")
        body = tx.client_body(resource, {"invitee": "new@example.com", "is_invited_to__organization": fleet.org,
                                         "message": "hi"})
        invite = tx.get("invitee__is_invited_to__organization", tx.insert(resource, body))
        assert tx.get("invitee", invite["invitee"])["email"] == "new@example.com"
        assert len(invite["invitationToken"]) == 32
        role = tx.get("organization_membership_role", invite["organization_membership_role"])
        assert role["name"] == "member"
        again = tx.client_body(resource, {"invitee": "demo", "is_invited_to__organization": fleet.org})
        assert tx.get("invitee", again["invitee"])["email"] == "demo@example.com"


def test_creating_an_organization_makes_the_creator_its_administrator(store, fleet):
    creator = Caller(kind=USER, user_id=fleet.user)
    with store.transaction() as tx:
        org = tx.insert("organization", {"name": "Second Org"}, creator)
        assert tx.get("organization", org)["handle"] == "second_org"
        membership = tx.find("organization_membership", is_member_of__organization=org)[0]
        role = tx.get("organization_membership_role", membership["organization_membership_role"])
        assert (membership["user"], role["name"]) == (fleet.user, "administrator")
    with pytest.raises(ApiError) as caught:
        with store.transaction() as tx:
            tx.insert("organization", {"name": "x", "handle": "Bad-Handle"})
    assert caught.value.body == "Handles can only contain alphanumeric characters and underscores"


def test_usernames_are_normalised_and_unique_without_case(store, fleet):
    with store.transaction() as tx:
        user = tx.insert("user", {"username": "Jane.Doe", "email": "jane@example.com"})
        assert tx.get("user", user)["username"] == "jane_doe"
        assert tx.get("user", user)["actor"] is not None
    for body, message in (({"username": "DEMO", "email": "x@example.com"}, "This username is already taken"),
                          ({"username": "other", "email": "DEMO@example.com"}, "This email is already taken"),
                          ({"username": "root", "email": "r@example.com"}, "This username is blacklisted")):
        with pytest.raises(ApiError) as caught:
            with store.transaction() as tx:
                tx.insert("user", body)
        assert (caught.value.status, caught.value.body) == (409, message)
