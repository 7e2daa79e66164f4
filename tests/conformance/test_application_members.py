"""application.membership and application.invite: who else may work on a fleet."""
from __future__ import annotations

import pytest
from balena import exceptions


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


def test_membership_lifecycle(balena, admin, factory, app):
    member = factory.new_user()
    memberships = balena.models.application.membership
    created = memberships.create(app["id"], member["username"], "observer")
    assert isinstance(created["id"], int)
    stored = admin.one(f"user__is_member_of__application({created['id']})?$select=id,user,"
                       "is_member_of__application&$expand=application_membership_role($select=name)")
    assert stored["user"] == {"__id": member["id"]}
    assert stored["is_member_of__application"] == {"__id": app["id"]}
    assert stored["application_membership_role"][0]["name"] == "observer"

    assert memberships.get(created["id"])["id"] == created["id"]
    by_key = memberships.get({"user": member["id"], "is_member_of__application": app["id"]})
    assert by_key["id"] == created["id"]
    assert created["id"] in [m["id"] for m in memberships.get_all()]
    assert [m["id"] for m in memberships.get_all_by_application(app["slug"])] == [created["id"]]

    memberships.change_role(created["id"], "developer")
    stored = admin.one(f"user__is_member_of__application({created['id']})?$select=id"
                       "&$expand=application_membership_role($select=name)")
    assert stored["application_membership_role"][0]["name"] == "developer"

    # The member now sees the fleet through their own session.
    assert member["client"].models.application.get(app["id"])["id"] == app["id"]

    memberships.remove(created["id"])
    assert admin.rows(f"user__is_member_of__application?$filter=id eq {created['id']}") == []
    with pytest.raises(exceptions.ApplicationMembershipNotFound):
        memberships.get(created["id"])


def test_membership_with_unknown_role(balena, factory, app):
    member = factory.new_user()
    with pytest.raises(exceptions.BalenaApplicationMembershipRoleNotFound):
        balena.models.application.membership.create(app["id"], member["username"], "pilot")


def test_invite_lifecycle(balena, admin, factory, app):
    invitee = factory.new_user()
    invites = balena.models.application.invite
    created = invites.create(app["id"], {"invitee": invitee["email"], "roleName": "developer",
                                         "message": "join us"})
    assert isinstance(created["id"], int)
    assert created["message"] == "join us"
    assert created["id"] in [i["id"] for i in invites.get_all()]
    assert [i["id"] for i in invites.get_all_by_application(app["slug"])] == [created["id"]]
    invites.revoke(created["id"])
    assert invites.get_all_by_application(app["id"]) == []
    with pytest.raises(exceptions.InvalidParameter):
        invites.create(app["id"], {"roleName": "developer"})


def test_invite_accept_makes_a_membership(balena, admin, factory, app):
    invitee = factory.new_user()
    created = balena.models.application.invite.create(app["id"], {"invitee": invitee["email"]})
    token = created.get("invitationToken") or admin.one(
        f"invitee__is_invited_to__application({created['id']})")["invitationToken"]
    assert invitee["client"].models.application.invite.accept(token) is None
    members = admin.rows(f"user__is_member_of__application?$select=user"
                         f"&$filter=is_member_of__application eq {app['id']}")
    assert {"user": {"__id": invitee["id"]}} in members
    assert balena.models.application.invite.get_all_by_application(app["id"]) == []
