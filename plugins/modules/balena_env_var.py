#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_env_var
short_description: Manage balena environment, configuration, build and service variables
version_added: 1.0.0
description:
  - Sets or removes variables of a balena fleet, a device, or a service of a fleet or device, one at a time
    (O(name) and O(value)) or many at once (O(variables)).
  - The same variables can be set on many devices (or the same service on each of them) in one task, listed
    with O(uuids) or chosen with O(selector).
  - With O(purge=true) the given variables become the complete set of that kind, and every other one is removed.
  - Values are masked in the result and in C(--diff) output unless O(show_values=true).
  - The current variables are read in one request (one per 100 listed devices, or per page of a selector);
    changes are written with as few requests as the API allows (one removal request and one request per
    distinct updated value, for as many rows as fit in one URL), and one request per new variable, O(parallel)
    of them at a time.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
  - balena.cloud.device_selection
options:
  kind:
    description:
      - V(env) for environment variables, V(config) for configuration variables (names start with C(BALENA_)
        or C(RESIN_)), V(build) for build variables (fleet level only).
      - Service variables (O(service)) are always environment variables.
    type: str
    choices: [env, config, build]
    default: env
  fleet:
    description:
      - The fleet whose variables to manage, by slug (C(org/name)), uuid or numeric id.
      - With O(service), the variables of that service of the fleet.
      - Exactly one of O(fleet), O(device), O(uuids) and O(selector) is required.
    type: str
  device:
    description:
      - The device whose variables to manage, by full uuid or numeric id.
      - With O(service), the variables of that service on the device.
    type: str
  service:
    description:
      - Manage the variables of the service with this name, of O(fleet), or on O(device) or each device of O(uuids)
        or O(selector) (every one of them must run it).
    type: str
  parallel:
    description:
      - How many requests creating new variables go out at the same time; V(1) sends them one after the other.
      - Removals and updates are batched and not affected.
    type: int
    default: 8
  name:
    description:
      - Name of a single variable. Use O(variables) to manage several at once.
    type: str
  value:
    description:
      - Value of the variable O(name). Required with O(name) when O(state=present).
      - Numbers and booleans are stored as strings (V(true) becomes C(true)).
    type: raw
  variables:
    description:
      - Variables as a dictionary of names and values.
      - With O(state=absent) only the names matter.
      - With O(purge=true) and an empty dictionary, every variable of this kind is removed.
    type: dict
  state:
    description:
      - V(present) creates or updates the variables, V(absent) removes them whatever their value.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - Remove every variable of this kind and level that is not given. Only with O(state=present).
    type: bool
    default: false
  show_values:
    description:
      - Show variable values in the result and the diff instead of masking them.
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Set one environment variable on a fleet
  balena.cloud.balena_env_var:
    fleet: myorg/signage
    name: LOG_LEVEL
    value: debug

- name: Make these the only device environment variables of a device
  balena.cloud.balena_env_var:
    device: 6b05e5bba28df79d5eab5e1aa2c6300b
    variables:
      SCREEN_ROTATION: 90
      KIOSK_URL: https://example.com/board
    purge: true

- name: Set a configuration variable for the whole fleet
  balena.cloud.balena_env_var:
    fleet: myorg/signage
    kind: config
    name: BALENA_SUPERVISOR_POLL_INTERVAL
    value: "900000"

- name: Set a variable of the "player" service on one device
  balena.cloud.balena_env_var:
    device: 6b05e5bba28df79d5eab5e1aa2c6300b
    service: player
    name: VOLUME
    value: 40

- name: Set two variables on every device of a fleet tagged for the lobby
  balena.cloud.balena_env_var:
    selector:
      fleet: myorg/signage
      tags:
        site: lobby
    variables:
      KIOSK_URL: https://example.com/lobby
      SCREEN_ROTATION: "0"

- name: Set a service variable on a list of devices, one write at a time
  balena.cloud.balena_env_var:
    uuids:
      - 6b05e5bba28df79d5eab5e1aa2c6300b
      - 94a329f30eb108ad88dcc8741b342c12
    service: player
    name: VOLUME
    value: "25"
    parallel: 1

- name: Remove a build variable
  balena.cloud.balena_env_var:
    fleet: myorg/signage
    kind: build
    name: NPM_TOKEN
    state: absent

- name: Authenticate once for a block of balena tasks
  module_defaults:
    group/balena.cloud.balena:
      api_url: https://api.balena-cloud.com
      api_key: "{{ lookup('ansible.builtin.env', 'BALENA_API_KEY') }}"
  block:
    - name: Set the time zone of every device of a fleet
      balena.cloud.balena_env_var:
        fleet: myorg/signage
        variables:
          TZ: Europe/Berlin
"""

RETURN = r"""
applied:
  description:
    - What a failed task had already written when it stopped, by target (a device uuid, a fleet slug, a release
      commit, a service), the options, view keys, tag keys (as C(tags.<key>) when the module also changes other
      things) or variable names that took effect.
    - A failed task with entries here reports C(changed=true).
  returned: when the task failed after it started writing
  type: dict
  sample:
    myorg/signage:
      - LOG_LEVEL
not_applied:
  description:
    - What a failed task meant to write but did not, by target, in the same words as RV(applied); this includes
      rows the API accepted but left unchanged because the API key may only read them (the message then names the
      fleet and says C(read-only access)).
  returned: when the task failed after it started writing
  type: dict
  sample:
    myorg/signage:
      - KIOSK_URL
added:
  description: Names of the variables that were created (or would be, in check mode).
  returned: always
  type: list
  elements: str
  sample:
    - KIOSK_URL
updated:
  description: Names of the variables whose value was changed.
  returned: always
  type: list
  elements: str
  sample:
    - SCREEN_ROTATION
removed:
  description: Names of the variables that were removed.
  returned: always
  type: list
  elements: str
  sample: []
untouched:
  description: Names of the existing variables that were left as they were.
  returned: always
  type: list
  elements: str
  sample:
    - LOG_LEVEL
variables:
  description:
    - Every variable of this kind and level after the change, values masked unless O(show_values=true).
  returned: unless O(uuids) or O(selector) is used
  type: dict
  sample:
    KIOSK_URL: '********'
    LOG_LEVEL: '********'
    SCREEN_ROTATION: '********'
targets:
  description:
    - The parent whose variables were managed (one per device with O(uuids) or O(selector)), with its id, name
      (a device's uuid) and the names per outcome.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 16
      name: myorg/signage
      added: []
      updated: []
      removed: []
      untouched:
        - LOG_LEVEL
"""

from ansible_collections.balena.cloud.plugins.module_utils import parents
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils import device_selection
from ansible_collections.balena.cloud.plugins.module_utils.keyed_module import (
    DEVICES_SPEC,
    STATE_AND_PURGE_SPEC,
    KeyedValuesModule,
    as_value,
)
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import VARIABLES


class EnvVarModule(KeyedValuesModule):
    argument_spec = dict(
        STATE_AND_PURGE_SPEC,
        **DEVICES_SPEC,
        kind={"type": "str", "default": "env", "choices": ["env", "config", "build"]},
        fleet={"type": "str"},
        device={"type": "str"},
        service={"type": "str"},
        name={"type": "str"},
        value={"type": "raw"},
        variables={"type": "dict"},
        show_values={"type": "bool", "default": False},
    )
    module_options = {
        "mutually_exclusive": [["fleet", "device", "uuids", "selector"], ["name", "variables"]],
        "required_one_of": [["fleet", "device", "uuids", "selector"], ["name", "variables"]],
        "required_by": {"value": "name"},
    }
    hidden_options = ("value", "variables")
    result_key = "variables"
    values_are_secret = True

    def show_values(self):
        return self.params["show_values"]

    def level(self):
        owner = "fleet" if self.params["fleet"] is not None else "device"
        return owner + "_service" if self.params["service"] is not None else owner

    def keyed_rows(self):
        kind, level = self.params["kind"], self.level()
        if (kind, level) not in VARIABLES:
            where = "a service" if level.endswith("_service") else "a " + level
            raise ParameterError("kind", "{0} variables cannot be set on {1}".format(kind, where))
        return VARIABLES[(kind, level)]

    def parents_description(self):
        if self.several_targets():
            devices = device_selection.describe(self.params)
            return devices if self.params["service"] is None else "service {0} on {1}".format(self.params["service"], devices)
        owner = "fleet {0}".format(self.params["fleet"]) if self.params["fleet"] is not None else "device {0}".format(self.params["device"])
        if self.params["service"] is not None:
            return "service {0} of {1}".format(self.params["service"], owner)
        return owner

    def find_parents(self, keyed):
        balena, level, service = self.client, self.level(), self.params["service"]
        if self.several_targets():
            return self.find_devices(keyed, service)
        if level == "fleet":
            return parents.fleet(balena, keyed, self.params["fleet"])
        if level == "device":
            return parents.device(balena, keyed, self.params["device"])
        if level == "fleet_service":
            return parents.fleet_service(balena, keyed, self.params["fleet"], service)
        return parents.device_service(balena, keyed, self.params["device"], service)

    def desired(self):
        show = self.show_values()
        if self.params["name"] is not None:
            return {self.params["name"]: as_value(self.params["name"], self.params["value"], "value", self.module.warn, show)}, "name"
        return {name: as_value(name, value, "variables", self.module.warn, show) for name, value in self.params["variables"].items()}, "variables"


def main():
    EnvVarModule.main()


if __name__ == "__main__":
    main()
