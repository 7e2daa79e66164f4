#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_api_key
short_description: Create, change, rotate and revoke balena API keys
version_added: 1.0.0
description:
  - Manages one named API key of the user behind O(api_key), the provisioning keys of a fleet (O(fleet))
    or the keys of a device (O(device)).
  - A key is identified by its owner and its O(name). When the owner has two or more keys with that name
    the module fails and lists them, rather than guess which one is meant.
  - The value of a key is returned only by the task that creates or rotates it, in RV(key). It is never shown
    in the diff, never in check mode (which creates nothing), and never again afterwards. Register the result
    and set C(no_log) on the task to keep the value out of logs.
  - Changing the keys of a fleet or a device needs the C(developer) or C(operator) role on the fleet, or the
    C(administrator) role in its organization. The role is checked before anything is written, and a refusal
    names the role that is missing.
  - balena creates a user's own named keys only for a recent login session, not for another API key; give such
    a session token as O(api_key) to create or rotate user keys. Changing or revoking them works with an API key.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  name:
    description:
      - Name of the key; at most 50 characters, without whitespace at its start or end. Together with the owner it
        identifies the key.
    type: str
    required: true
  description:
    description:
      - Description of the key; at most 150 characters. An empty string removes it.
    type: str
  expiry_date:
    description:
      - When the key stops working, as an ISO 8601 date such as C(2030-01-31) or C(2030-01-31T12:00:00Z).
      - An empty string makes the key never expire. When not given, a new key never expires and an existing
        key keeps its expiry date.
    type: str
  fleet:
    description:
      - Slug or numeric id of the fleet whose provisioning key this is.
      - Without O(fleet) and O(device), the key is one of the user's own named keys.
    type: str
  device:
    description:
      - Uuid of the device whose key this is.
    type: str
  rotate:
    description:
      - V(true) creates a new key with the same name, description and expiry date, and then revokes the old one.
        The new value is returned in RV(key).
      - Every run with V(true) rotates again, so the task always reports a change.
      - Without an existing key, V(true) simply creates one.
    type: bool
    default: false
  state:
    description:
      - V(present) creates the key or changes its description and expiry date; V(absent) revokes it.
    type: str
    choices: [present, absent]
    default: present
notes:
  - The list of keys, without their values, is what M(balena.cloud.balena_api_key_info) returns.
seealso:
  - module: balena.cloud.balena_api_key_info
"""

EXAMPLES = r"""
- name: Create a provisioning key for a fleet and keep its value out of the logs
  balena.cloud.balena_api_key:
    fleet: myorg/signage
    name: factory-line-3
    description: Provisioning of the units flashed on line 3
    expiry_date: "2030-01-31"
  no_log: true
  register: provisioning

- name: Store the new value where the flashing station reads it (only when it was just created)
  ansible.builtin.copy:
    content: "{{ provisioning.key }}"
    dest: /etc/flasher/provisioning-key
    mode: "0600"
  no_log: true
  when: provisioning.key is defined

- name: Rotate the key; the old value stops working once the new one exists
  balena.cloud.balena_api_key:
    fleet: myorg/signage
    name: factory-line-3
    rotate: true
  no_log: true
  register: rotated

- name: Give a device key a new description
  balena.cloud.balena_api_key:
    device: 4f2e9b1c7d0a4e3f8b6c5d4e3f2a1b0c
    name: diagnostics
    description: Used by the on-site diagnostics laptop

- name: Revoke one of the user's own keys
  balena.cloud.balena_api_key:
    name: ci-pipeline
    state: absent
"""

RETURN = r"""
api_key:
  description:
    - The key after the change (in check mode, as it would be), without its value.
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the key (null for a key check mode would create).
      type: int
      sample: 42
    name:
      description: Name of the key.
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
key:
  description:
    - The value of the key, returned only when this task created or rotated it (never in check mode).
    - Treat it as a secret; see the examples for C(no_log).
  returned: when a key was created or rotated
  type: str
  sample: 0123456789abcdef0123456789abcdef
revoked_id:
  description: Id of the old key that a rotation revoked.
  returned: when a key was rotated
  type: int
  sample: 41
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import caller, require_fleet_write
from ansible_collections.balena.cloud.plugins.module_utils.api_keys import find_owner, keys_of
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.diff import changed_fields, presence_diff, view_diff
from ansible_collections.balena.cloud.plugins.module_utils.errors import OperationError, ParameterError, describe
from ansible_collections.balena.cloud.plugins.module_utils.timestamps import in_future, user_date

NAME_LIMIT = 50
DESCRIPTION_LIMIT = 150


class ApiKeyModule(BalenaModule):
    argument_spec = {
        "name": {"type": "str", "required": True},
        "description": {"type": "str"},
        "expiry_date": {"type": "str"},
        "fleet": {"type": "str"},
        "device": {"type": "str"},
        "rotate": {"type": "bool", "default": False},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    module_options = {"mutually_exclusive": [["fleet", "device"]]}

    def __init__(self, module=None):
        super().__init__(module)
        self.owner = None

    def run(self):
        self._check_text("name", NAME_LIMIT)
        self._check_text("description", DESCRIPTION_LIMIT)
        with self.step("looking up the owner of key {0!r}".format(self.params["name"])):
            self.owner = find_owner(self.client, self.params["fleet"], self.params["device"])
        target = "key {0!r} of {1}".format(self.params["name"], self.owner.describe())
        with self.step("looking up " + target):
            current = self._current()
        if self.params["state"] == "absent":
            return self._absent(current, target)
        wanted = self._desired(current)
        if current is None or self.params["rotate"]:
            return self._create(current, wanted, target)
        changes = changed_fields(current, wanted)
        if not changes:
            return {"changed": False, "api_key": current}
        self._require_write("changing " + target)
        shown = dict(current, **changes)
        diff = view_diff(current, shown)
        if not self.check_mode:
            with self.step("changing " + target):
                self.client.pine.patch({"resource": "api_key", "id": current["id"], "body": changes})
                shown = self._by_id(current["id"]) or shown
        return {"changed": True, "api_key": shown, "diff": diff}

    def _check_text(self, option, limit):
        value = self.params[option]
        if option == "name" and not (value or "").strip():
            raise ParameterError("name", "must not be empty")
        if option == "name" and value != value.strip():
            raise ParameterError("name", "{0!r} begins or ends with whitespace; balena would store it as given, so a key "
                                         "named {1!r} would not match it: remove the whitespace".format(value, value.strip()))
        if value is not None and len(value) > limit:
            raise ParameterError(option, "is {0} characters long; balena allows at most {1}".format(len(value), limit))

    def _current(self):
        found = keys_of(self.client.pine, self.owner, self.params["name"])
        if len(found) > 1:
            listed = ", ".join("id {0} (created {1})".format(key["id"], key["created_at"]) for key in found)
            raise ParameterError("name", "{0} has {1} keys named {2!r}: {3}; rename or revoke all but one".format(
                self.owner.describe(), len(found), self.params["name"], listed))
        return found[0] if found else None

    def _desired(self, current):
        wanted = {}
        if self.params["description"] is not None:
            wanted["description"] = self.params["description"] or None
        expiry = self.params["expiry_date"]
        if expiry is not None:
            wanted["expiry_date"] = user_date(expiry, "expiry_date") if expiry else None
            if wanted["expiry_date"] is not None and wanted["expiry_date"] != (current or {}).get("expiry_date"):
                in_future(wanted["expiry_date"], "expiry_date")
        return wanted

    def _require_write(self, action, creates=False):
        if self.owner.kind == "user" and creates and self.params["api_key"].count(".") != 2:
            # A session token is a JWT (three dot-separated parts); an API key has no dots.
            raise ParameterError("api_key", "{0} needs a login session token: balena creates a user's own keys only "
                                            "for a recent login, not for another API key".format(action))
        if self.owner.kind != "user":
            user = caller(self.client)
            with self.step("checking the role of {0} on fleet {1}".format(user["username"], self.owner.fleet["slug"])):
                require_fleet_write(self.client.pine, self.owner.fleet, user["id"], action, parameter=self.owner.kind)

    def _create(self, current, wanted, target):
        fields = {"description": (current or {}).get("description"), "expiry_date": (current or {}).get("expiry_date")}
        fields.update(wanted)
        verb = "rotating " if current is not None else "creating "
        self._require_write(verb + target, creates=True)
        predicted = dict({"id": None, "name": self.params["name"], "created_at": None, "owner": self.owner.kind},
                         **dict(fields, **self.owner.names))
        diff = presence_diff(current, predicted)
        if self.check_mode:
            return {"changed": True, "api_key": predicted, "diff": diff}
        with self.step(verb + target):
            value = self._new_key(fields)
        with self.step("reading back " + target):
            created = [key for key in keys_of(self.client.pine, self.owner, self.params["name"])
                       if current is None or key["id"] != current["id"]]
        shown = created[-1] if created else predicted
        result = {"changed": True, "api_key": shown, "key": value, "diff": presence_diff(current, shown)}
        if current is not None:
            try:
                with self.step("revoking the old {0} (id {1}) after creating its replacement (id {2})".format(
                        target, current["id"], shown.get("id"))):
                    self.client.models.api_key.revoke(current["id"])
            except OperationError as error:
                # The new key exists: its value is returned with the failure, or it would be lost.
                message, failure = describe(error.error, error.action)
                self.module.fail_json(msg=message + "; the replacement exists, revoke the old key by hand", failure=failure,
                                      api_key=shown, key=value, changed=True, invocation=self.invocation())
            result["revoked_id"] = current["id"]
        return result

    def _new_key(self, fields):
        description, expiry = fields.get("description"), fields.get("expiry_date")
        models, name = self.client.models, self.params["name"]
        if self.owner.kind == "fleet":
            return models.application.generate_provisioning_key(self.owner.names["fleet_id"], name, description, expiry)
        if self.owner.kind == "device":
            return models.device.generate_device_key(self.owner.names["device_id"], name, description, expiry)
        return models.api_key.create(name, description, expiry)

    def _by_id(self, key_id):
        for key in keys_of(self.client.pine, self.owner, self.params["name"]):
            if key["id"] == key_id:
                return key
        return None

    def _absent(self, current, target):
        if current is None:
            return {"changed": False}
        self._require_write("revoking " + target)
        if not self.check_mode:
            with self.step("revoking " + target):
                self.client.models.api_key.revoke(current["id"])
        return {"changed": True, "diff": presence_diff(current, None)}


def main():
    ApiKeyModule.main()


if __name__ == "__main__":
    main()
