#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_type_info
short_description: Describe balena device types
version_added: 1.0.0
description:
  - Returns device types found by slug or by any of their aliases (C(raspberry-pi2) and C(raspberrypi2) name
    the same one), or every device type.
  - For each one, its name, CPU architecture, aliases, whether balenaOS supports it (it has a host OS fleet
    with a usable release), and its host OS fleets.
  - Two requests, whatever the number of device types.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  device_type:
    description:
      - Slugs or aliases of the device types to describe. Every device type when not set.
      - A name that matches no device type fails the task, naming it.
    type: list
    elements: str
  supported:
    description:
      - Only supported (V(true)) or unsupported (V(false)) device types.
    type: bool
"""

EXAMPLES = r"""
- name: Describe a device type by one of its aliases
  balena.cloud.balena_device_type_info:
    device_type: raspberrypi2
  register: pi2

- name: Show its slug and CPU architecture
  ansible.builtin.debug:
    msg: "{{ pi2.device_types[0].slug }} runs {{ pi2.device_types[0].cpu_architecture }}"

- name: List the supported device types
  balena.cloud.balena_device_type_info:
    supported: true
  register: supported
"""

RETURN = r"""
device_types:
  description: The device types, in the order asked for (by name when O(device_type) is not set).
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id.
      type: int
      sample: 31
    slug:
      description: The device type's slug.
      type: str
      sample: raspberry-pi2
    name:
      description: Its display name.
      type: str
      sample: Raspberry Pi 2
    cpu_architecture:
      description: Slug of its CPU architecture.
      type: str
      sample: armv7hf
    aliases:
      description: Every name the device type is found by, its slug included.
      type: list
      elements: str
      sample: [raspberry-pi2, raspberrypi2]
    is_supported:
      description: Whether balenaOS supports it (a host OS fleet that is not archived has a final, valid release).
      type: bool
      sample: true
    is_private:
      description: Whether the device type is private.
      type: bool
      sample: false
    host_os_fleets:
      description: Slugs of the fleets that hold its balenaOS releases (the default line and, where there is one, ESR).
      type: list
      elements: str
      sample: [balena_os/raspberry-pi2]
    requested_as:
      description: The name it was asked for by, when O(device_type) is set.
      type: str
      sample: raspberrypi2
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_type_view import device_type_view, DEVICE_TYPE_OPTIONS
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError


class DeviceTypeInfoModule(BalenaModule):
    argument_spec = {
        "device_type": {"type": "list", "elements": "str"},
        "supported": {"type": "bool"},
    }

    def run(self):
        names = self.params["device_type"]
        options = dict(DEVICE_TYPE_OPTIONS, **{"$orderby": "name asc"})
        if names is not None:
            if not names or not all(name.strip() for name in names):
                raise ParameterError("device_type", "must name at least one device type, with no empty name")
            options["$filter"] = {"device_type_alias": {"$any": {"$alias": "dta", "$expr": {
                "dta": {"is_referenced_by__alias": {"$in": sorted(set(names))}}}}}}
        models = self.client.models.device_type
        with self.step("listing device types"):
            rows = models.get_all(options)
            supported_ids = set(row["id"] for row in models.get_all_supported({"$select": "id"}))
        views = [device_type_view(row, row["id"] in supported_ids) for row in rows]
        if names is not None:
            views = self._in_requested_order(views, names)
        if self.params["supported"] is not None:
            views = [view for view in views if view["is_supported"] == self.params["supported"]]
        return {"changed": False, "device_types": views}

    @staticmethod
    def _in_requested_order(views, names):
        by_alias = dict((alias, view) for view in views for alias in view["aliases"])
        unknown = [name for name in names if name not in by_alias]
        if unknown:
            raise ParameterError("device_type", "no device type is named {0}".format(", ".join(repr(n) for n in unknown)))
        return [dict(by_alias[name], requested_as=name) for name in names]


def main():
    DeviceTypeInfoModule.main()


if __name__ == "__main__":
    main()
