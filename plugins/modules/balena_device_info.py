#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_info
short_description: List balena devices
version_added: 0.1.0
description:
  - Returns devices by uuid, id or name, or every device matching filters on fleet, organization, online state,
    device type, tags, OS and supervisor version.
  - The filters run on the server, and devices are read one page at a time, with everything asked for in
    O(include) in the same request.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  uuid:
    description:
      - Only the device with this full uuid.
    type: str
  id:
    description:
      - Only the device with this numeric id.
    type: int
  name:
    description:
      - Only devices with this name.
    type: str
  fleet:
    description:
      - Only devices of this fleet (slug, uuid or numeric id).
    type: str
  organization:
    description:
      - Only devices of fleets of this organization (handle or numeric id).
    type: str
  online:
    description:
      - Only online (V(true)) or offline (V(false)) devices.
    type: bool
  device_type:
    description:
      - Only devices of this device type slug.
    type: str
  tags:
    description:
      - Only devices carrying all these tags; a null value matches any value of that key.
    type: dict
  os_version:
    description:
      - Only devices running this balenaOS version, such as C(6.0.13) or C(balenaOS 6.0.13).
    type: str
  supervisor_version:
    description:
      - Only devices running this supervisor version, such as C(17.0.3).
    type: str
  include:
    description:
      - What to add to every device.
      - V(tags) adds RV(devices[].tags); V(variables) adds RV(devices[].variables);
        V(services) adds RV(devices[].services); V(metrics) adds RV(devices[].metrics).
    type: list
    elements: str
    choices: [tags, variables, services, metrics]
    default: []
  show_values:
    description:
      - Show the values of variables instead of masking them.
    type: bool
    default: false
  limit:
    description:
      - Return at most this many devices (ordered by name).
    type: int
  fail_on_empty:
    description:
      - What happens when no device matches. A O(fleet), O(organization) or O(device_type) that does not exist is
        always a failure naming it; filters that only match nothing are a warning, or with V(true) a failure.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: List the offline devices of a fleet
  balena.cloud.balena_device_info:
    fleet: myorg/signage
    online: false
  register: offline

- name: Show their names
  ansible.builtin.debug:
    msg: "{{ offline.devices | map(attribute='device_name') | list }}"

- name: Read one device with its services and metrics
  balena.cloud.balena_device_info:
    uuid: 6b05e5bba28df79d5eab5e1aa2c6300b
    include: [services, metrics]
  register: lobby

- name: Find the canary devices that still run an old OS
  balena.cloud.balena_device_info:
    tags:
      ring: canary
    os_version: 5.3.10
  register: outdated
"""

RETURN = r"""
devices:
  description: The matching devices, ordered by name.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id.
      type: int
      sample: 1
    uuid:
      description: The device's uuid.
      type: str
      sample: b05e5bba28df79d5eab5e1aa2c6300be
    device_name:
      description: The device's name.
      type: str
      sample: lobby-screen
    fleet:
      description: Slug of the device's fleet.
      type: str
      sample: myorg/signage
    device_type:
      description: Slug of the device type.
      type: str
      sample: raspberrypi4-64
    is_online:
      description: Whether the device is online.
      type: bool
      sample: true
    overall_status:
      description: The status the dashboard shows.
      type: str
      sample: operational
    os_version:
      description: The balenaOS version.
      type: str
      sample: balenaOS 6.0.13
    supervisor_version:
      description: The supervisor version.
      type: str
      sample: 17.0.3
    running_release:
      description: Commit of the release the device runs, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    pinned_release:
      description: Commit of the release the device is pinned to, or null when it follows its fleet.
      type: str
      sample: null
    tags:
      description: The device's tags, with O(include=tags).
      type: dict
      sample: {"site": "berlin"}
    variables:
      description:
        - Device environment (C(env)) and configuration (C(config)) variables, with O(include=variables).
        - Values are masked unless O(show_values=true).
      type: dict
      sample: {"env": {"LOG_LEVEL": "********"}, "config": {}}
    services:
      description: Installed services by name, each a list of installs (image id, status, commit), with O(include=services).
      type: dict
      sample: {"player": [{"image_id": 12, "status": "Running", "commit": "8a962e0acee69b0e59e2014d77392ebb"}]}
    metrics:
      description: Memory, storage and CPU figures the device reported, with O(include=metrics).
      type: dict
      sample: {"cpu_usage": 4, "cpu_temp": 69, "memory_usage": 430616924, "memory_total": 3900000000}
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import fleet_condition
from ansible_collections.balena.cloud.plugins.module_utils.diff import link_id, masked
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.expanded import first, keyed_dict
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES
from ansible_collections.balena.cloud.plugins.module_utils.parents import FULL_UUID_LENGTHS
from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of, has_tags, organization, through
from ansible_collections.balena.cloud.plugins.module_utils.selection_names import explain_empty
from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.service_details import current_services_expand, with_current_services

FIELDS = [
    "id", "uuid", "device_name", "is_online", "status", "overall_status", "api_heartbeat_state", "os_version", "os_variant",
    "supervisor_version", "ip_address", "public_address", "mac_address", "last_connectivity_event", "is_web_accessible",
    "is_active", "note", "custom_latitude", "custom_longitude", "created_at",
]
METRICS = ["memory_usage", "memory_total", "storage_block_device", "storage_usage", "storage_total",
           "cpu_usage", "cpu_temp", "cpu_id", "is_undervolted"]
PAGE_SIZE = 1000


class DeviceInfoModule(BalenaModule):
    argument_spec = {
        "uuid": {"type": "str"},
        "id": {"type": "int"},
        "name": {"type": "str"},
        "fleet": {"type": "str"},
        "organization": {"type": "str"},
        "online": {"type": "bool"},
        "device_type": {"type": "str"},
        "tags": {"type": "dict"},
        "os_version": {"type": "str"},
        "supervisor_version": {"type": "str"},
        "include": {"type": "list", "elements": "str", "default": [], "choices": ["tags", "variables", "services", "metrics"]},
        "show_values": {"type": "bool", "default": False},
        "limit": {"type": "int"},
        "fail_on_empty": {"type": "bool", "default": False},
    }
    module_options = {"mutually_exclusive": [["uuid", "id"]]}

    def server_filter(self):
        params = self.params
        conditions = []
        if params["uuid"] is not None:
            if len(params["uuid"]) not in FULL_UUID_LENGTHS:
                raise ParameterError("uuid", "{0!r} is not a full (32 or 62 character) device uuid".format(params["uuid"]))
            conditions.append({"uuid": params["uuid"].lower()})
        if params["id"] is not None:
            conditions.append({"id": params["id"]})
        if params["name"] is not None:
            conditions.append({"device_name": params["name"]})
        if params["fleet"] is not None:
            conditions.append(fleet_condition(params["fleet"]))
        if params["organization"] is not None:
            conditions.append(through("belongs_to__application", "bta", organization(params["organization"])))
        if params["online"] is not None:
            conditions.append({"is_online": params["online"]})
        if params["device_type"] is not None:
            conditions.append(through("is_of__device_type", "dt", {"slug": params["device_type"]}))
        if params["os_version"] is not None:
            version = params["os_version"].replace("balenaOS", "").strip()
            conditions.append({"$or": [{"os_version": "balenaOS " + version}, {"os_version": version}]})
        if params["supervisor_version"] is not None:
            version = params["supervisor_version"]
            conditions.append({"supervisor_version": version[1:] if version.startswith("v") else version})
        conditions.extend(has_tags(params["tags"] or {}))
        return all_of(conditions)

    def read_options(self):
        include = set(self.params["include"])
        fields = list(FIELDS) + (list(METRICS) if "metrics" in include else [])
        expand = {
            "belongs_to__application": {"$select": "slug"},
            "is_of__device_type": {"$select": "slug"},
            "is_running__release": {"$select": "commit"},
            "is_pinned_on__release": {"$select": "commit"},
        }
        if "tags" in include:
            expand.update(TAGS["device"].expand())
        if "variables" in include:
            for kind in ("env", "config"):
                expand.update(VARIABLES[(kind, "device")].expand())
        if "services" in include:
            expand.update(current_services_expand(True))
        options = {"$select": fields, "$expand": expand, "$orderby": "device_name asc"}
        where = self.server_filter()
        if where is not None:
            options["$filter"] = where
        if self.params["limit"] is not None:
            if self.params["limit"] < 1:
                raise ParameterError("limit", "must be at least 1")
            options["$top"] = self.params["limit"]
        return options

    def run(self):
        options = self.read_options()
        with self.step("listing devices"):
            rows = list(self.client.pine.iterate({"resource": "device", "options": options}, page_size=PAGE_SIZE))
        if not rows:
            with self.step("looking up the names the filters give"):
                explain_empty(self, self.params, "", "the filters")
        return {"changed": False, "devices": [self.shape(row) for row in rows]}

    def shape(self, row):
        include = set(self.params["include"])
        shown = {field: row.get(field) for field in FIELDS}
        shown["fleet"] = first(row.get("belongs_to__application"), "slug")
        shown["device_type"] = first(row.get("is_of__device_type"), "slug")
        shown["running_release"] = first(row.get("is_running__release"), "commit")
        shown["pinned_release"] = first(row.get("is_pinned_on__release"), "commit")
        if "tags" in include:
            shown["tags"] = keyed_dict(row, TAGS["device"])
        if "variables" in include:
            hidden = not self.params["show_values"]
            shown["variables"] = {kind: masked(keyed_dict(row, VARIABLES[(kind, "device")]), hidden=hidden) for kind in ("env", "config")}
        if "services" in include:
            shown["services"] = with_current_services({"image_install": row.get("image_install") or []})["current_services"]
        if "metrics" in include:
            shown["metrics"] = {field: link_id(row.get(field)) for field in METRICS}
        return shown


def main():
    DeviceInfoModule.main()


if __name__ == "__main__":
    main()
