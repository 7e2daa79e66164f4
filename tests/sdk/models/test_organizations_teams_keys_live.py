# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Organizations, teams, API keys and SSH keys against the emulator."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions

PUBLIC_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHRlc3Qta2V5LWZvci1iYWxlbmEtY2xvdWQtdGVzdHM test@ci"


def test_reading_organizations(shared_sdk, shared_demo):
    organization = shared_sdk.models.organization
    handles = [org["handle"] for org in organization.get_all()]
    assert {shared_demo.organization, shared_demo.shared_organization} <= set(handles)
    mine = organization.get(shared_demo.organization)
    assert organization.get(mine["id"])["handle"] == shared_demo.organization
    with pytest.raises(exceptions.OrganizationNotFound):
        organization.get("no-such-org")
    memberships = organization.membership.get_all_by_organization(shared_demo.organization)
    assert memberships and all(m["is_member_of__organization"]["__id"] == mine["id"] for m in memberships)
    assert organization.membership.get(memberships[0]["id"])["id"] == memberships[0]["id"]
    assert memberships[0]["id"] in [m["id"] for m in organization.membership.get_all()]
    with pytest.raises(exceptions.OrganizationMembershipNotFound):
        organization.membership.get(999999)


def test_organization_lifecycle_and_invites(sdk, demo):
    organization = sdk.models.organization
    created = organization.create("Test Org", "test_org")
    assert demo.one("organization(%d)" % created["id"])["handle"] == "test_org"
    invite = organization.invite.create("test_org", "friend@example.com", "member", "welcome")
    assert invite["id"] in [i["id"] for i in organization.invite.get_all_by_organization(created["id"])]
    assert invite["id"] in [i["id"] for i in organization.invite.get_all()]
    organization.invite.revoke(invite["id"])
    assert organization.invite.get_all_by_organization("test_org") == []
    with pytest.raises(exceptions.BalenaOrganizationMembershipRoleNotFound):
        organization.invite.create("test_org", "friend@example.com", "emperor")
    organization.remove("test_org")
    assert demo.odata("organization(%d)" % created["id"]) == []
    with pytest.raises(exceptions.BalenaException):
        organization.invite.accept("no-such-token")


def test_teams(sdk, demo):
    team = sdk.models.team
    created = team.create(demo.organization, "Ops")
    assert team.get(created["id"])["name"] == "Ops"
    assert created["id"] in [t["id"] for t in team.get_all_by_organization(demo.organization)]
    org_id = sdk.models.organization.get(demo.organization)["id"]
    assert created["id"] in [t["id"] for t in team.get_all_by_organization(org_id)]
    team.rename(created["id"], "Operations")
    assert demo.one("team(%d)" % created["id"])["name"] == "Operations"
    other = team.create(demo.organization, "Dev")
    with pytest.raises(Exception):
        team.rename(other["id"], "Operations")

    member = team.membership.create(created["id"], demo.username)
    assert team.membership.get(member["id"])["is_member_of__team"]["__id"] == created["id"]
    assert member["id"] in [m["id"] for m in team.membership.get_all_by_team(created["id"])]
    assert member["id"] in [m["id"] for m in team.membership.get_all_by_user(demo.username)]
    assert member["id"] in [m["id"] for m in team.membership.get_all_by_user(demo.credentials["user_id"])]
    team.membership.remove([member["id"]])
    with pytest.raises(exceptions.TeamMembershipNotFound):
        team.membership.get(member["id"])

    access = team.application_access.add(created["id"], demo.fleet, "observer")
    assert team.application_access.get(access["id"])["team"]["__id"] == created["id"]
    assert [a["id"] for a in team.application_access.get_all_by_team(created["id"])] == [access["id"]]
    team.application_access.update(access["id"], "developer")
    role = demo.one("team_application_access(%d)?$expand=application_membership_role($select=name)" % access["id"])
    assert role["application_membership_role"][0]["name"] == "developer"
    team.application_access.remove(access["id"])
    with pytest.raises(exceptions.TeamApplicationAccessNotFound):
        team.application_access.get(access["id"])

    team.remove(created["id"])
    with pytest.raises(exceptions.TeamNotFound):
        team.get(created["id"])
    with pytest.raises(exceptions.TeamNotFound):
        team.application_access.get_all_by_team(created["id"])


def test_api_keys(sdk, demo):
    api_key = sdk.models.api_key
    secret = api_key.create("automation", "used by CI")
    assert secret and '"' not in secret
    named = api_key.get_all_named_user_api_keys()
    created = [k for k in named if k["name"] == "automation"][0]
    assert created["description"] == "used by CI"
    assert created["id"] in [k["id"] for k in api_key.get_all()]
    api_key.update(created["id"], {"name": "automation-2", "description": "renamed"})
    row = demo.one("api_key(%d)" % created["id"])
    assert (row["name"], row["description"]) == ("automation-2", "renamed")
    with pytest.raises(exceptions.InvalidParameter):
        api_key.update(created["id"], {"name": ""})
    api_key.revoke(created["id"])
    assert demo.odata("api_key(%d)" % created["id"]) == []
    device_keys = api_key.get_device_api_keys_by_device(demo.device_uuid)
    assert isinstance(device_keys, list)


def test_ssh_keys(sdk, demo):
    key = sdk.models.key
    created = key.create("ci", "  %s  \n" % PUBLIC_KEY)
    assert created["public_key"] == PUBLIC_KEY
    assert key.get(created["id"])["title"] == "ci"
    assert created["id"] in [k["id"] for k in key.get_all()]
    key.remove(created["id"])
    with pytest.raises(exceptions.KeyNotFound):
        key.get(created["id"])
