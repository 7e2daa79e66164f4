#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_ssh_key
short_description: Manage the SSH public keys of a balena user
version_added: 1.0.0
description:
  - Adds, retitles and removes an SSH public key of the user behind O(api_key). balena gives these keys access
    to the user's devices over C(balena ssh), and the C(cloudlink) and C(local) connection modes use them.
  - A key is identified by its type and key data. A different O(title), or a different comment at the end of
    O(public_key), changes the stored key instead of adding a second one.
  - The key is checked before anything is sent (a known type, valid base64 data that names that type and holds
    every field of it, whole (a 32-byte ed25519 key; the exponent and modulus of an RSA key; the curve name and
    point of an ECDSA key; and the application of a security-key C(sk-*) key), so a truncated key is refused).
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
options:
  public_key:
    description:
      - The public key as one line in OpenSSH form, C(type data [comment]), for example the contents of
        C(~/.ssh/id_ed25519.pub).
    type: str
    required: true
  title:
    description:
      - The name balena shows for the key; at most 120 characters.
      - Defaults to the key's comment when a new key is added. An existing key keeps its title when not given.
    type: str
  state:
    description:
      - V(present) adds the key or changes its title and comment; V(absent) removes it.
    type: str
    choices: [present, absent]
    default: present
"""

EXAMPLES = r"""
- name: Add the laptop's key so that balena ssh and the cloudlink connection work from it
  balena.cloud.balena_ssh_key:
    title: jane's laptop
    public_key: "{{ lookup('ansible.builtin.file', '~/.ssh/id_ed25519.pub') }}"

- name: Remove a key that left with an old laptop
  balena.cloud.balena_ssh_key:
    public_key: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIHdvcmtzdGF0aW9uLWtleS10aGF0LWxlZnQtdXMhISEh old-laptop
    state: absent
"""

RETURN = r"""
ssh_key:
  description:
    - The key after the change (in check mode, as it would be).
    - Absent after O(state=absent).
  returned: when O(state=present)
  type: dict
  contains:
    id:
      description: Numeric id of the key (absent for a key check mode would add).
      type: int
      sample: 12
    title:
      description: The key's title.
      type: str
      sample: jane's laptop
    public_key:
      description: The key as stored, C(type data comment).
      type: str
      sample: ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGRlbW8tZW11bGF0b3ItcHVibGljLWtleS1vbmx5 jane@laptop
    fingerprint:
      description: The key's SHA256 fingerprint, as C(ssh-keygen -l) prints it.
      type: str
      sample: SHA256:Zm9vYmFyYmF6cXV4Zm9vYmFyYmF6cXV4Zm9vYmFyYmE
    user:
      description: Username of the key's owner.
      type: str
      sample: jane
    user_id:
      description: Numeric id of that user.
      type: int
      sample: 5
"""

from ansible_collections.balena.cloud.plugins.module_utils.account import caller
from ansible_collections.balena.cloud.plugins.module_utils.base import ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.ssh_keys import fingerprint, parse, parse_stored

RESOURCE = "user__has__public_key"
FIELDS = ["id", "title", "public_key"]
TITLE_LIMIT = 120


class SshKeyModule(ResourceModule):
    argument_spec = {
        "public_key": {"type": "str", "required": True, "no_log": False},
        "title": {"type": "str"},
        "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    }
    noun = "ssh_key"

    def __init__(self, module=None):
        super().__init__(module)
        self.key = None
        self.user = None
        self.current = None

    def describe_target(self):
        self.key = self.key or parse(self.params["public_key"])
        title = self.params["title"]
        if title is not None and not (title.strip() and len(title) <= TITLE_LIMIT):
            raise ParameterError("title", "must be 1 to {0} characters long".format(TITLE_LIMIT))
        return "SSH key {0}".format(fingerprint(self.key))

    def find(self):
        self.user = caller(self.client)
        rows = self.client.pine.get({"resource": RESOURCE, "options": {
            "$select": FIELDS, "$filter": {"user": self.user["id"]}, "$orderby": "id asc"}})
        same = [row for row in rows if _material(row["public_key"]) == self.key.material]
        if len(same) > 1:
            raise ParameterError("public_key", "user {0} has {1} copies of this key (ids {2}); remove all but one".format(
                self.user["username"], len(same), ", ".join(str(row["id"]) for row in same)))
        self.current = same[0] if same else None
        return self.current

    def desired(self):
        title = self.params["title"]
        if self.params["state"] == "present" and title is None and self.key.comment:
            title = self.key.comment
        wanted = {"public_key": self.key.line}
        if title is not None:
            wanted["title"] = title
        elif self.current is None:
            raise ParameterError("title", "is required to add a key that has no comment to take it from")
        return wanted

    def create(self, desired):
        return self.client.models.key.create(desired["title"], desired["public_key"])

    def update(self, current, changes):
        self.client.pine.patch({"resource": RESOURCE, "id": current["id"], "body": changes})

    def delete(self, current):
        self.client.models.key.remove(current["id"])

    def reread(self, object_id):
        return self.client.pine.get({"resource": RESOURCE, "id": object_id, "options": {"$select": FIELDS}})

    def present(self, obj):
        shown = {field: obj[field] for field in FIELDS if field in obj}
        stored = parse_stored(shown.get("public_key"))
        shown["fingerprint"] = fingerprint(stored) if stored else None
        shown.update(user=self.user["username"], user_id=self.user["id"])
        return shown


def _material(stored_line):
    stored = parse_stored(stored_line)
    return stored.material if stored else None


def main():
    SshKeyModule.main()


if __name__ == "__main__":
    main()
