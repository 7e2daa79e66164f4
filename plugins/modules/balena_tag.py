#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_tag
short_description: Manage tags of balena fleets, devices, releases and organization memberships
version_added: 1.0.0
description:
  - Sets or removes tags (C(key = value) labels) on a fleet, a device, many devices at once (listed with
    O(uuids) or chosen with O(selector)), a release or an organization membership.
  - With O(purge=true) the given tags become the complete set, and every other tag is removed.
  - The current tags are read in one request (one per 100 listed devices, or per page of a selector); changes
    are written with as few requests as the API allows (one removal request and one request per distinct
    updated value, for as many rows as fit in one URL), and one request per new tag, O(parallel) of them at a
    time.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
  - balena.cloud.device_selection
options:
  fleet:
    description:
      - The fleet whose tags to manage, by slug (C(org/name)), uuid or numeric id.
      - Exactly one of O(fleet), O(device), O(uuids), O(selector), O(release) and O(organization_membership) is
        required.
    type: str
  device:
    description:
      - The device whose tags to manage, by full uuid or numeric id.
    type: str
  uuids:
    description:
      - Many devices, by full uuid or numeric id, that all get the same tags.
      - Every device must exist; nothing is changed otherwise.
    type: list
    elements: str
    aliases: [devices]
  parallel:
    description:
      - How many requests creating new tags go out at the same time; V(1) sends them one after the other.
      - Removals and updates are batched and not affected.
    type: int
    default: 8
  release:
    description:
      - The release whose tags to manage, by commit or numeric id.
    type: str
  organization_membership:
    description:
      - The numeric id of the organization membership whose tags to manage.
    type: int
  tags:
    description:
      - Tags as a dictionary of keys and values.
      - With O(state=absent) only the keys matter.
      - With O(purge=true) and an empty dictionary, every tag is removed.
    type: dict
    required: true
  state:
    description:
      - V(present) creates or updates the tags, V(absent) removes them whatever their value.
    type: str
    choices: [present, absent]
    default: present
  purge:
    description:
      - Remove every tag that is not in O(tags). Only with O(state=present).
    type: bool
    default: false
"""

EXAMPLES = r"""
- name: Tag a fleet
  balena.cloud.balena_tag:
    fleet: myorg/signage
    tags:
      customer: city-museum
      tier: production

- name: Tag many devices at once
  balena.cloud.balena_tag:
    uuids:
      - 6b05e5bba28df79d5eab5e1aa2c6300b
      - 94a329f30eb108ad88dcc8741b342c12
    tags:
      site: berlin

- name: Tag every online device of a fleet
  balena.cloud.balena_tag:
    selector:
      fleet: myorg/signage
      online: true
    tags:
      audited: "2026-12"

- name: Make these the only tags of a release
  balena.cloud.balena_tag:
    release: f14ab6f048ecb540a2b22509a81161fd
    tags:
      qa: passed
    purge: true

- name: Remove a tag from a device
  balena.cloud.balena_tag:
    device: 6b05e5bba28df79d5eab5e1aa2c6300b
    tags:
      maintenance: ""
    state: absent
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
  description: Keys of the tags that were created (or would be, in check mode), on at least one target.
  returned: always
  type: list
  elements: str
  sample:
    - site
updated:
  description: Keys of the tags whose value was changed, on at least one target.
  returned: always
  type: list
  elements: str
  sample:
    - tier
removed:
  description: Keys of the tags that were removed, from at least one target.
  returned: always
  type: list
  elements: str
  sample: []
untouched:
  description: Keys of existing tags that were left as they were, on at least one target.
  returned: always
  type: list
  elements: str
  sample:
    - customer
tags:
  description: Every tag of the target after the change.
  returned: unless O(uuids) or O(selector) is used
  type: dict
  sample:
    customer: city-museum
    tier: production
targets:
  description: One entry per fleet, device, release or membership, with its id, name and the keys per outcome.
  returned: always
  type: list
  elements: dict
  sample:
    - id: 1
      name: 6b05e5bba28df79d5eab5e1aa2c6300b
      added:
        - site
      updated: []
      removed: []
      untouched: []
"""

from ansible_collections.balena.cloud.plugins.module_utils import device_selection, parents
from ansible_collections.balena.cloud.plugins.module_utils.keyed_module import (
    DEVICES_SPEC,
    STATE_AND_PURGE_SPEC,
    KeyedValuesModule,
    tag_values,
)
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS

TARGET_OPTIONS = ["fleet", "device", "uuids", "selector", "release", "organization_membership"]


class TagModule(KeyedValuesModule):
    argument_spec = dict(
        STATE_AND_PURGE_SPEC,
        **dict(DEVICES_SPEC, uuids=dict(DEVICES_SPEC["uuids"], aliases=["devices"])),
        fleet={"type": "str"},
        device={"type": "str"},
        release={"type": "str"},
        organization_membership={"type": "int"},
        tags={"type": "dict", "required": True},
    )
    module_options = {
        "mutually_exclusive": [TARGET_OPTIONS],
        "required_one_of": [TARGET_OPTIONS],
    }
    result_key = "tags"

    def target_option(self):
        return next(option for option in TARGET_OPTIONS if self.params[option] is not None)

    def keyed_rows(self):
        option = self.target_option()
        return TAGS["device" if self.several_targets() else option]

    def parents_description(self):
        option = self.target_option()
        if self.several_targets():
            return device_selection.describe(self.params)
        return "{0} {1}".format(option.replace("_", " "), self.params[option])

    def find_parents(self, keyed):
        if self.several_targets():
            return self.find_devices(keyed)
        option = self.target_option()
        finder = getattr(parents, option)
        return finder(self.client, keyed, self.params[option])

    def desired(self):
        return tag_values(self.params["tags"], self.module.warn), "tags"


def main():
    TagModule.main()


if __name__ == "__main__":
    main()
