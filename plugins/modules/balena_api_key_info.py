#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_api_key_info
short_description: List the API keys of a balena user, fleet or device, without their values
version_added: 1.0.0
description:
  - Lists the API keys of the user behind O(api_key), the provisioning keys of a fleet (O(fleet)) or the keys
    of a device (O(device)), with their ids, names, descriptions, expiry and creation dates.
  - The values of the keys are never requested from the API and never returned.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  fleet:
    description:
      - Slug or numeric id of the fleet whose provisioning keys to list.
      - Without O(fleet) and O(device), the user's own keys are listed.
    type: str
  device:
    description:
      - Uuid of the device whose keys to list.
    type: str
  name:
    description:
      - Only the keys with this name.
    type: str
seealso:
  - module: balena.cloud.balena_api_key
"""

EXAMPLES = r"""
- name: List the provisioning keys of a fleet
  balena.cloud.balena_api_key_info:
    fleet: myorg/signage
  register: provisioning_keys

- name: Show the keys that expire before 2031
  ansible.builtin.debug:
    msg: "{{ provisioning_keys.api_keys | selectattr('expiry_date') | selectattr('expiry_date', '<', '2031') | map(attribute='name') }}"

- name: List the user's own keys
  balena.cloud.balena_api_key_info:
  register: my_keys
"""

RETURN = r"""
api_keys:
  description: The keys, oldest first, without their values.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id of the key.
      type: int
      sample: 42
    name:
      description: Name of the key, or null.
      type: str
      sample: factory-line-3
    description:
      description: Description of the key, or null.
      type: str
      sample: Provisioning of the units flashed on line 3
    expiry_date:
      description: When the key expires (UTC), or null for never.
      type: str
      sample: "2030-01-31T00:00:00.000Z"
    created_at:
      description: When the key was created (UTC).
      type: str
      sample: "2026-03-01T09:30:00.000Z"
    owner:
      description: Whose key it is, C(user), C(fleet) or C(device).
      type: str
      sample: fleet
    user:
      description: Username of the owner, for a user's key.
      type: str
      sample: jane
    user_id:
      description: Numeric id of that user.
      type: int
      sample: 5
    fleet:
      description: Slug of the fleet, for a fleet's or a device's key.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Numeric id of that fleet.
      type: int
      sample: 16
    device:
      description: Uuid of the device, for a device's key.
      type: str
      sample: 4f2e9b1c7d0a4e3f8b6c5d4e3f2a1b0c
    device_id:
      description: Numeric id of that device.
      type: int
      sample: 210
"""

from ansible_collections.balena.cloud.plugins.module_utils.api_keys import find_owner, keys_of
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule


class ApiKeyInfoModule(BalenaModule):
    argument_spec = {
        "fleet": {"type": "str"},
        "device": {"type": "str"},
        "name": {"type": "str"},
    }
    module_options = {"mutually_exclusive": [["fleet", "device"]]}

    def run(self):
        with self.step("looking up whose keys to list"):
            owner = find_owner(self.client, self.params["fleet"], self.params["device"])
        with self.step("listing the keys of " + owner.describe()):
            keys = keys_of(self.client.pine, owner, self.params["name"])
        return {"changed": False, "api_keys": keys}


def main():
    ApiKeyInfoModule.main()


if __name__ == "__main__":
    main()
