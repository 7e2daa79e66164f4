#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_organization_member
short_description: Manage a user's role in a balena organization, or remove them from it
version_added: 1.0.0
description:
  - Sets the O(role) of a member of an organization, or removes the member.
  - balena adds people to an organization only through an invitation they accept; invite them with
    M(balena.cloud.balena_invite). A O(username) who is not a member makes the task fail, with nothing written.
  - Changing roles and removing other members need the C(administrator) role in the organization; anyone may
    leave. The role is checked before anything is written, and a refusal names the role that is missing.
  - Removing or demoting the last administrator, removing the caller's own membership and taking the
    administrator role from the caller fail unless O(force=true).
  - O(state=absent) for a user who is not a member is C(ok) when the API key can see that user (in a shared
    organization, fleet or team). A O(username) the key cannot see fails, naming it, as it may be a typo and
    whether such a user exists at all cannot be told. Once a leaver shares nothing with the key any more, a
    repeated removal fails that way too.
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
  username:
    description:
      - Username of the member.
    type: str
    required: true
  role:
    description:
      - The member's role. When not given, the role is left as it is.
    type: str
    choices: [administrator, member]
  force:
    description:
      - Allow removing or demoting the last administrator of the organization, removing the caller's own membership,
        and taking the administrator role from the caller.
    type: bool
    default: false
  state:
    description:
      - V(present) sets the member's role; V(absent) removes the member from the organization.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: balena.cloud.balena_invite
  - module: balena.cloud.balena_organization_info
"""

EXAMPLES = r"""
- name: Make a colleague an administrator of the organization
  balena.cloud.balena_organization_member:
    organization: acme
    username: jane
    role: administrator

- name: Remove a leaver from the organization
  balena.cloud.balena_organization_member:
    organization: acme
    username: joe
    state: absent
"""

RETURN = r"""
member:
  description:
    - The membership after the change (in check mode, as it would be).
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the membership.
      type: int
      sample: 31
    organization:
      description: Handle of the organization.
      type: str
      sample: acme
    organization_id:
      description: Numeric id of the organization.
      type: int
      sample: 7
    username:
      description: Username of the member.
      type: str
      sample: jane
    user_id:
      description: Numeric id of the member.
      type: int
      sample: 5
    role:
      description: The member's role, C(administrator) or C(member).
      type: str
      sample: administrator
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import (
    ADMINISTRATOR, caller, organization_by_handle, refuse_unseen_non_members, require_organization_admin)
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.diff import presence_diff
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.organizations import first, role_of

from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.roles import role_id

RESOURCE = "organization_membership"
ROLE_LINK = "organization_membership_role"


class OrganizationMemberModule(BalenaModule):
    argument_spec = {
        "organization": {"type": "str", "required": True},
        "username": {"type": "str", "required": True},
        "role": {"type": "str", "choices": ["administrator", "member"]},
        "force": {"type": "bool", "default": False},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }

    def run(self):
        params, pine = self.params, self.client.pine
        with self.step("looking up organization {0}".format(params["organization"])):
            organization = organization_by_handle(pine, params["organization"])
            user = caller(self.client)
            members = self._members(organization)
        target = "member {0} of organization {1}".format(params["username"], organization["handle"])
        current = next((m for m in members if (m["username"] or "").lower() == params["username"].lower()), None)
        if params["state"] == "absent":
            if current is None:
                with self.step("looking up user {0}".format(params["username"])):
                    refuse_unseen_non_members(pine, [params["username"]], "organization " + organization["handle"])
                return {"changed": False}
            self._check_removal(organization, user, members, current, "removing " + target)
            if not self.check_mode:
                with self.step("removing " + target):
                    pine.delete({"resource": RESOURCE, "id": current["id"]})
            return {"changed": True, "diff": presence_diff(current, None)}
        if current is None:
            raise ParameterError("username", "{0!r} is not a member of organization {1}; people join an organization "
                                             "by accepting an invitation (balena.cloud.balena_invite)".format(
                                                 params["username"], organization["handle"]))
        if params["role"] is None or params["role"] == current["role"]:
            return {"changed": False, "member": current}
        action = "changing the role of " + target
        require_organization_admin(pine, organization, user, action)
        if current["role"] == ADMINISTRATOR:
            self._keep_an_administrator(members, current, action)
            if current["user_id"] == user["id"] and not params["force"]:
                raise ParameterError("force", "{0} takes the administrator role from yourself, so this key could no "
                                              "longer manage the organization; set force: true to do it anyway".format(action))
        changed = dict(current, role=params["role"])
        if not self.check_mode:
            with self.step(action):
                pine.patch({"resource": RESOURCE, "id": current["id"],
                            "body": {ROLE_LINK: role_id(pine, "organization", params["role"])}})
            with self.step("reading back " + target):
                changed = next((m for m in self._members(organization) if m["id"] == current["id"]), changed)
        return {"changed": True, "member": changed,
                "diff": {"before": {"role": current["role"]}, "after": {"role": params["role"]}}}

    def _members(self, organization):
        rows = self.client.pine.get({"resource": RESOURCE, "options": {
            "$select": ["id"],
            "$filter": {"is_member_of__organization": organization["id"]},
            "$expand": {"user": {"$select": ["id", "username"]}, ROLE_LINK: {"$select": "name"}},
        }})
        return [{"id": row["id"], "organization": organization["handle"], "organization_id": organization["id"],
                 "username": first(row.get("user")).get("username"), "user_id": first(row.get("user")).get("id"),
                 "role": role_of(row, ROLE_LINK)} for row in rows]

    def _check_removal(self, organization, user, members, current, action):
        if current["user_id"] == user["id"]:
            if not self.params["force"]:
                raise ParameterError("force", "{0} removes your own membership; set force: true to leave the "
                                              "organization".format(action))
        else:
            require_organization_admin(self.client.pine, organization, user, action)
        if current["role"] == ADMINISTRATOR:
            self._keep_an_administrator(members, current, action)

    def _keep_an_administrator(self, members, current, action):
        others = [m for m in members if m["role"] == ADMINISTRATOR and m["id"] != current["id"]]
        if not others and not self.params["force"]:
            raise ParameterError("force", "{0} leaves organization {1} without an administrator; set force: true to "
                                          "do it anyway".format(action, current["organization"]))


def main():
    OrganizationMemberModule.main()


if __name__ == "__main__":
    main()
