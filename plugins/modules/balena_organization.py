#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_organization
short_description: Create, rename and remove balena organizations
version_added: 0.2.0
description:
  - Creates an organization with a given O(handle), changes its display O(name), or removes it.
  - The user who creates an organization becomes its administrator.
  - Renaming and removing need the C(administrator) role in the organization. The role is checked before
    anything is written, and a refusal names the role that is missing.
  - Removing an organization removes its fleets, with their devices and releases, and its teams.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  handle:
    description:
      - The organization's handle, the first part of its fleets' slugs. Lowercase letters, digits and
        underscores, at most 100 characters. It identifies the organization and is never changed.
    type: str
    required: true
  name:
    description:
      - The organization's display name, at most 100 characters. Defaults to O(handle) for a new organization.
    type: str
  state:
    description:
      - V(present) creates the organization or changes its name; V(absent) removes it.
    type: str
    choices: [present, absent]
    default: present
seealso:
  - module: balena.cloud.balena_organization_info
  - module: balena.cloud.balena_organization_member
"""

EXAMPLES = r"""
- name: Create the organization of the field team
  balena.cloud.balena_organization:
    handle: acme_field
    name: Acme field operations

- name: Remove an organization with everything in it
  balena.cloud.balena_organization:
    handle: acme_trial
    state: absent
"""

RETURN = r"""
organization:
  description:
    - The organization after the change (in check mode, as it would be).
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the organization (absent for one check mode would create).
      type: int
      sample: 7
    handle:
      description: The organization's handle.
      type: str
      sample: acme_field
    name:
      description: The organization's display name.
      type: str
      sample: Acme field operations
"""

import re

from ansible_collections.balena.cloud.plugins.module_utils.account import (
    caller, organization_by_handle, require_organization_admin)
from ansible_collections.balena.cloud.plugins.module_utils.base import ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError

HANDLE = re.compile(r"^[a-z0-9_]{1,100}$")
NAME_LIMIT = 100


class OrganizationModule(ResourceModule):
    argument_spec = {
        "handle": {"type": "str", "required": True},
        "name": {"type": "str"},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    noun = "organization"

    def describe_target(self):
        handle, name = self.params["handle"], self.params["name"]
        if not HANDLE.match(handle):
            raise ParameterError("handle", "{0!r} is not a handle: use 1 to 100 lowercase letters, digits and underscores".format(handle))
        if name is not None and not (name.strip() and len(name) <= NAME_LIMIT):
            raise ParameterError("name", "must be 1 to {0} characters long".format(NAME_LIMIT))
        return "organization " + handle

    def find(self):
        current = organization_by_handle(self.client.pine, self.params["handle"], "handle", required=False)
        if current is not None:
            removing = self.params["state"] == "absent"
            renaming = self.params["name"] is not None and self.params["name"] != current["name"]
            if removing or renaming:
                action = "removing" if removing else "renaming"
                require_organization_admin(self.client.pine, current, caller(self.client),
                                           "{0} organization {1}".format(action, current["handle"]), "handle")
        return current

    def desired(self):
        wanted = {"handle": self.params["handle"]}
        if self.params["name"] is not None:
            wanted["name"] = self.params["name"]
        return wanted

    def create(self, desired):
        return self.client.models.organization.create(desired.get("name") or desired["handle"], desired["handle"])

    def update(self, current, changes):
        self.client.pine.patch({"resource": "organization", "id": current["id"], "body": changes})

    def delete(self, current):
        self.client.pine.delete({"resource": "organization", "id": current["id"]})

    def reread(self, object_id):
        return self.client.pine.get({"resource": "organization", "id": object_id, "options": {"$select": ["id", "handle", "name"]}})

    def present(self, obj):
        shown = {field: obj[field] for field in ("id", "handle", "name") if field in obj}
        shown.setdefault("name", self.params["handle"])
        return shown


def main():
    OrganizationModule.main()


if __name__ == "__main__":
    main()
