"""models.team (17.3): teams, their members and their fleet access."""
from __future__ import annotations

import pytest
from balena import exceptions

from .world_factory import unique_name


def test_team_lifecycle(balena, admin, factory, credentials):
    org = balena.models.organization.get(credentials["organization"])
    name = unique_name("conf-team-")
    team = balena.models.team.create(credentials["organization"], name)
    assert team["name"] == name
    assert team["belongs_to__organization"] == {"__id": org["id"]}
    assert balena.models.team.get(team["id"])["name"] == name
    assert team["id"] in [t["id"] for t in balena.models.team.get_all_by_organization(org["id"])]
    assert team["id"] in [t["id"] for t in balena.models.team.get_all_by_organization(org["handle"])]
    balena.models.team.rename(team["id"], name + "-r")
    assert admin.one(f"team({team['id']})?$select=name")["name"] == name + "-r"
    balena.models.team.remove(team["id"])
    with pytest.raises(exceptions.TeamNotFound):
        balena.models.team.get(team["id"])


def test_team_memberships(balena, admin, factory, credentials):
    team = balena.models.team.create(credentials["organization"], unique_name("conf-tm-"))
    membership = balena.models.team.membership.create(team["id"], credentials["username"])
    assert membership["is_member_of__team"] == {"__id": team["id"]}
    assert balena.models.team.membership.get(membership["id"])["id"] == membership["id"]
    assert [m["id"] for m in balena.models.team.membership.get_all_by_team(team["id"])] == [membership["id"]]
    user_id = balena.auth.get_user_info()["id"]
    by_name = balena.models.team.membership.get_all_by_user(credentials["username"])
    by_id = balena.models.team.membership.get_all_by_user(user_id)
    assert membership["id"] in [m["id"] for m in by_name]
    assert sorted(m["id"] for m in by_name) == sorted(m["id"] for m in by_id)
    balena.models.team.membership.remove(membership["id"])
    assert admin.rows(f"team_membership?$select=id&$filter=id eq {membership['id']}") == []
    with pytest.raises(exceptions.TeamMembershipNotFound):
        balena.models.team.membership.get(membership["id"])


def test_team_application_access(balena, admin, factory, credentials):
    team = balena.models.team.create(credentials["organization"], unique_name("conf-ta-"))
    app = factory.fleet()
    access = balena.models.team.application_access.add(team["id"], app["slug"], "observer")
    assert access["grants_access_to__application"] == {"__id": app["id"]}
    assert balena.models.team.application_access.get(access["id"])["id"] == access["id"]
    assert [a["id"] for a in balena.models.team.application_access.get_all_by_team(team["id"])] \
        == [access["id"]]
    balena.models.team.application_access.update(access["id"], "developer")
    stored = admin.one(f"team_application_access({access['id']})?$select=id"
                       "&$expand=application_membership_role($select=name)")
    assert stored["application_membership_role"][0]["name"] == "developer"
    balena.models.team.application_access.remove(access["id"])
    with pytest.raises(exceptions.TeamApplicationAccessNotFound):
        balena.models.team.application_access.get(access["id"])
