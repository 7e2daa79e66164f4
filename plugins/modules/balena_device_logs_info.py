#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_logs_info
short_description: Read the recent logs of a balena device
version_added: 1.0.0
description:
  - Returns the newest log lines balena keeps for a device (balena keeps the last 1000), oldest first,
    optionally only those since a moment, of one service, or with or without the system lines the
    supervisor writes.
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
  count:
    description:
      - Return at most this many lines, the newest ones.
    type: int
    default: 100
  since:
    description:
      - Only lines written since this moment, an ISO 8601 date (C(2030-01-31T12:00:00Z)) or a duration back
        from now (C(30s), C(15m), C(2h), C(7d)).
    type: str
  service:
    description:
      - Only the lines of this service (by its name in the release). System lines belong to no service.
    type: str
  system:
    description:
      - V(include) returns the supervisor's system lines with the others; V(exclude) leaves them out;
        V(only) returns nothing else.
    type: str
    choices: [include, exclude, only]
    default: include
"""

EXAMPLES = r"""
- name: The last 50 lines of the player service in the last hour
  balena.cloud.balena_device_logs_info:
    uuid: b05e5bba28df79d5eab5e1aa2c6300be
    service: player
    since: 1h
    count: 50
  register: player_logs

- name: Show them
  ansible.builtin.debug:
    msg: "{{ player_logs.lines | map(attribute='message') | list }}"

- name: What the supervisor did on a device that did not update
  balena.cloud.balena_device_logs_info:
    uuid: b05e5bba28df79d5eab5e1aa2c6300be
    system: only
"""

RETURN = r"""
device:
  description: The device the lines are from.
  returned: always
  type: dict
  sample: {"id": 1, "uuid": "b05e5bba28df79d5eab5e1aa2c6300be", "device_name": "lobby-screen"}
lines:
  description: The log lines, oldest first.
  returned: always
  type: list
  elements: dict
  contains:
    timestamp:
      description: When the line was written on the device (UTC, ISO 8601).
      type: str
      sample: "2030-01-31T12:00:00.123Z"
    created_at:
      description: When balena received it (UTC, ISO 8601).
      type: str
      sample: "2030-01-31T12:00:00.456Z"
    message:
      description: The text of the line.
      type: str
      sample: Started player
    service:
      description: Name of the service that wrote it, or null for system lines and unknown services.
      type: str
      sample: player
    service_id:
      description: Numeric id of that service, or null.
      type: int
      sample: 12
    is_system:
      description: Whether the supervisor wrote it.
      type: bool
      sample: false
    is_stderr:
      description: Whether it came from standard error.
      type: bool
      sample: false
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import one
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.linked import linked
from ansible_collections.balena.cloud.plugins.module_utils.moments import epoch_ms, from_epoch_ms, moment

DEVICE_OPTIONS = {"$select": ["id", "uuid", "device_name"],
                  "$expand": {"belongs_to__application": {"$select": "id", "$expand": {
                      "service": {"$select": ["id", "service_name"]}}}}}


class DeviceLogsInfoModule(BalenaModule):
    argument_spec = {
        "uuid": {"type": "str", "required": True},
        "count": {"type": "int", "default": 100},
        "since": {"type": "str"},
        "service": {"type": "str"},
        "system": {"type": "str", "default": "include", "choices": ["include", "exclude", "only"]},
    }

    def run(self):
        params = self.params
        if params["count"] < 1:
            raise ParameterError("count", "must be at least 1")
        since = epoch_ms(moment(params["since"], "since")) if params["since"] is not None else None
        with self.step("reading device {0}".format(params["uuid"])):
            device = one(self.client.pine, params["uuid"], DEVICE_OPTIONS)
        if device is None:
            raise ParameterError("uuid", "device {0} not found or not accessible".format(params["uuid"]))
        fleet = device.get("belongs_to__application") or []
        services = {row["id"]: row["service_name"] for row in (linked(fleet).get("service") or [])}
        wanted_service = self.service_id(services)
        # Filtering happens here, so read every kept line when a filter may drop some.
        filtered = since is not None or wanted_service is not None or params["system"] != "include"
        with self.step("reading the logs of device {0}".format(device["uuid"])):
            raw = self.client.logs.history(device["uuid"], "all" if filtered else params["count"])
        lines = [self.shape(line, services) for line in raw if self.keep(line, since, wanted_service)]
        return {"changed": False, "lines": lines[-params["count"]:],
                "device": {"id": device["id"], "uuid": device["uuid"], "device_name": device.get("device_name")}}

    def service_id(self, services):
        name = self.params["service"]
        if name is None:
            return None
        for service_id, service_name in services.items():
            if service_name == name:
                return service_id
        known = ", ".join(sorted(services.values())) or "none"
        raise ParameterError("service", "the device's fleet has no service {0!r} (its services: {1})".format(name, known))

    def keep(self, line, since, service_id):
        system = self.params["system"]
        if system == "exclude" and line.get("isSystem") or system == "only" and not line.get("isSystem"):
            return False
        if service_id is not None and line.get("serviceId") != service_id:
            return False
        return since is None or (line.get("createdAt") or line.get("timestamp") or 0) >= since

    @staticmethod
    def shape(line, services):
        service_id = line.get("serviceId")
        return {
            "timestamp": from_epoch_ms(line.get("timestamp")),
            "created_at": from_epoch_ms(line.get("createdAt")),
            "message": line.get("message"),
            "service": services.get(service_id),
            "service_id": service_id,
            "is_system": bool(line.get("isSystem")),
            "is_stderr": bool(line.get("isStdErr")),
        }


def main():
    DeviceLogsInfoModule.main()


if __name__ == "__main__":
    main()
