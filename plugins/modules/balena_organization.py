#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_organization
short_description: Create, rename and remove balena organizations
version_added: 1.0.0
description:
  - Creates an organization with a given O(handle), changes its display O(name), or removes it.
  - The user who creates an organization becomes its administrator.
  - Renaming and removing need the C(administrator) role in the organization. The role is checked before
    anything is written, and a refusal names the role that is missing.
  - Removing an organization removes its fleets, with their devices and releases, and its teams. An
    organization that still has fleets is removed only with O(force=true); without it the task fails before
    anything is written, naming the fleets (in check mode too).
  - A handle can be taken by an organization this API key cannot see. Check mode cannot know that and
    predicts a creation; the real run then fails saying the handle is taken.
  - O(state=absent) for a handle no organization visible to the key has is C(ok), with a warning that no
    such organization is visible (one may exist that the key cannot see).
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
  force:
    description:
      - With O(state=absent), remove the organization even when it still has fleets (they are removed with it).
    type: bool
    default: false
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

- name: Remove an organization with everything in it, its fleets included
  balena.cloud.balena_organization:
    handle: acme_trial
    state: absent
    force: true
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
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import BalenaException

HANDLE = re.compile(r"^[a-z0-9_]{1,100}$")
NAME_LIMIT = 100


class OrganizationModule(ResourceModule):
    argument_spec = {
        "handle": {"type": "str", "required": True},
        "name": {"type": "str"},
        "force": {"type": "bool", "default": False},
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
            if removing and not self.params["force"]:
                self._refuse_removing_fleets(current)
        return current

    def _refuse_removing_fleets(self, organization):
        fleets = self.client.pine.get({"resource": "application", "options": {
            "$select": ["slug"], "$filter": {"organization": organization["id"]}, "$orderby": "slug asc"}})
        if fleets:
            raise ParameterError("force", "organization {0} still has {1} fleet(s) ({2}), which removing it would delete with "
                                          "their devices and releases; set force: true to remove it anyway".format(
                                              organization["handle"], len(fleets), ", ".join(fleet["slug"] for fleet in fleets)))

    def desired(self):
        wanted = {"handle": self.params["handle"]}
        if self.params["name"] is not None:
            wanted["name"] = self.params["name"]
        return wanted

    def create(self, desired):
        try:
            return self.client.models.organization.create(desired.get("name") or desired["handle"], desired["handle"])
        except BalenaException as error:
            if getattr(error, "status_code", None) != 409:
                raise
        # The handle was not found before: an organization this key cannot see holds it.
        raise ParameterError("handle", "the handle {0} is taken by an organization this API key cannot see; "
                                       "nothing was written".format(desired["handle"]))

    def update(self, current, changes):
        self.client.pine.patch({"resource": "organization", "id": current["id"], "body": changes})

    def delete(self, current):
        self.client.pine.delete({"resource": "organization", "id": current["id"]})

    def reread(self, object_id):
        return self.client.pine.get({"resource": "organization", "id": object_id, "options": {"$select": ["id", "handle", "name"]}})

    def _absent(self, current, target):
        if current is None:
            self.module.warn("no organization with handle {0!r} is visible to this API key, so none was removed "
                             "(one may exist that the key cannot see)".format(self.params["handle"]))
        return super()._absent(current, target)

    def present(self, obj):
        shown = {field: obj[field] for field in ("id", "handle", "name") if field in obj}
        shown.setdefault("name", self.params["handle"])
        return shown


def main():
    OrganizationModule.main()


if __name__ == "__main__":
    main()
