#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_wait
short_description: Wait until balena devices are online, offline, on a release, OS or supervisor, or done updating
version_added: 1.0.0
description:
  - Waits until every chosen device meets all the given conditions, polling the API every O(interval)
    seconds for up to O(wait_timeout) seconds.
  - Each poll reads only the devices that have not converged yet, one request per 500 devices, however
    many devices are waited for.
  - Fails when O(wait_timeout) passes first, naming the devices that did not converge and where they are;
    the devices that did are returned too.
  - Changes nothing.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.device_selection
  - balena.cloud.attributes.INFO_MODULE
options:
  uuid:
    description:
      - One device, by full uuid or numeric id.
    type: str
  online:
    description:
      - Wait until the devices are online (V(true)) or offline (V(false)), as C(is_online) says (the field
        the inventory reads).
    type: bool
  release:
    description:
      - Wait until the devices run this release, by commit (full, or its first 7 characters or more) or
        version (such as C(1.2.0) or C(1.2.0+rev2)).
    type: str
  os_version:
    description:
      - Wait until the devices run this balenaOS version, such as C(6.0.13) or C(balenaOS 6.0.13).
    type: str
  supervisor_version:
    description:
      - Wait until the devices run this supervisor version, such as C(17.0.3).
    type: str
  update_finished:
    description:
      - Wait until the devices have finished updating (their status is idle again, C(operational)).
    type: bool
    default: false
  wait_timeout:
    description:
      - How many seconds to wait at most.
      - Named so because O(timeout) is the time one API request may take, for every module of the group.
    type: float
    default: 600
  interval:
    description:
      - Seconds between two polls.
    type: float
    default: 10
  fail_on_empty:
    description:
      - What happens when O(selector) matches no device. A fleet or device type it names that does not exist
        is always a failure naming it; a selector that only matches nothing is a failure, or with V(false) a
        warning, and the wait succeeds at once.
      - Unlike the modules that change devices, the default is V(true) here, since waiting for no device is
        most likely a mistake in the selector.
    type: bool
    default: true
notes:
  - At least one of O(online), O(release), O(os_version), O(supervisor_version) and O(update_finished=true)
    is required; when several are given, every one must hold.
"""

EXAMPLES = r"""
- name: Pin the canary devices to a release
  balena.cloud.balena_device:
    selector:
      fleet: myorg/signage
      tags:
        ring: canary
    pinned_release: 8a962e0acee69b0e59e2014d77392ebb

- name: Wait until they all run it and have finished updating
  balena.cloud.balena_device_wait:
    selector:
      fleet: myorg/signage
      tags:
        ring: canary
    release: 8a962e0
    update_finished: true
    wait_timeout: 1800
    interval: 30
  register: canaries

- name: Wait for two devices to come back online after a reboot
  balena.cloud.balena_device_wait:
    uuids:
      - b05e5bba28df79d5eab5e1aa2c6300be
      - 1e3f89c20b47ec8b60e75a938cdf3f15
    online: true
    wait_timeout: 300

- name: Wait for a device to run balenaOS 6.0.13
  balena.cloud.balena_device_wait:
    uuid: b05e5bba28df79d5eab5e1aa2c6300be
    os_version: 6.0.13
"""

RETURN = r"""
converged:
  description: The devices that met every condition, in the order the waiter saw them do so.
  returned: always
  type: list
  elements: dict
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
    seen_at:
      description: When the waiter first saw the device meet the conditions (UTC, ISO 8601).
      type: str
      sample: "2030-01-31T12:00:42.123Z"
    after:
      description: Seconds from the start of the wait to that poll.
      type: float
      sample: 42.0
pending:
  description: The devices that did not converge (empty on success), and where they are.
  returned: always
  type: list
  elements: dict
  contains:
    id:
      description: Numeric id of the device.
      type: int
    uuid:
      description: The device's uuid.
      type: str
    device_name:
      description: The device's name.
      type: str
    is_online:
      description: Whether the device is online.
      type: bool
    overall_status:
      description: The status the dashboard shows, such as C(updating) or C(operational).
      type: str
    running_release:
      description: Commit of the release the device runs.
      type: str
    os_version:
      description: The device's balenaOS version.
      type: str
    supervisor_version:
      description: The device's supervisor version.
      type: str
    update_status:
      description: The last update status the device reported, such as C(downloading) or C(aborted).
      type: str
  sample: [{"uuid": "1e3f89c20b47ec8b60e75a938cdf3f15", "is_online": false, "overall_status": "disconnected"}]
polls:
  description: How many times the devices were read.
  returned: always
  type: int
  sample: 5
elapsed:
  description: Seconds the wait took.
  returned: always
  type: float
  sample: 42.3
waited_for:
  description: The conditions, in words.
  returned: always
  type: str
  sample: running release 8a962e0 and update finished
"""

from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_conditions import WAIT_OPTIONS, conditions_from
from ansible_collections.balena.cloud.plugins.module_utils.device_selection import SELECTOR_SPEC, describe, listed, select
from ansible_collections.balena.cloud.plugins.module_utils.device_waiter import DeviceWaiter
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError

CONDITION_OPTIONS = ("online", "release", "os_version", "supervisor_version", "update_finished")


class DeviceWaitModule(BalenaModule):
    argument_spec = {
        "uuid": {"type": "str"},
        "uuids": {"type": "list", "elements": "str"},
        "selector": SELECTOR_SPEC,
        "online": {"type": "bool"},
        "release": {"type": "str"},
        "os_version": {"type": "str"},
        "supervisor_version": {"type": "str"},
        "update_finished": {"type": "bool", "default": False},
        "wait_timeout": {"type": "float", "default": 600},
        "interval": {"type": "float", "default": 10},
        "fail_on_empty": {"type": "bool", "default": True},
    }
    module_options = {
        "mutually_exclusive": [["uuid", "uuids", "selector"]],
        "required_one_of": [["uuid", "uuids", "selector"]],
    }

    def conditions(self):
        params = self.params
        conditions = conditions_from(params["online"], params["release"], params["os_version"],
                                     params["supervisor_version"], params["update_finished"])
        if not conditions:
            raise ParameterError("online", "give at least one of online, release, os_version, supervisor_version "
                                           "and update_finished=true: there is nothing to wait for")
        if params["wait_timeout"] < 0:
            raise ParameterError("wait_timeout", "must be 0 or more seconds")
        if params["interval"] <= 0:
            raise ParameterError("interval", "must be more than 0 seconds")
        return conditions

    def devices(self):
        params = self.params
        options = dict(WAIT_OPTIONS, **{"$orderby": "id asc"})
        with self.step("reading " + describe(params)):
            if params["uuid"] is not None:
                return listed(self.client.pine, [params["uuid"]], options, parameter="uuid")
            if params["uuids"] is not None:
                return listed(self.client.pine, params["uuids"], options)
            return select(self, options)

    def run(self):
        conditions = self.conditions()
        rows = self.devices()
        waiter = DeviceWaiter(self.client.pine, conditions, self.params["wait_timeout"], self.params["interval"])
        if not rows:   # an empty selector was explained (a failure unless fail_on_empty=false), an empty list is fine
            return dict(waiter.wait([]).as_dict(), changed=False)
        with self.step("waiting for " + describe(self.params)):
            result = waiter.wait(rows)
        if not result.done:
            self.fail(result.message(self.params["wait_timeout"]), **dict(result.as_dict(), changed=False))
        return dict(result.as_dict(), changed=False)


def main():
    DeviceWaitModule.main()


if __name__ == "__main__":
    main()
