# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who may do what: models.organization (invites, memberships and their tags), models.team,
models.key (SSH keys) and models.api_key."""

from __future__ import annotations

from parity_scenario import Step

SSH_KEY = ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHBhcml0eS1zY2VuYXJpby1wdWJsaWMta2V5LW9ubHk= parity@example\n")


def _org(sdk):
    return sdk.models.organization


def _team(sdk):
    return sdk.models.team


def _handle(w):
    return w.credentials["organization"]


def _membership(w):
    return w.kept["org_memberships"][0]["id"]


def _named_key(w, name):
    return next(key for key in w.kept["named_keys"] if key["name"] == name)["id"]


ORGANIZATIONS = [
    Step("models.organization.get_all", lambda sdk, w: _org(sdk).get_all()),
    Step("models.organization.get", lambda sdk, w: _org(sdk).get(_handle(w)), "by handle", keep="org"),
    Step("models.organization.get", lambda sdk, w: _org(sdk).get(w.kept["org"]["id"], {"$select": "name"}), "by id"),
    Step("models.organization.get", lambda sdk, w: _org(sdk).get("no-such-org"), "missing"),
    Step("models.organization.create", lambda sdk, w: _org(sdk).create("Parity Org", "parity_org")),
    Step("models.organization.create", lambda sdk, w: _org(sdk).create("Parity Org Two"), "no handle"),
    Step("models.organization.create", lambda sdk, w: _org(sdk).create("Parity Org", "parity_org"), "same handle"),
    Step("models.organization.get_all", lambda sdk, w: _org(sdk).get_all({"$select": ["handle"]}), "after create"),
    Step("models.organization.remove", lambda sdk, w: _org(sdk).remove("parity_org")),
    Step("models.organization.remove", lambda sdk, w: _org(sdk).remove("no-such-org"), "missing"),
    Step("models.organization.invite.get_all", lambda sdk, w: _org(sdk).invite.get_all()),
    Step("models.organization.invite.create", lambda sdk, w: _org(sdk).invite.create(
        _handle(w), "parity-member@example.com", "member", "welcome"), keep="org_invite"),
    Step("models.organization.invite.create", lambda sdk, w: _org(sdk).invite.create(
        w.kept["org"]["id"], "parity-plain@example.com"), "no role"),
    Step("models.organization.invite.create", lambda sdk, w: _org(sdk).invite.create(
        _handle(w), "parity-nobody@example.com", "no-such-role"), "unknown role"),
    Step("models.organization.invite.get_all_by_organization",
         lambda sdk, w: _org(sdk).invite.get_all_by_organization(_handle(w)), unordered=True),
    Step("models.organization.invite.revoke", lambda sdk, w: _org(sdk).invite.revoke(w.kept["org_invite"]["id"])),
    Step("models.organization.invite.get_all", lambda sdk, w: _org(sdk).invite.get_all({"$select": ["message"]}),
         "after revoke", unordered=True),
    Step("models.organization.invite.accept", lambda sdk, w: _org(sdk).invite.accept("no-such-invitation-token")),
    Step("models.organization.membership.get_all", lambda sdk, w: _org(sdk).membership.get_all(), unordered=True),
    Step("models.organization.membership.get_all_by_organization",
         lambda sdk, w: _org(sdk).membership.get_all_by_organization(_handle(w)), keep="org_memberships"),
    Step("models.organization.membership.get_all_by_organization",
         lambda sdk, w: _org(sdk).membership.get_all_by_organization(w.kept["org"]["id"], {"$select": "id"}),
         "by id, selected"),
    Step("models.organization.membership.get", lambda sdk, w: _org(sdk).membership.get(_membership(w))),
    Step("models.organization.membership.get", lambda sdk, w: _org(sdk).membership.get(987654), "missing"),
    Step("models.organization.membership.tags.get_all", lambda sdk, w: _org(sdk).membership.tags.get_all()),
    Step("models.organization.membership.tags.set",
         lambda sdk, w: _org(sdk).membership.tags.set(_membership(w), "parity", "one")),
    Step("models.organization.membership.tags.set",
         lambda sdk, w: _org(sdk).membership.tags.set(_membership(w), "parity", "two"), "update"),
    Step("models.organization.membership.tags.get",
         lambda sdk, w: _org(sdk).membership.tags.get(_membership(w), "parity")),
    Step("models.organization.membership.tags.get",
         lambda sdk, w: _org(sdk).membership.tags.get(_membership(w), "never-set"), "missing"),
    Step("models.organization.membership.tags.get_all_by_organization",
         lambda sdk, w: _org(sdk).membership.tags.get_all_by_organization(_handle(w))),
    Step("models.organization.membership.tags.get_all_by_organization_membership",
         lambda sdk, w: _org(sdk).membership.tags.get_all_by_organization_membership(_membership(w))),
    Step("models.organization.membership.tags.remove",
         lambda sdk, w: _org(sdk).membership.tags.remove(_membership(w), "parity")),
    Step("models.organization.membership.tags.get",
         lambda sdk, w: _org(sdk).membership.tags.get(_membership(w), "parity"), "after remove"),
]

TEAMS = [
    Step("models.team.get_all_by_organization",
         lambda sdk, w: _team(sdk).get_all_by_organization(w.credentials["shared_organization"])),
    Step("models.team.create", lambda sdk, w: _team(sdk).create(_handle(w), "parity-team"), keep="team"),
    Step("models.team.create", lambda sdk, w: _team(sdk).create(w.kept["org"]["id"], "parity-team-b"), "by org id",
         keep="team_b"),
    Step("models.team.get", lambda sdk, w: _team(sdk).get(w.kept["team"]["id"])),
    Step("models.team.get", lambda sdk, w: _team(sdk).get(987654), "missing"),
    Step("models.team.get_all_by_organization", lambda sdk, w: _team(sdk).get_all_by_organization(
        w.kept["org"]["id"], {"$select": ["name"]}), "by id, selected"),
    Step("models.team.rename", lambda sdk, w: _team(sdk).rename(w.kept["team"]["id"], "parity-team-renamed")),
    Step("models.team.rename", lambda sdk, w: _team(sdk).rename(w.kept["team"]["id"], "parity-team-b"), "taken name"),
    Step("models.team.get", lambda sdk, w: _team(sdk).get(w.kept["team"]["id"], {"$select": "name"}), "after rename"),
    Step("models.team.membership.create",
         lambda sdk, w: _team(sdk).membership.create(w.kept["team"]["id"], w.credentials["username"]),
         keep="team_membership"),
    Step("models.team.membership.create",
         lambda sdk, w: _team(sdk).membership.create(w.kept["team_b"]["id"], w.credentials["username"]),
         "second team", keep="team_b_membership"),
    Step("models.team.membership.get", lambda sdk, w: _team(sdk).membership.get(w.kept["team_membership"]["id"])),
    Step("models.team.membership.get", lambda sdk, w: _team(sdk).membership.get(987654), "missing"),
    Step("models.team.membership.get_all_by_team",
         lambda sdk, w: _team(sdk).membership.get_all_by_team(w.kept["team"]["id"])),
    Step("models.team.membership.get_all_by_user",
         lambda sdk, w: _team(sdk).membership.get_all_by_user(w.credentials["username"]), unordered=True),
    Step("models.team.membership.get_all_by_user", lambda sdk, w: _team(sdk).membership.get_all_by_user(
        w.credentials["user_id"], {"$select": ["is_member_of__team"]}), "by id, selected", unordered=True),
    Step("models.team.membership.remove",
         lambda sdk, w: _team(sdk).membership.remove(w.kept["team_membership"]["id"])),
    Step("models.team.membership.remove",
         lambda sdk, w: _team(sdk).membership.remove([w.kept["team_b_membership"]["id"]]), "a list"),
    Step("models.team.application_access.add", lambda sdk, w: _team(sdk).application_access.add(
        w.kept["team"]["id"], w.credentials["fleet"], "observer"), keep="team_access"),
    Step("models.team.application_access.add", lambda sdk, w: _team(sdk).application_access.add(
        w.kept["team"]["id"], w.credentials["fleet"], "no-such-role"), "unknown role"),
    Step("models.team.application_access.get",
         lambda sdk, w: _team(sdk).application_access.get(w.kept["team_access"]["id"])),
    Step("models.team.application_access.get",
         lambda sdk, w: _team(sdk).application_access.get(987654), "missing"),
    Step("models.team.application_access.get_all_by_team",
         lambda sdk, w: _team(sdk).application_access.get_all_by_team(w.kept["team"]["id"])),
    Step("models.team.application_access.update",
         lambda sdk, w: _team(sdk).application_access.update(w.kept["team_access"]["id"], "developer")),
    Step("models.team.application_access.get", lambda sdk, w: _team(sdk).application_access.get(
        w.kept["team_access"]["id"], {"$select": "application_membership_role"}), "after update"),
    Step("models.team.application_access.remove",
         lambda sdk, w: _team(sdk).application_access.remove(w.kept["team_access"]["id"])),
    Step("models.team.remove", lambda sdk, w: _team(sdk).remove(w.kept["team"]["id"])),
    Step("models.team.remove", lambda sdk, w: _team(sdk).remove(w.kept["team_b"]["id"]), "second team"),
    Step("models.team.get_all_by_organization",
         lambda sdk, w: _team(sdk).get_all_by_organization(_handle(w)), "after remove"),
]

KEYS = [
    Step("models.key.get_all", lambda sdk, w: sdk.models.key.get_all()),
    Step("models.key.create", lambda sdk, w: sdk.models.key.create("parity key", SSH_KEY), keep="ssh_key"),
    Step("models.key.get", lambda sdk, w: sdk.models.key.get(w.kept["ssh_key"]["id"])),
    Step("models.key.get_all", lambda sdk, w: sdk.models.key.get_all({"$select": ["title"]}), "after create"),
    Step("models.key.remove", lambda sdk, w: sdk.models.key.remove(w.kept["ssh_key"]["id"])),
    Step("models.key.get", lambda sdk, w: sdk.models.key.get(w.kept["ssh_key"]["id"]), "after remove"),
    Step("models.api_key.get_all", lambda sdk, w: sdk.models.api_key.get_all()),
    Step("models.api_key.create", lambda sdk, w: sdk.models.api_key.create("parity api key")),
    Step("models.api_key.create", lambda sdk, w: sdk.models.api_key.create(
        "parity described key", "made by the parity scenario", "2099-12-31T00:00:00.000Z"), "described, expiring"),
    Step("models.api_key.get_all_named_user_api_keys",
         lambda sdk, w: sdk.models.api_key.get_all_named_user_api_keys(), keep="named_keys"),
    Step("models.api_key.update", lambda sdk, w: sdk.models.api_key.update(
        _named_key(w, "parity api key"), {"name": "parity renamed key", "description": "renamed"})),
    Step("models.api_key.update", lambda sdk, w: sdk.models.api_key.update(
        _named_key(w, "parity described key"), {"name": ""}), "empty name"),
    Step("models.api_key.get_all", lambda sdk, w: sdk.models.api_key.get_all(
        {"$select": ["name", "description"], "$filter": {"name": {"$startswith": "parity"}}}), "after update"),
    Step("models.api_key.revoke", lambda sdk, w: sdk.models.api_key.revoke(_named_key(w, "parity api key"))),
    Step("models.api_key.get_all_named_user_api_keys", lambda sdk, w: sdk.models.api_key.get_all_named_user_api_keys(
        {"$select": ["name"]}), "after revoke"),
    Step("models.api_key.get_provisioning_api_keys_by_application",
         lambda sdk, w: sdk.models.api_key.get_provisioning_api_keys_by_application(w.credentials["fleet"])),
    Step("models.api_key.get_device_api_keys_by_device",
         lambda sdk, w: sdk.models.api_key.get_device_api_keys_by_device(w.credentials["device"]["uuid"])),
]
