#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_history_info
short_description: Read the history of a balena device
version_added: 1.0.0
description:
  - Returns a device's history as balenaCloud keeps it, oldest first; one entry for each period in which
    the device's fleet, release, target release, balenaOS and supervisor versions stayed the same.
  - Device history is a balenaCloud feature; openBalena has none.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  uuid:
    description:
      - The device, by full uuid or numeric id.
    type: str
    required: true
  since:
    description:
      - Only entries that started since this moment, an ISO 8601 date (C(2030-01-31T12:00:00Z)) or a duration
        back from now (C(30s), C(15m), C(2h), C(7d)).
    type: str
    default: 7d
  until:
    description:
      - Only entries that started until this moment, in the same forms as O(since).
    type: str
"""

EXAMPLES = r"""
- name: What happened to a device in the last day
  balena.cloud.balena_device_history_info:
    uuid: b05e5bba28df79d5eab5e1aa2c6300be
    since: 1d
  register: history

- name: The releases it ran, in order
  ansible.builtin.debug:
    msg: "{{ history.entries | map(attribute='running_release') | list }}"
"""

RETURN = r"""
entries:
  description: The history entries, oldest first.
  returned: always
  type: list
  elements: dict
  contains:
    started_at:
      description: When the period began (UTC, ISO 8601).
      type: str
      sample: "2030-01-31T12:00:00.000Z"
    ended_at:
      description: When it ended, or null for the current one.
      type: str
      sample: null
    fleet:
      description: Slug of the fleet the device belonged to.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Numeric id of that fleet.
      type: int
      sample: 16
    running_release:
      description: Commit of the release the device ran, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    running_release_version:
      description: Version of that release.
      type: str
      sample: 1.2.0
    target_release:
      description: Commit of the release the device should have run, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of that release, or null.
      type: str
      sample: 1.2.0
    os_version:
      description: The balenaOS version.
      type: str
      sample: balenaOS 6.0.13
    os_variant:
      description: The balenaOS variant.
      type: str
      sample: prod
    supervisor_version:
      description: The supervisor version.
      type: str
      sample: 17.0.3
    is_active:
      description: Whether the device was active.
      type: bool
      sample: true
device:
  description: The device whose history this is.
  returned: always
  type: dict
  contains:
    id:
      description: Numeric id of the device.
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
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import one
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.linked import linked
from ansible_collections.balena.cloud.plugins.module_utils.moments import moment
from ansible_collections.balena.cloud.plugins.module_utils.timestamps import canonical

HISTORY_OPTIONS = {
    "$select": ["created_at", "end_timestamp", "os_version", "os_variant", "supervisor_version", "is_active"],
    "$expand": {
        "belongs_to__application": {"$select": ["id", "slug"]},
        "is_running__release": {"$select": ["commit", "raw_version"]},
        "should_be_running__release": {"$select": ["commit", "raw_version"]},
    },
    "$orderby": "created_at asc",
}


class DeviceHistoryInfoModule(BalenaModule):
    argument_spec = {
        "uuid": {"type": "str", "required": True},
        "since": {"type": "str", "default": "7d"},
        "until": {"type": "str"},
    }

    def run(self):
        params = self.params
        since = moment(params["since"], "since")
        until = moment(params["until"], "until") if params["until"] is not None else None
        if until is not None and until < since:
            raise ParameterError("until", "{0} is before since ({1})".format(params["until"], params["since"]))
        with self.step("reading device {0}".format(params["uuid"])):
            device = one(self.client.pine, params["uuid"], {"$select": ["id", "uuid", "device_name"]})
        if device is None:
            raise ParameterError("uuid", "device {0} not found or not accessible".format(params["uuid"]))
        naive = [value.replace(tzinfo=None) if value is not None else None for value in (since, until)]
        with self.step("reading the history of device {0}".format(device["uuid"])):
            rows = self.client.models.device.history.get_all_by_device(device["id"], naive[0], naive[1], HISTORY_OPTIONS)
        return {"changed": False, "entries": [self.shape(row) for row in rows],
                "device": {"id": device["id"], "uuid": device["uuid"], "device_name": device.get("device_name")}}

    @staticmethod
    def shape(row):
        fleet = row.get("belongs_to__application")
        return {
            "started_at": canonical(row.get("created_at")),
            "ended_at": canonical(row.get("end_timestamp")),
            "fleet": linked(fleet).get("slug"),
            "fleet_id": linked(fleet).get("id"),
            "running_release": linked(row.get("is_running__release")).get("commit"),
            "running_release_version": linked(row.get("is_running__release")).get("raw_version"),
            "target_release": linked(row.get("should_be_running__release")).get("commit"),
            "target_release_version": linked(row.get("should_be_running__release")).get("raw_version"),
            "os_version": row.get("os_version"),
            "os_variant": row.get("os_variant"),
            "supervisor_version": row.get("supervisor_version"),
            "is_active": row.get("is_active"),
        }


def main():
    DeviceHistoryInfoModule.main()


if __name__ == "__main__":
    main()
