#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_team
short_description: Manage the teams of a balena organization, their members and their fleet access
version_added: 1.0.0
description:
  - Creates or removes a team of an organization, sets its O(members) and the fleets it gives them access to
    (O(fleets)), each with a role.
  - Members must already be members of the organization, and fleets must belong to it; both are checked
    before anything is written.
  - Managing teams needs the C(administrator) role in the organization. The role is checked before anything
    is written, and a refusal names the role that is missing.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  organization:
    description:
      - Handle or numeric id of the organization.
    type: str
    required: true
  name:
    description:
      - Name of the team; together with O(organization) it identifies the team.
    type: str
    required: true
  members:
    description:
      - Usernames of the team's members. Members not listed stay, unless O(purge_members=true).
      - When not given, the members are not changed.
    type: list
    elements: str
  purge_members:
    description:
      - Remove the members of the team that O(members) does not list.
    type: bool
    default: false
  fleets:
    description:
      - The fleets the team gives access to, each a C(fleet) (slug or numeric id) and a C(role) (C(developer),
        C(operator) or C(observer); C(developer) when not given). A plain string is a fleet.
      - Fleets not listed keep their access, unless O(purge_fleets=true). When not given, the access is not changed.
    type: list
    elements: raw
  purge_fleets:
    description:
      - Remove the team's access to the fleets that O(fleets) does not list.
    type: bool
    default: false
  state:
    description:
      - V(present) creates the team and sets its members and fleets; V(absent) removes the team.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: balena.cloud.balena_organization_info
  - module: balena.cloud.balena_fleet_member
"""

EXAMPLES = r"""
- name: The field team, its people and the fleets they look after
  balena.cloud.balena_team:
    organization: acme
    name: field-ops
    members: [jane, joe]
    purge_members: true
    fleets:
      - fleet: acme/scanners
        role: operator
      - fleet: acme/gateways
        role: observer
    purge_fleets: true

- name: Add one person to a team, keeping the others
  balena.cloud.balena_team:
    organization: acme
    name: field-ops
    members: [sam]

- name: Remove a team
  balena.cloud.balena_team:
    organization: acme
    name: contractors
    state: absent
"""

RETURN = r"""
team:
  description:
    - The team after the change (in check mode, as it would be).
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the team (null for a team check mode would create).
      type: int
      sample: 3
    name:
      description: Name of the team.
      type: str
      sample: field-ops
    organization:
      description: Handle of the organization.
      type: str
      sample: acme
    organization_id:
      description: Numeric id of the organization.
      type: int
      sample: 7
    members:
      description: Usernames of the members.
      type: list
      elements: str
      sample: [jane, joe]
    member_ids:
      description: Numeric ids of the members, in the order of RV(team.members).
      type: list
      elements: int
      sample: [5, 9]
    fleets:
      description: The fleet access, as C(fleet) slug, C(fleet_id) and C(role).
      type: list
      elements: dict
      sample: [{"fleet": "acme/scanners", "fleet_id": 20, "role": "operator"}]
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import (
    caller, fleet_by_key, fleet_organization, organization_by_handle, require_organization_admin)
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.member_lists import desired_roles
from ansible_collections.balena.cloud.plugins.module_utils.organizations import ORGANIZATION_OPTIONS, shown_organization
from ansible_collections.balena.cloud.plugins.module_utils.reconcile import reconcile

from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.roles import role_id

ROLES = ["developer", "operator", "observer"]
ROLE_LINK = "application_membership_role"


class TeamModule(BalenaModule):
    argument_spec = {
        "organization": {"type": "str", "required": True},
        "name": {"type": "str", "required": True},
        "members": {"type": "list", "elements": "str"},
        "purge_members": {"type": "bool", "default": False},
        "fleets": {"type": "list", "elements": "raw"},
        "purge_fleets": {"type": "bool", "default": False},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }

    def run(self):
        params, pine = self.params, self.client.pine
        if not params["name"].strip():
            raise ParameterError("name", "must not be empty")
        with self.step("looking up organization {0}".format(params["organization"])):
            organization = organization_by_handle(pine, params["organization"])
            found = self._organization(organization)
        target = "team {0} of organization {1}".format(params["name"], organization["handle"])
        current = next((team for team in found["teams"] if team["name"] == params["name"]), None)
        user = caller(self.client)
        if params["state"] == "absent":
            if current is None:
                return {"changed": False}
            require_organization_admin(pine, organization, user, "removing " + target)
            if not self.check_mode:
                with self.step("removing " + target):
                    self.client.models.team.remove(current["id"])
            return {"changed": True, "diff": {"before": self._picture(current), "after": {"state": "absent"}}}
        members, fleets, fleet_ids, member_ids = self._plans(found, current)
        if current is not None and not members.changed and not fleets.changed:
            return {"changed": False, "team": self._shown(organization, current)}
        require_organization_admin(pine, organization, user, ("changing " if current else "creating ") + target)
        before = self._picture(current) if current else {"state": "absent"}
        after = {"name": params["name"], "members": sorted(members.after()), "fleets": fleets.after()}
        result = {"changed": True, "diff": {"before": before, "after": after}}
        if self.check_mode:
            result["team"] = {"id": (current or {}).get("id"), "name": params["name"], "organization": organization["handle"],
                              "organization_id": organization["id"], "members": after["members"],
                              "member_ids": [member_ids.get(name) for name in after["members"]],
                              "fleets": [{"fleet": slug, "fleet_id": fleet_ids.get(slug), "role": role}
                                         for slug, role in sorted(after["fleets"].items())]}
            return result
        team_id = current["id"] if current else None
        if team_id is None:
            with self.step("creating " + target):
                team_id = self.client.models.team.create(organization["id"], params["name"])["id"]
        self._apply(team_id, current, members, fleets, fleet_ids, target)
        with self.step("reading back " + target):
            stored = next(team for team in self._organization(organization)["teams"] if team["id"] == team_id)
        result["team"] = self._shown(organization, stored)
        return result

    def _organization(self, organization):
        options = dict(ORGANIZATION_OPTIONS, **{"$filter": {"id": organization["id"]}})
        return shown_organization(self.client.pine.get({"resource": "organization", "options": options})[0])

    def _plans(self, found, current):
        params = self.params
        current_members = {name: "member" for name in (current or {}).get("members", [])}
        member_ids = {member["username"]: member["user_id"] for member in found["members"]}
        wanted_members = None
        if params["members"] is not None:
            by_lower = {name.lower(): name for name in member_ids}
            wanted_members = {}
            for name in params["members"]:
                stored = by_lower.get(name.strip().lower())
                if stored is None:
                    raise ParameterError("members", "{0!r} is not a member of organization {1}; invite them first "
                                                    "(balena.cloud.balena_invite)".format(name, found["handle"]))
                wanted_members[stored] = "member"
        members = reconcile(current_members, wanted_members if wanted_members is not None else current_members,
                            purge=params["purge_members"] and wanted_members is not None)
        current_fleets = {access["fleet"]: access["role"] for access in (current or {}).get("fleets", [])}
        fleet_ids = {fleet["fleet"]: fleet["fleet_id"] for fleet in found["fleets"]}
        wanted_fleets = current_fleets
        if params["fleets"] is not None:
            entries = [self._fleet_entry(entry, found, fleet_ids) for entry in params["fleets"]]
            wanted_fleets = desired_roles(entries, "fleet", "fleets", "developer", current_fleets, ROLES)
        fleets = reconcile(current_fleets, wanted_fleets, purge=params["purge_fleets"] and params["fleets"] is not None)
        return members, fleets, fleet_ids, member_ids

    def _fleet_entry(self, entry, found, fleet_ids):
        """The entry with its fleet given as the slug of a fleet of the organization."""
        entry = {"fleet": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict) or entry.get("fleet") is None:
            raise ParameterError("fleets", "each entry needs a fleet (slug or id), not {0!r}".format(entry))
        key = str(entry["fleet"]).strip()
        slug = key.lower() if key.lower() in fleet_ids else next((s for s, i in fleet_ids.items() if str(i) == key), None)
        if slug is None:
            with self.step("looking up fleet {0}".format(key)):
                elsewhere = fleet_by_key(self.client.pine, key, "fleets")
            raise ParameterError("fleets", "fleet {0} belongs to organization {1}, not {2}".format(
                elsewhere["slug"], fleet_organization(elsewhere)["handle"], found["handle"]))
        return dict(entry, fleet=slug)

    def _apply(self, team_id, current, members, fleets, fleet_ids, target):
        pine, team = self.client.pine, self.client.models.team
        access_ids = {}
        if current:
            with self.step("reading the fleet access of " + target):
                for row in team.application_access.get_all_by_team(team_id, {"$select": ["id", "grants_access_to__application"]}):
                    access_ids[row["grants_access_to__application"]["__id"]] = row["id"]
        for name in sorted(members.add):
            with self.step("adding {0} to {1}".format(name, target)):
                team.membership.create(team_id, name)
        if members.remove:
            with self.step("reading the memberships of " + target):
                rows = pine.get({"resource": "team_membership", "options": {
                    "$select": "id", "$filter": {"is_member_of__team": team_id},
                    "$expand": {"user": {"$select": "username"}}}})
            ids = [row["id"] for row in rows if row["user"][0]["username"] in members.remove]
            with self.step("removing {0} from {1}".format(", ".join(members.remove), target)):
                team.membership.remove(ids)
        for slug, role in sorted(fleets.add.items()):
            with self.step("giving {0} {1} access to fleet {2}".format(target, role, slug)):
                pine.post({"resource": "team_application_access", "body": {
                    "team": team_id, "grants_access_to__application": fleet_ids[slug],
                    ROLE_LINK: role_id(pine, "application", role)}})
        for slug, role in sorted(fleets.update.items()):
            with self.step("changing the access of {0} to fleet {1} to {2}".format(target, slug, role)):
                team.application_access.update(access_ids[fleet_ids[slug]], role)
        for slug in fleets.remove:
            with self.step("removing the access of {0} to fleet {1}".format(target, slug)):
                team.application_access.remove(access_ids[fleet_ids[slug]])

    def _picture(self, team):
        return {"name": team["name"], "members": list(team["members"]),
                "fleets": {access["fleet"]: access["role"] for access in team["fleets"]}}

    def _shown(self, organization, team):
        return dict(team, organization=organization["handle"], organization_id=organization["id"])


def main():
    TeamModule.main()


if __name__ == "__main__":
    main()
