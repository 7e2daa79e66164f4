#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_os_version_info
short_description: List balenaOS versions of a device type, the updates of a device, and supervisor releases
version_added: 1.0.0
description:
  - Returns the balenaOS releases of a device type, newest first, with their variant (C(prod) or C(dev)),
    release line (the default line or ESR), ESR phase and whether balena recommends them.
  - With O(device), the OS versions that device may update to from the version it runs.
  - With O(cpu_architecture), the supervisor releases of that CPU architecture.
  - O(version) picks one release the way M(balena.cloud.balena_os_config) and M(balena.cloud.balena_os_image)
    do, so a play can check its choice before it downloads anything.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.INFO_MODULE
options:
  device_type:
    description:
      - Slug or alias of the device type. Required unless O(device) or O(cpu_architecture) is set.
    type: str
  device:
    description:
      - Uuid or numeric id of a device; its device type is used and RV(device_update) lists the OS versions
        it may update to.
    type: str
  version:
    description:
      - Only the release this names, in RV(os_versions) (one element at most), or fail naming it.
      - A full version (C(2.88.4+rev1.prod), C(v6.0.13)), a version without its variant (C(2.88.4+rev1)),
        a range (C(^5.0.0), C(>=2.100.0 <3.0.0)), or V(latest) or V(recommended).
    type: str
  variant:
    description:
      - Only releases of this variant. Without it, a choice by O(version) prefers V(prod).
    type: str
    choices: [prod, dev]
  os_type:
    description:
      - Only releases of this line. Without it, every line.
    type: str
    choices: [default, esr]
  include_invalid:
    description:
      - Also list drafts, failed and invalidated releases.
    type: bool
    default: false
  cpu_architecture:
    description:
      - Slug of a CPU architecture (such as C(aarch64)) whose supervisor releases to list in RV(supervisor_releases).
    type: str
"""

EXAMPLES = r"""
- name: List the balenaOS versions of a Raspberry Pi 4
  balena.cloud.balena_os_version_info:
    device_type: raspberrypi4-64
  register: os

- name: Pick the recommended production release
  balena.cloud.balena_os_version_info:
    device_type: raspberrypi4-64
    version: recommended
    variant: prod
  register: chosen

- name: Which OS versions may this device update to?
  balena.cloud.balena_os_version_info:
    device: 7f3c5bd0e1a94c2e8d3b6a1f0c9e8d7b
  register: updates

- name: Supervisor releases for 64-bit ARM
  balena.cloud.balena_os_version_info:
    cpu_architecture: aarch64
  register: supervisors
"""

RETURN = r"""
device_type:
  description: Slug of the device type the versions are of.
  returned: when O(device_type) or O(device) is set
  type: str
  sample: raspberrypi4-64
os_versions:
  description: The balenaOS releases, newest first (with O(device), only those it may update to).
  returned: when O(device_type) or O(device) is set
  type: list
  elements: dict
  contains:
    version:
      description: The full version, as balena stores it and as the other modules accept it.
      type: str
      sample: 2.88.4+rev1.prod
    stripped_version:
      description: The version without its variant.
      type: str
      sample: 2.88.4+rev1
    variant:
      description: C(prod) or C(dev).
      type: str
      sample: prod
    os_type:
      description: The release line, C(default) or C(esr).
      type: str
      sample: default
    line:
      description: For ESR releases, C(next), C(current), C(sunset) or C(outdated); otherwise null.
      type: str
      sample: null
    is_recommended:
      description: Whether this is the release balena recommends on its line.
      type: bool
      sample: true
    known_issue_list:
      description: Known issues, or null.
      type: str
      sample: null
    id:
      description: Numeric id of the release.
      type: int
      sample: 4021
device_update:
  description: The OS update options of O(device).
  returned: when O(device) is set
  type: dict
  contains:
    uuid:
      description: The device's uuid.
      type: str
    current:
      description: The release the device runs, when it is one of the listed ones.
      type: str
      sample: 5.1.20+prod
    recommended:
      description: The newest version the device may update to that is not a pre-release.
      type: str
      sample: 6.0.13+prod
    versions:
      description: Every version it may update to.
      type: list
      elements: str
supervisor_releases:
  description: The supervisor releases of O(cpu_architecture), newest first.
  returned: when O(cpu_architecture) is set
  type: list
  elements: dict
  contains:
    version:
      description: The supervisor version.
      type: str
      sample: 17.0.3
    id:
      description: Numeric id of the release.
      type: int
    known_issue_list:
      description: Known issues, or null.
      type: str
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.os_version_choice import choose_release, version_view
from ansible_collections.balena.cloud.plugins.module_utils.os_targets import device_type_slug, find_device
from ansible_collections.balena.cloud.plugins.module_utils.sdk.semver_tools import with_variant


class OsVersionInfoModule(BalenaModule):
    argument_spec = {
        "device_type": {"type": "str"},
        "device": {"type": "str"},
        "version": {"type": "str"},
        "variant": {"type": "str", "choices": ["prod", "dev"]},
        "os_type": {"type": "str", "choices": ["default", "esr"]},
        "include_invalid": {"type": "bool", "default": False},
        "cpu_architecture": {"type": "str"},
    }
    module_options = {"required_one_of": [["device_type", "device", "cpu_architecture"]],
                      "mutually_exclusive": [["device_type", "device"]]}

    def run(self):
        result = {"changed": False}
        params = self.params
        if params["device"] is not None or params["device_type"] is not None:
            result.update(self.os_versions())
        if params["cpu_architecture"] is not None:
            result["supervisor_releases"] = self.supervisor_releases(params["cpu_architecture"])
        return result

    def os_versions(self):
        params = self.params
        os_model = self.client.models.os
        device = self.device() if params["device"] is not None else None
        slug = device["is_of__device_type"][0]["slug"] if device else device_type_slug(self, params["device_type"])
        with self.step("listing the balenaOS versions of device type " + slug):
            releases = (os_model.get_all_os_versions(slug) if params["include_invalid"]
                        else os_model.get_available_os_versions(slug))
        releases = [r for r in releases if params["os_type"] is None or r.get("os_type") == params["os_type"]]
        result = {"device_type": slug}
        if device is not None:
            with self.step("listing the OS updates of device " + device["uuid"]):
                running = with_variant(device.get("os_version"), device.get("os_variant")) or ""
                update = os_model.get_supported_os_update_versions(slug, running)
            update["uuid"] = device["uuid"]
            result["device_update"] = update
            releases = [r for r in releases if r["raw_version"] in update["versions"]]
        if params["version"] is not None:
            releases = [choose_release(releases, slug, params["version"], params["variant"])]
        elif params["variant"] is not None:
            releases = [r for r in releases if r.get("variant") in (params["variant"], None)]
        result["os_versions"] = [version_view(r) for r in releases]
        return result

    def device(self):
        options = {"$select": ["id", "uuid", "os_version", "os_variant"], "$expand": {"is_of__device_type": {"$select": "slug"}}}
        return find_device(self, self.params["device"], options)

    def supervisor_releases(self, architecture):
        pine = self.client.pine
        with self.step("looking up CPU architecture " + architecture):
            known = pine.get({"resource": "cpu_architecture", "options": {"$select": "id", "$filter": {"slug": architecture}}})
        if not known:
            raise ParameterError("cpu_architecture", "no CPU architecture is named {0!r}".format(architecture))
        with self.step("listing the supervisor releases of " + architecture):
            rows = self.client.models.os.get_supervisor_releases_for_cpu_architecture(architecture)
        return [{"version": row["raw_version"], "id": row["id"], "known_issue_list": row.get("known_issue_list")} for row in rows]


def main():
    OsVersionInfoModule.main()


if __name__ == "__main__":
    main()
