#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_fleet_member
short_description: Manage who has direct access to a balena fleet, and with which role
version_added: 1.0.0
description:
  - Gives a user direct access to a fleet with a role (C(developer), C(operator) or C(observer)), changes the role,
    or takes the access away; either for one O(username) or for a whole list of O(members).
  - Access that comes from the organization or from a team is not changed here; see
    M(balena.cloud.balena_team) and M(balena.cloud.balena_organization_member).
  - Changing fleet members needs the C(administrator) role in the fleet's organization; anyone may remove their own
    access. The role is checked before anything is written, and a refusal names the role that is missing.
  - A username the API key cannot see (it shares no organization, fleet or team with the key's user) may be a
    typo. Adding one that does not exist fails with nothing written; check mode, which writes nothing, cannot
    tell whether an unseen user exists and fails for it, naming it. O(state=absent) for a user who has no
    direct access is C(ok) when the key can see that user, and fails naming the username when it cannot,
    since whether such a user exists at all is unknown.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  fleet:
    description:
      - Slug or numeric id of the fleet.
    type: str
    required: true
  username:
    description:
      - Username of one member. One of O(username) and O(members) is required.
    type: str
  role:
    description:
      - The role of O(username). A new member gets C(developer) when not given; an existing member keeps their role.
    type: str
    choices: [developer, operator, observer]
  members:
    description:
      - The members as a list of C(username) and optional C(role) (as O(role)); a plain string is a username.
      - With O(purge=true), every other direct member is removed.
    type: list
    elements: raw
  purge:
    description:
      - With O(members), remove the direct members of the fleet that are not listed.
    type: bool
    default: false
  state:
    description:
      - V(present) adds the members or changes their roles; V(absent) removes the given members.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: balena.cloud.balena_team
  - module: balena.cloud.balena_invite
"""

EXAMPLES = r"""
- name: Let a colleague look at a fleet without changing it
  balena.cloud.balena_fleet_member:
    fleet: acme/scanners
    username: jane
    role: observer

- name: The complete list of direct members of a fleet
  balena.cloud.balena_fleet_member:
    fleet: acme/scanners
    members:
      - username: jane
        role: developer
      - username: joe
        role: operator
    purge: true

- name: Take a leaver's access away
  balena.cloud.balena_fleet_member:
    fleet: acme/scanners
    username: joe
    state: absent
"""

RETURN = r"""
fleet:
  description: Slug of the fleet.
  returned: success
  type: str
  sample: acme/scanners
fleet_id:
  description: Numeric id of the fleet.
  returned: success
  type: int
  sample: 20
members:
  description: The direct members of the fleet after the change (in check mode, as they would be), by username.
  returned: success
  type: list
  elements: dict
  contains:
    username:
      description: Username of the member.
      type: str
      sample: jane
    user_id:
      description: Numeric id of the user (null for a member check mode would add).
      type: int
      sample: 5
    role:
      description: The member's role.
      type: str
      sample: developer
  sample: [{"username": "jane", "user_id": 5, "role": "developer"}]
added:
  description: Usernames given access.
  returned: success
  type: list
  elements: str
  sample: [jane]
updated:
  description: Usernames whose role changed.
  returned: success
  type: list
  elements: str
  sample: []
removed:
  description: Usernames whose access was removed.
  returned: success
  type: list
  elements: str
  sample: [joe]
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import (
    ADMINISTRATOR, caller, fleet_by_key, fleet_organization, organization_role, refuse_unseen_non_members, unseen_usernames, visible_usernames)
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.errors import OperationError, ParameterError, balena_message
from ansible_collections.balena.cloud.plugins.module_utils.member_lists import desired_roles
from ansible_collections.balena.cloud.plugins.module_utils.organizations import first, role_of
from ansible_collections.balena.cloud.plugins.module_utils.reconcile import reconcile

from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.roles import role_id

RESOURCE = "user__is_member_of__application"
ROLE_LINK = "application_membership_role"
ROLES = ["developer", "operator", "observer"]


class FleetMemberModule(BalenaModule):
    argument_spec = {
        "fleet": {"type": "str", "required": True},
        "username": {"type": "str"},
        "role": {"type": "str", "choices": ROLES},
        "members": {"type": "list", "elements": "raw"},
        "purge": {"type": "bool", "default": False},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    module_options = {
        "required_one_of": [["username", "members"]],
        "mutually_exclusive": [["username", "members"], ["role", "members"]],
    }

    def run(self):
        params, pine = self.params, self.client.pine
        with self.step("looking up fleet {0}".format(params["fleet"])):
            fleet = fleet_by_key(pine, params["fleet"])
            rows = self._rows(fleet)
        current = {name: row["role"] for name, row in rows.items()}
        ids = {name: row["user_id"] for name, row in rows.items()}
        entries = [{"username": params["username"], "role": params["role"]}] if params["username"] is not None else params["members"]
        parameter = "username" if params["username"] is not None else "members"
        wanted = desired_roles(entries, "username", parameter, "developer", current, ROLES)
        plan = reconcile(current, wanted, purge=params["purge"] and params["members"] is not None, state=params["state"])
        with self.step("looking up the users named in " + parameter):
            self._refuse_unknown_users(fleet, current, wanted, plan, parameter)
        result = {"changed": plan.changed, "fleet": fleet["slug"], "fleet_id": fleet["id"]}
        result.update({key: value for key, value in plan.summary().items() if key != "untouched"})
        if not plan.changed:
            result["members"] = _listed(current, ids)
            return result
        self._authorize(fleet, plan)
        result["diff"] = {"before": {"members": dict(plan.before)}, "after": {"members": plan.after()}}
        if self.check_mode:
            result["members"] = _listed(plan.after(), ids)
            return result
        self._apply(fleet, rows, plan)
        with self.step("reading back the members of fleet " + fleet["slug"]):
            after = self._rows(fleet)
        result["members"] = _listed({name: row["role"] for name, row in after.items()},
                                    {name: row["user_id"] for name, row in after.items()})
        return result

    def _refuse_unknown_users(self, fleet, current, wanted, plan, parameter):
        pine = self.client.pine
        if self.params["state"] == "absent":
            refuse_unseen_non_members(pine, [name for name in wanted if name not in current], "fleet " + fleet["slug"], parameter)
        elif self.check_mode and plan.add:
            # The real run learns whether an unseen username exists only by writing it.
            unseen = unseen_usernames(pine, list(plan.add))
            if unseen:
                raise ParameterError(parameter, "no user {0} is visible to this API key; check mode cannot tell whether "
                                                "such a user exists, and the real run fails, with nothing written, if "
                                                "none does".format(", ".join(repr(name) for name in unseen)))

    def _rows(self, fleet):
        rows = self.client.pine.get({"resource": RESOURCE, "options": {
            "$select": ["id"],
            "$filter": {"is_member_of__application": fleet["id"]},
            "$expand": {"user": {"$select": ["id", "username"]}, ROLE_LINK: {"$select": "name"}},
        }})
        return {first(row["user"])["username"]: {"id": row["id"], "user_id": first(row["user"])["id"],
                                                 "role": role_of(row, ROLE_LINK)} for row in rows}

    def _authorize(self, fleet, plan):
        user = caller(self.client)
        only_self = not plan.add and not plan.update and plan.remove == [user["username"]]
        if only_self:
            return
        organization = fleet_organization(fleet)
        if organization_role(self.client.pine, organization["id"], user["id"]) != ADMINISTRATOR:
            raise ParameterError("fleet", "changing the members of fleet {0} needs the administrator role in organization "
                                          "{1}; {2} is not an administrator of it".format(fleet["slug"], organization["handle"], user["username"]))

    def _apply(self, fleet, rows, plan):
        pine, done = self.client.pine, []
        # New members first, those this key cannot see (so perhaps unknown) first of all: an unknown
        # username then fails before anything else is written.
        seen = visible_usernames(pine, list(plan.add))
        for name, role in sorted(plan.add.items(), key=lambda item: (item[0].lower() in seen, item[0])):
            self._write("adding {0} to fleet {1}".format(name, fleet["slug"]), done, lambda n=name, r=role: pine.post(
                {"resource": RESOURCE, "body": {"username": n, "is_member_of__application": fleet["id"],
                                                ROLE_LINK: role_id(pine, "application", r)}}), name)
        for name, role in sorted(plan.update.items()):
            self._write("changing the role of {0} on fleet {1}".format(name, fleet["slug"]), done, lambda n=name, r=role: pine.patch(
                {"resource": RESOURCE, "id": rows[n]["id"], "body": {ROLE_LINK: role_id(pine, "application", r)}}), name)
        for name in plan.remove:
            self._write("removing {0} from fleet {1}".format(name, fleet["slug"]), done, lambda n=name: pine.delete(
                {"resource": RESOURCE, "id": rows[n]["id"]}), name)

    def _write(self, action, done, call, name):
        already = "; done before it: " + ", ".join(done) if done else "; nothing was written"
        try:
            with self.step(action):
                call()
        except OperationError as error:
            said = balena_message(getattr(error.error, "body", None))
            if said.lower() == "user {0} not found.".format(name).lower():
                raise ParameterError("username" if self.params["username"] else "members",
                                     "no user {0!r} exists{1}".format(name, already)) from None
            raise
        done.append(action)


def _listed(roles, ids):
    """The members as returned: ``[{username, user_id, role}]`` by username."""
    return [{"username": name, "user_id": ids.get(name), "role": role} for name, role in sorted(roles.items())]


def main():
    FleetMemberModule.main()


if __name__ == "__main__":
    main()
