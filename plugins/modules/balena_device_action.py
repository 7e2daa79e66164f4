#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device_action
short_description: Reboot, update, identify or otherwise act on balena devices
version_added: 1.0.0
description:
  - Asks the supervisor of one device (O(uuid), O(id)) or of many (O(uuids), O(selector)) to reboot, shut down,
    restart the application, start, stop or restart a service, purge application data, blink its LED, check for
    an update or answer a ping, or starts a host OS update.
  - The devices are read in one request (per 100 listed devices or per page of a selector); then one action is
    sent per online device.
  - Offline devices are not contacted. Each one is reported in RV(devices) with status C(offline), and the task
    fails because of them unless O(ignore_offline=true).
  - O(action=os_update) skips devices that already run O(os_version).
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes.action_module
  - balena.cloud.device_selection
options:
  action:
    description:
      - What the devices should do.
      - V(restart_application) restarts every service; V(start_service), V(stop_service) and V(restart_service)
        act on O(service) only.
      - V(purge) removes the application data of the devices (their volumes).
      - V(identify) blinks the device's LED; V(ping) only checks that the supervisor answers and never reports a change.
      - V(update) makes the supervisor check for a new target release at once.
      - V(os_update) starts a host OS update to O(os_version).
    type: str
    required: true
    choices: [reboot, shutdown, restart_application, start_service, stop_service, restart_service, purge, identify,
              update, ping, os_update]
  uuid:
    description:
      - Full uuid of one device.
    type: str
  id:
    description:
      - Numeric id of one device.
    type: int
  service:
    description:
      - Name of the service to start, stop or restart. Required by those actions.
    type: str
  os_version:
    description:
      - The balenaOS version to update to, such as C(6.0.13). Required by O(action=os_update).
    type: str
  force:
    description:
      - Override the update lock that the application may hold. Only with V(reboot), V(shutdown) and V(update).
    type: bool
    default: false
  ignore_offline:
    description:
      - Succeed even when some devices are offline; they are still listed in RV(devices) with status C(offline).
    type: bool
    default: false
  wait:
    description:
      - Wait until the devices the action was sent to have carried it out, polling them (one request per 500
        devices) every O(wait_interval) seconds for up to O(wait_timeout) seconds, and fail naming those that
        have not.
      - V(os_update) waits until they run O(os_version) and are online; V(reboot) until they are online again
        after going away; V(shutdown) until they are offline; V(update), V(purge), V(restart_application) and the
        service actions until they have finished updating. V(identify) and V(ping) have nothing to wait for.
      - A device that reports after the action that it gave up a release update (C(update_status) C(aborted) or
        C(rejected)), with V(os_update) one whose host OS update failed (C(provisioning_state) C(OS update failed)),
        or one that is deleted, can no longer get there; the wait goes on only while other devices may
        still converge, then fails naming it and why. An update given up before the action does not count.
    type: bool
    default: false
  wait_timeout:
    description:
      - Seconds to wait at most, with O(wait=true).
    type: float
    default: 600
  wait_interval:
    description:
      - Seconds between two polls, with O(wait=true); at least 0.2.
    type: float
    default: 10
notes:
  - O(action=os_update) goes to balena's actions service; against a self-hosted balena API or a local emulator,
    name it with O(actions_url).
"""

EXAMPLES = r"""
- name: Reboot every online device of a fleet, overriding update locks
  balena.cloud.balena_device_action:
    action: reboot
    selector:
      fleet: myorg/signage
      online: true
    force: true

- name: Restart the player service of two devices, even if one is offline
  balena.cloud.balena_device_action:
    action: restart_service
    service: player
    uuids:
      - 6b05e5bba28df79d5eab5e1aa2c6300b
      - 94a329f30eb108ad88dcc8741b342c12
    ignore_offline: true
  register: restarted

- name: Show which devices were offline
  ansible.builtin.debug:
    msg: "{{ restarted.devices | selectattr('status', 'equalto', 'offline') | map(attribute='uuid') | list }}"

- name: Update the host OS of the canary devices, and wait until they run it
  balena.cloud.balena_device_action:
    action: os_update
    os_version: 6.0.13
    selector:
      tags:
        ring: canary
    wait: true
    wait_timeout: 3600
    wait_interval: 30
"""

RETURN = r"""
devices:
  description: One entry per device, in the order the devices were selected.
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
    status:
      description:
        - V(done) the action was sent; V(planned) it would be sent (check mode); V(skipped) nothing was needed;
          V(offline) the device is offline and was not contacted; V(locked) the application holds an update lock;
          V(failed) the device refused or the API failed.
      type: str
      sample: done
    message:
      description: What happened, in words.
      type: str
      sample: already runs balenaOS 6.0.13
  sample: [{"id": 1, "uuid": "b05e5bba28df79d5eab5e1aa2c6300be", "device_name": "lobby-screen", "status": "done", "message": "reboot sent"}]
counts:
  description: How many devices ended in each status.
  returned: always
  type: dict
  sample: {"done": 3, "offline": 1}
wait:
  description:
    - With O(wait=true), what the wait saw, as M(balena.cloud.balena_device_wait) returns it
      (C(converged), C(failed_devices), C(pending), C(polls), C(elapsed), C(waited_for)).
  returned: when O(wait=true) and the action was sent
  type: dict
  sample: {"converged": [{"uuid": "b05e5bba28df79d5eab5e1aa2c6300be", "after": 42.0}], "pending": [], "polls": 5}
"""

from ansible_collections.balena.cloud.plugins.module_utils import device_selection
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_changes import bare_os_version, pick_os_release
from ansible_collections.balena.cloud.plugins.module_utils.device_conditions import back_online, conditions_from
from ansible_collections.balena.cloud.plugins.module_utils.device_waiter import WAIT_SPEC, DeviceWaiter, check_wait_options
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError, describe
from ansible_collections.balena.cloud.plugins.module_utils.parents import fleet_of
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import BalenaException, SupervisorLocked
from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.service_details import current_services_expand, with_current_services

ACTIONS = ["reboot", "shutdown", "restart_application", "start_service", "stop_service", "restart_service", "purge",
           "identify", "update", "ping", "os_update"]
SERVICE_ACTIONS = ("start_service", "stop_service", "restart_service")
FORCEABLE = ("reboot", "shutdown", "update")
FIELDS = ["id", "uuid", "device_name", "is_online", "os_version", "os_variant", "supervisor_version",
          "last_connectivity_event"]
NOTHING_TO_WAIT_FOR = ("identify", "ping")
FAILING = ("failed", "locked")


class DeviceActionModule(BalenaModule):
    argument_spec = dict(
        device_selection.TARGET_SPEC,
        action={"type": "str", "required": True, "choices": ACTIONS},
        service={"type": "str"},
        os_version={"type": "str"},
        force={"type": "bool", "default": False},
        ignore_offline={"type": "bool", "default": False},
        **WAIT_SPEC,
    )
    module_options = {
        "mutually_exclusive": [["uuid", "id", "uuids", "selector"]],
        "required_one_of": [["uuid", "id", "uuids", "selector"]],
        "required_if": [
            ["action", "start_service", ["service"]],
            ["action", "stop_service", ["service"]],
            ["action", "restart_service", ["service"]],
            ["action", "os_update", ["os_version"]],
        ],
    }

    def __init__(self, module=None):
        super().__init__(module)
        self._os_releases = {}

    def check_input(self):
        action = self.params["action"]
        if self.params["force"] and action not in FORCEABLE:
            raise ParameterError("force", "only applies to reboot, shutdown and update, not {0}".format(action))
        if self.params["service"] is not None and action not in SERVICE_ACTIONS:
            raise ParameterError("service", "only applies to start_service, stop_service and restart_service, not {0}".format(action))
        if self.params["os_version"] is not None and action != "os_update":
            raise ParameterError("os_version", "only applies to os_update, not {0}".format(action))
        if self.params["wait"] and action in NOTHING_TO_WAIT_FOR:
            raise ParameterError("wait", "{0} has nothing to wait for".format(action))
        check_wait_options(self.params, self.module.warn)

    def find(self):
        params, pine = self.params, self.client.pine
        # Every field the SDK's actions need, so that they act on these rows without reading each device again.
        options = {"$select": list(FIELDS), "$expand": {"belongs_to__application": {"$select": ["id", "slug"]},
                                                        "is_of__device_type": {"$select": "slug"}}}
        if params["action"] in SERVICE_ACTIONS:
            options["$expand"].update(current_services_expand(False))
        if params["uuids"] is not None:
            return device_selection.listed(pine, params["uuids"], options)
        if params["selector"] is not None:
            return device_selection.select(self, options)
        value = params["uuid"] if params["uuid"] is not None else params["id"]
        found = device_selection.one(pine, value, options)
        if found is None:
            raise ParameterError("uuid" if params["uuid"] is not None else "id", "device {0} was not found, or is not accessible".format(value))
        return [found]

    def run(self):
        self.check_input()
        target = device_selection.describe(self.params)
        with self.step("looking up " + target):
            devices = self.find()
        results = [self.act(device) for device in devices]
        waited = self.wait_for(devices, results)
        counts = {}
        for entry in results:
            counts[entry["status"]] = counts.get(entry["status"], 0) + 1
        acting = [entry for entry in results if entry["status"] in ("done", "planned")]
        result = {"changed": bool(acting) and self.params["action"] != "ping", "devices": results, "counts": counts}
        if result["changed"]:
            result["diff"] = {"before": {}, "after": {"devices": {entry["uuid"]: self.params["action"] for entry in acting}}}
        problems = [entry for entry in results if entry["status"] in FAILING]
        offline = [entry for entry in results if entry["status"] == "offline"]
        if waited is not None:
            result["wait"] = waited.as_dict()
        messages = []
        if problems or (offline and not self.params["ignore_offline"]):
            messages.append(self.failure_message(problems, offline))
        if waited is not None and not waited.done:
            messages.append(waited.message(self.params["wait_timeout"]))
        if messages:
            self.fail("; ".join(messages), **result)
        return result

    def wait_conditions(self, devices):
        action = self.params["action"]
        if action == "os_update":
            return conditions_from(online=True, os_version=self.params["os_version"])
        if action == "reboot":
            return [back_online({device["id"]: device.get("last_connectivity_event") for device in devices})]
        if action == "shutdown":
            return conditions_from(online=False)
        return conditions_from(update_finished=True)

    def wait_for(self, devices, results):
        """With ``wait``, wait until the devices the action was sent to have carried it out."""
        sent = set(entry["id"] for entry in results if entry["status"] == "done")
        if not self.params["wait"] or not sent:
            return None
        # An update a device gave up before the action was about an earlier target: only later ones count.
        waiter = DeviceWaiter(self.client.pine, self.wait_conditions(devices), self.params["wait_timeout"],
                              self.params["wait_interval"], earlier_failures=False)
        with self.step("waiting for the devices to carry out " + self.params["action"]):
            return waiter.wait(waiter.read(sorted(sent)))

    def failure_message(self, problems, offline):
        parts = []
        if problems:
            first = problems[0]
            parts.append("{0} on {1} device(s) failed; first, {2}: {3}".format(
                self.params["action"], len(problems), first["uuid"], first["message"]))
        if offline:
            shown = ", ".join(entry["uuid"] for entry in offline[:5]) + (" ..." if len(offline) > 5 else "")
            parts.append("{0} device(s) offline and not contacted: {1} (set ignore_offline to accept this)".format(len(offline), shown))
        return "; ".join(parts)

    def act(self, device):
        entry = {"id": device["id"], "uuid": device["uuid"], "device_name": device.get("device_name")}
        action = self.params["action"]
        if action == "os_update" and bare_os_version(device.get("os_version")) == bare_os_version(self.params["os_version"]):
            return dict(entry, status="skipped", message="already runs balenaOS {0}".format(bare_os_version(self.params["os_version"])))
        fleet = fleet_of(device)
        with self.step("checking write access to fleet {0}".format(fleet)):
            may_act = self.access.may_change(fleet)
        if not may_act:
            return dict(entry, status="failed", message="read-only access: the API key may only read fleet {0}; nothing was "
                                                        "sent".format(fleet))
        if not device.get("is_online"):
            return dict(entry, status="offline", message="the device is offline; nothing was sent")
        image_id = None
        if action in SERVICE_ACTIONS:
            installs = with_current_services({"image_install": device.get("image_install") or []})["current_services"].get(self.params["service"])
            if not installs:
                return dict(entry, status="failed", message="the device runs no service named {0!r}".format(self.params["service"]))
            image_id = installs[0]["image_id"]
        if action == "os_update" and self.os_release_problem(device):
            # Refused alike in check mode and for real: the version does not exist for this device.
            return dict(entry, status="failed", message="balenaOS {0} is not available for device type {1}{2}".format(
                bare_os_version(self.params["os_version"]), device["is_of__device_type"][0]["slug"],
                " ({0} variant)".format(device["os_variant"]) if device.get("os_variant") else ""))
        if self.check_mode:
            return dict(entry, status="planned", message="{0} would be sent".format(action))
        try:
            self.send(device, image_id)
        except SupervisorLocked:
            hint = "; set force to override it" if action in FORCEABLE else ""
            return dict(entry, status="locked", message="the application holds an update lock{0}".format(hint))
        except BalenaException as error:
            return dict(entry, status="failed", message=describe(error)[0])
        return dict(entry, status="done", message="{0} sent".format(action))

    def send(self, device, image_id):
        """Send the action; the SDK takes the row already read in place of the device's id."""
        devices, action, force = self.client.models.device, self.params["action"], self.params["force"]
        if action in FORCEABLE:
            getattr(devices, action)(device, force=force)
        elif action in SERVICE_ACTIONS:
            getattr(devices, action)(device, image_id)
        elif action == "os_update":
            devices.start_os_update(device, self.os_release(device)["raw_version"])
        else:
            getattr(devices, action)(device)

    def os_release_problem(self, device):
        """Whether ``os_version`` names no host OS release for this device (a lookup error counts as none)."""
        try:
            return self.os_release(device) is None
        except BalenaException:
            return True

    def os_release(self, device):
        """The host OS release that ``os_version`` names for this device's type and variant, or None."""
        slug = device["is_of__device_type"][0]["slug"]
        if slug not in self._os_releases:
            self._os_releases[slug] = self.client.models.os.get_available_os_versions(slug)
        return pick_os_release(self._os_releases[slug], self.params["os_version"], device.get("os_variant") or None)


def main():
    DeviceActionModule.main()


if __name__ == "__main__":
    main()
