#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_application_info
short_description: List balena fleets
version_added: 1.0.0
description:
  - Returns one fleet, or every fleet the user can reach directly, filtered on the server by organization,
    name, device type and class.
  - Optionally adds each fleet's tags, variables, target release and online and offline device counts.
    Everything comes in one request per page of fleets, plus one per page for the device counts.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  slug:
    description:
      - Return only the fleet with this slug (C(organization/name)).
    type: str
  id:
    description:
      - Return only the fleet with this numeric id.
    type: int
  name:
    description:
      - Return only fleets with this name (one per organization at most).
    type: str
  organization:
    description:
      - Return only fleets of this organization, by handle or numeric id.
    type: str
  device_type:
    description:
      - Return only fleets whose default device type has this slug.
    type: str
  application_class:
    description:
      - Return only fleets of this class.
    type: str
    choices: [fleet, block, app]
  include:
    description:
      - What to add to every fleet, its C(tags), its C(variables) or its C(device_counts) (see RV(applications)).
      - The target release is always part of the fleet view.
    type: list
    elements: str
    choices: [tags, variables, device_counts]
    default: []
  show_values:
    description:
      - Show the values of variables instead of masking them.
    type: bool
    default: false
  fail_on_empty:
    description:
      - What happens when no fleet matches. An O(organization) or O(device_type) that does not exist is always a failure naming it;
        filters that only match nothing are a warning, or with V(true) a failure.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: List every fleet of an organization with its device counts
  balena.cloud.balena_application_info:
    organization: myorg
    include: [device_counts]
  register: fleets

- name: Show the fleets that have offline devices
  ansible.builtin.debug:
    msg: "{{ fleets.applications | selectattr('device_counts.offline', 'gt', 0) | map(attribute='slug') | list }}"

- name: Read one fleet with its tags (its target release is always part of it)
  balena.cloud.balena_application_info:
    slug: myorg/signage
    include: [tags]
  register: signage
"""

RETURN = r"""
applications:
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id of the fleet (null for a fleet check mode would create).
      type: int
      sample: 16
    uuid:
      description: The fleet's uuid (null for a fleet check mode would create).
      type: str
      sample: 768641f1411f41a6a1c65297982be5df
    slug:
      description: The fleet's slug, C(organization/name) in lower case.
      type: str
      sample: myorg/signage
    name:
      description: Name of the fleet.
      type: str
      sample: signage
    organization:
      description: Handle of the owning organization.
      type: str
      sample: myorg
    organization_id:
      description: Id of the owning organization.
      type: int
      sample: 3
    device_type:
      description: Slug of the fleet's default device type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the fleet's default device type.
      type: int
      sample: 119
    application_class:
      description: The fleet's class.
      type: str
      sample: fleet
    track_latest:
      description: Whether the fleet follows every new release.
      type: bool
      sample: false
    target_release:
      description: Commit of the release the fleet should run, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the fleet should run, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the fleet should run, or null.
      type: int
      sample: 117
    support_access_until:
      description: Until when balena support may access the fleet, or null.
      type: str
      sample: '2030-01-31T00:00:00.000Z'
  description:
    - The matching fleets, ordered by name, each in the fleet view described here.
    - With O(include=tags), also C(tags), the fleet's tags as a dict.
    - With O(include=variables), also C(variables), the fleet's variables by kind (C(env), C(config), C(build));
      values are masked unless O(show_values=true).
    - With O(include=device_counts), also C(device_counts), the number of devices C(total), C(online) and C(offline).
  returned: always
  sample:
    - id: 16
      slug: myorg/signage
      name: signage
      organization: myorg
      device_type: raspberrypi4-64
      target_release: 8a962e0acee69b0e59e2014d77392ebb
      target_release_version: 1.2.0
      tags:
        team: retail
"""

from ansible_collections.balena.cloud.plugins.module_utils import fleet_view
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.diff import masked
from ansible_collections.balena.cloud.plugins.module_utils.expanded import keyed_dict
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES
from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of, organization, through
from ansible_collections.balena.cloud.plugins.module_utils.selection_names import explain_empty
from ansible_collections.balena.cloud.plugins.module_utils.sdk.resolver import ACCESS_FILTER

VARIABLE_KINDS = ("env", "config", "build")
PAGE_SIZE = 500


class ApplicationInfoModule(BalenaModule):
    argument_spec = {
        "slug": {"type": "str"},
        "id": {"type": "int"},
        "name": {"type": "str"},
        "organization": {"type": "str"},
        "device_type": {"type": "str"},
        "application_class": {"type": "str", "choices": ["fleet", "block", "app"]},
        "include": {"type": "list", "elements": "str", "default": [],
                    "choices": ["tags", "variables", "device_counts"]},
        "show_values": {"type": "bool", "default": False},
        "fail_on_empty": {"type": "bool", "default": False},
    }
    module_options = {"mutually_exclusive": [["slug", "id"]]}

    def server_filter(self):
        params = self.params
        conditions = [dict(ACCESS_FILTER)]
        if params["id"] is not None:
            conditions.append({"id": params["id"]})
        if params["slug"] is not None:
            conditions.append({"slug": params["slug"].lower()})
        if params["name"] is not None:
            conditions.append({"app_name": params["name"]})
        if params["organization"] is not None:
            conditions.append(organization(params["organization"]))
        if params["device_type"] is not None:
            conditions.append(through("is_for__device_type", "dt", {"slug": params["device_type"]}))
        if params["application_class"] is not None:
            conditions.append({"is_of__class": params["application_class"]})
        return all_of(conditions)

    def read_options(self):
        include, expand = set(self.params["include"]), {}
        if "tags" in include:
            expand.update(TAGS["fleet"].expand())
        if "variables" in include:
            for kind in VARIABLE_KINDS:
                expand.update(VARIABLES[(kind, "fleet")].expand())
        if "device_counts" in include:
            expand["owns__device"] = {"$count": {"$filter": {"is_online": True}}}
        return dict(fleet_view.read_options(expand), **{"$filter": self.server_filter(), "$orderby": "app_name asc"})

    def run(self):
        pine = self.client.pine
        with self.step("listing fleets"):
            rows = list(pine.iterate({"resource": "application", "options": self.read_options()}, page_size=PAGE_SIZE))
        if not rows:
            with self.step("looking up the names the filters give"):
                names = {"organization": self.params["organization"], "device_type": self.params["device_type"]}
                explain_empty(self, names, "", "the filters", "fleet")
        totals = {}
        if "device_counts" in self.params["include"] and rows:
            options = {"$select": ["id"], "$filter": self.server_filter(), "$expand": {"owns__device": {"$count": {}}}}
            with self.step("counting the devices of the fleets"):
                totals = {row["id"]: row["owns__device"] for row in pine.iterate({"resource": "application", "options": options}, page_size=PAGE_SIZE)}
        return {"changed": False, "applications": [self.shape(row, totals) for row in rows]}

    def shape(self, row, totals):
        include = set(self.params["include"])
        shown = fleet_view.fleet_view(row)
        if "tags" in include:
            shown["tags"] = keyed_dict(row, TAGS["fleet"])
        if "variables" in include:
            hidden = not self.params["show_values"]
            shown["variables"] = {kind: masked(keyed_dict(row, VARIABLES[(kind, "fleet")]), hidden=hidden) for kind in VARIABLE_KINDS}
        if "device_counts" in include:
            online = row.get("owns__device") or 0
            total = totals.get(row["id"], online)
            shown["device_counts"] = {"total": total, "online": online, "offline": total - online}
        return shown


def main():
    ApplicationInfoModule.main()


if __name__ == "__main__":
    main()
