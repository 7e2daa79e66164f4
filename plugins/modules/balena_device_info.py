#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_info
short_description: List balena devices
version_added: 1.0.0
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
      - V(tags), V(variables), V(services) and V(metrics) add the key of that name to every device (see RV(devices)).
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
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id (null for a device check mode would register).
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
    note:
      description: The device's note, or null.
      type: str
      sample: Second floor
    fleet:
      description: Slug of the device's fleet.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Id of the device's fleet.
      type: int
      sample: 16
    device_type:
      description: Slug of the device's type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the device's type.
      type: int
      sample: 119
    location:
      description: The custom location (C(latitude), C(longitude)), or null when balena places the device.
      type: dict
      sample:
        latitude: 52.52
        longitude: 13.405
    device_url:
      description: Whether the public device URL is on.
      type: bool
      sample: false
    is_active:
      description: Whether the device is active (not deactivated).
      type: bool
      sample: true
    is_online:
      description: Whether the device is online.
      type: bool
      sample: true
    status:
      description: The device's status.
      type: str
      sample: Idle
    overall_status:
      description: The status the dashboard shows.
      type: str
      sample: operational
    api_heartbeat_state:
      description: The state of the device's heartbeat to the API.
      type: str
      sample: online
    os_version:
      description: The balenaOS version the device reports.
      type: str
      sample: balenaOS 6.0.13
    os_variant:
      description: The balenaOS variant (C(prod) or C(dev)) the device reports.
      type: str
      sample: prod
    supervisor_version:
      description: The supervisor version the device reports.
      type: str
      sample: 17.0.3
    ip_address:
      description: The device's local addresses, separated by spaces.
      type: str
      sample: 192.168.1.20
    public_address:
      description: The device's public address.
      type: str
      sample: 203.0.113.7
    mac_address:
      description: The device's MAC addresses, separated by spaces.
      type: str
      sample: dc:a6:32:00:00:01
    last_connectivity_event:
      description: When the device last connected or disconnected.
      type: str
      sample: '2026-11-25T13:50:13.187Z'
    created_at:
      description: When the device was registered.
      type: str
      sample: '2026-11-25T13:50:13.187Z'
    pinned_release:
      description: Commit of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    pinned_release_version:
      description: Version of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 1.2.0
    pinned_release_id:
      description: Id of the release the device is pinned to (null when it follows its fleet), or null.
      type: int
      sample: 117
    running_release:
      description: Commit of the release the device runs, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    running_release_version:
      description: Version of the release the device runs, or null.
      type: str
      sample: 1.2.0
    running_release_id:
      description: Id of the release the device runs, or null.
      type: int
      sample: 117
    target_release:
      description: Commit of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: int
      sample: 117
    pinned_supervisor_version:
      description: Version of the supervisor release the device is pinned to, or null.
      type: str
      sample: 17.0.3
    pinned_supervisor_release_id:
      description: Id of the supervisor release the device is pinned to, or null.
      type: int
      sample: 102
    pinned_os_version:
      description: Version of the host OS release the device is pinned to, or null.
      type: str
      sample: 6.0.13+prod
    pinned_os_release_id:
      description: Id of the host OS release the device is pinned to, or null.
      type: int
      sample: 39
  description:
    - The matching devices, ordered by name, each in the device view described here.
    - With O(include=tags), also C(tags), the device's tags as a dict.
    - With O(include=variables), also C(variables), the device environment (C(env)) and configuration (C(config))
      variables; values are masked unless O(show_values=true).
    - With O(include=services), also C(services), the installed services by name, each a list of installs (image
      id, status, commit).
    - With O(include=metrics), also C(metrics), the memory, storage and CPU figures the device reported.
  returned: always
  sample:
    - id: 1
      uuid: b05e5bba28df79d5eab5e1aa2c6300be
      device_name: lobby-screen
      fleet: myorg/signage
      device_type: raspberrypi4-64
      running_release: 8a962e0acee69b0e59e2014d77392ebb
      running_release_version: 1.2.0
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import fleet_condition
from ansible_collections.balena.cloud.plugins.module_utils.device_view import device_view, read_options
from ansible_collections.balena.cloud.plugins.module_utils.diff import link_id, masked
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.expanded import keyed_dict
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES
from ansible_collections.balena.cloud.plugins.module_utils.parents import FULL_UUID_LENGTHS
from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of, has_tags, organization, through
from ansible_collections.balena.cloud.plugins.module_utils.selection_names import explain_empty
from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.service_details import current_services_expand, with_current_services

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
        include, expand = set(self.params["include"]), {}
        if "tags" in include:
            expand.update(TAGS["device"].expand())
        if "variables" in include:
            for kind in ("env", "config"):
                expand.update(VARIABLES[(kind, "device")].expand())
        if "services" in include:
            expand.update(current_services_expand(True))
        options = read_options(expand)
        if "metrics" in include:
            options["$select"] += list(METRICS)
        options["$orderby"] = "device_name asc"
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
        shown = device_view(row)
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
