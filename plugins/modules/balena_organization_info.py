#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_organization_info
short_description: List balena organizations with their members, teams and fleets
version_added: 1.0.0
description:
  - Lists the organizations the user behind O(api_key) belongs to, or the one named by O(handle), each with its
    members and their roles, its teams (members and fleet access) and its fleets.
  - Everything is read in one request. People are named by username; e-mail addresses are never returned.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  handle:
    description:
      - Handle of one organization to read. The task fails when no such organization is visible.
    type: str
seealso:
  - module: balena.cloud.balena_organization
"""

EXAMPLES = r"""
- name: Read every organization of the user
  balena.cloud.balena_organization_info:
  register: organizations

- name: List the administrators of one organization
  balena.cloud.balena_organization_info:
    handle: acme
  register: acme

- name: Show them
  ansible.builtin.debug:
    msg: "{{ acme.organizations[0].members | selectattr('role', 'equalto', 'administrator') | map(attribute='username') }}"
"""

RETURN = r"""
organizations:
  description: The organizations, by handle.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id of the organization.
      type: int
      sample: 7
    handle:
      description: The organization's handle.
      type: str
      sample: acme
    name:
      description: The organization's display name.
      type: str
      sample: Acme Robotics
    role:
      description: The role of the user behind O(api_key) in the organization.
      type: str
      sample: member
    members:
      description: The members, by username, with C(user_id) and C(role) (C(administrator) or C(member)).
      type: list
      elements: dict
      sample: [{"username": "jane", "user_id": 5, "role": "administrator"}]
    teams:
      description:
        - The teams, by name, with C(id), C(members) (usernames), C(member_ids) and C(fleets), the fleet access
          they grant as C(fleet) slug, C(fleet_id) and C(role).
      type: list
      elements: dict
      sample: [{"id": 3, "name": "field-ops", "members": ["jane"], "member_ids": [5],
                "fleets": [{"fleet": "acme/scanners", "fleet_id": 20, "role": "observer"}]}]
    fleets:
      description: The organization's fleets, as C(fleet) slug and C(fleet_id).
      type: list
      elements: dict
      sample: [{"fleet": "acme/scanners", "fleet_id": 20}]
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import caller, organization_by_handle
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.organizations import ORGANIZATION_OPTIONS, shown_organization


class OrganizationInfoModule(BalenaModule):
    argument_spec = {"handle": {"type": "str"}}

    def run(self):
        pine = self.client.pine
        options = dict(ORGANIZATION_OPTIONS)
        with self.step("reading organizations"):
            user = caller(self.client)
            if self.params["handle"] is not None:
                options["$filter"] = {"id": organization_by_handle(pine, self.params["handle"], "handle")["id"]}
            else:
                options["$filter"] = {"organization_membership": {"$any": {
                    "$alias": "om", "$expr": {"om": {"user": user["id"]}}}}}
            rows = pine.get({"resource": "organization", "options": options})
        return {"changed": False, "organizations": [shown_organization(row, user["id"]) for row in rows]}


def main():
    OrganizationInfoModule.main()


if __name__ == "__main__":
    main()
