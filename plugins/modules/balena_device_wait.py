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
  - A device that can no longer converge fails the wait, that is one whose release update the API shows as given
    up (C(update_status) C(aborted) or C(rejected)) while O(release) or O(update_finished) is waited for, one whose
    host OS update failed (its C(provisioning_state) says C(OS update failed)) while O(os_version) is waited for,
    or one that was deleted. It is not polled again, and the wait goes on only while other devices may still
    converge, then fails naming each failed device and why.
  - The API does not say for which release an update was given up. So with O(release), O(os_version) or
    O(supervisor_version), an update the device had given up before the wait began does not count (it may be
    about an earlier target, and the device tries a new one again); only one it gives up during the wait does, and a
    device that does not try again is named when the wait times out. With only O(update_finished) (or
    O(online)), an update given up before the wait fails the wait at once, as the device is not updating.
  - Fails when O(wait_timeout) passes first, naming the devices that did not converge and where they are;
    the devices that did are returned too.
  - Before polling, checks that O(release) is a successful release of the fleet of every chosen device, that
    O(os_version) is available for their device types and O(supervisor_version) for their CPU architectures, and
    fails naming the option otherwise.
  - Changes nothing.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.device_selection
  - balena.cloud.attributes.INFO_MODULE
attributes:
  check_mode:
    description: In check mode, reads the devices once and reports what would be waited for, without polling.
    support: full
    details:
      - The result sorts the devices as that one read finds them (C(converged), C(failed_devices), C(pending) with where they
        are now), and the task does not fail for devices that have not converged yet.
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
      - Seconds between two polls; at least 0.2.
    type: float
    default: 10
  fail_on_empty:
    description:
      - What happens when O(selector) matches no device or O(uuids) is an empty list. A fleet or device type the
        selector names that does not exist is always a failure naming it; a selection that only matches nothing is
        a failure, or with V(false) a warning, and the wait succeeds at once.
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
    release: 8a962e0acee69b0e59e2014d77392ebb

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
failed_devices:
  description:
    - The devices that can no longer converge (empty on success), why, and where they are.
    - Each has the keys of an entry of RV(pending), and C(reason) and C(after) besides.
    - A device whose update was aborted is here even when O(update_finished=true), though its status is idle again.
  returned: always
  type: list
  elements: dict
  contains:
    reason:
      description: Why it can no longer converge, C(update aborted), C(update rejected), C(OS update failed) or C(deleted).
      type: str
      sample: update aborted
    after:
      description: Seconds from the start of the wait to the poll that saw it.
      type: float
      sample: 12.5
  sample: [{"uuid": "1e3f89c20b47ec8b60e75a938cdf3f15", "reason": "update aborted", "after": 12.5, "is_online": true,
            "overall_status": "operational", "update_status": "aborted"}]
pending:
  description: The devices that did not converge and might still have (empty on success), and where they are.
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
  description: How many times the devices were read (1 in check mode).
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
from ansible_collections.balena.cloud.plugins.module_utils.device_waiter import DeviceWaiter, check_seconds
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.wait_targets import TARGET_EXPAND, TARGET_FIELDS, check_targets

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
            raise ParameterError(", ".join(CONDITION_OPTIONS), "none of these is given (update_finished only counts when "
                                                               "true): there is nothing to wait for")
        check_seconds(params, interval="interval")
        return conditions

    def devices(self):
        params = self.params
        options = {"$select": WAIT_OPTIONS["$select"] + TARGET_FIELDS, "$expand": dict(WAIT_OPTIONS["$expand"], **TARGET_EXPAND),
                   "$orderby": "id asc"}
        with self.step("reading " + describe(params)):
            if params["uuid"] is not None:
                return listed(self.client.pine, [params["uuid"]], options, parameter="uuid")
            if params["uuids"] is not None:
                return listed(self.client.pine, params["uuids"], options) if params["uuids"] else self.empty_list()
            return select(self, options)

    def empty_list(self):
        """An empty O(uuids) is a failure, or with fail_on_empty=false a warning."""
        if self.params["fail_on_empty"]:
            raise ParameterError("uuids", "lists no device; set fail_on_empty: false to accept an empty list")
        self.module.warn("uuids lists no device: there is nothing to wait for")
        return []

    def run(self):
        conditions = self.conditions()
        rows = self.devices()
        with self.step("checking what " + describe(self.params) + " should run"):
            check_targets(self.client, rows, self.params)
        # An update given up before the wait may concern an earlier target: the API does not say for which
        # release, so while waiting for a named target only one given up during the wait counts.
        waiter = DeviceWaiter(self.client.pine, conditions, self.params["wait_timeout"], self.params["interval"],
                              earlier_failures=not any(condition.names_target for condition in conditions))
        if not rows:   # an empty selection was explained (a failure unless fail_on_empty=false)
            return dict(waiter.wait([]).as_dict(), changed=False)
        if self.check_mode:   # what would be waited for, and where the devices are now: no polling
            return dict(waiter.wait(rows, once=True).as_dict(), changed=False)
        with self.step("waiting for " + describe(self.params)):
            result = waiter.wait(rows)
        if not result.done:
            self.fail(result.message(self.params["wait_timeout"]), **dict(result.as_dict(), changed=False))
        return dict(result.as_dict(), changed=False)


def main():
    DeviceWaitModule.main()


if __name__ == "__main__":
    main()
