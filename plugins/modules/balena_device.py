#!/usr/bin/python
# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

DOCUMENTATION = r"""
module: balena_device
short_description: Manage balena devices, one or many at once
version_added: 1.0.0
description:
  - Changes one device (O(uuid), O(id), or O(name) within O(fleet)) or many at once (O(uuids), or every device
    matching O(selector)). It sets the name, note, location, fleet, pinned release, supervisor and OS release,
    device URL, update lock override and tags.
  - With O(state=present) and O(create=true), a single device that does not exist yet is registered in O(fleet)
    (pre-provisioning), from O(uuid) or a generated uuid; its device API key is returned then, and only then.
    Without O(create=true), a device that does not exist is a failure, so that a mistyped uuid or name never
    registers a new device.
  - With O(state=absent) the devices are removed; with O(state=deactivated) they are deactivated.
  - Devices are read in one request per 100 listed devices or per page of a selector; devices that need the
    same change are written with one request per 200 devices.
author:
  - balena.cloud contributors (@balena-cloud-ansible)
extends_documentation_fragment:
  - balena.cloud.auth
  - balena.cloud.attributes
  - balena.cloud.tags
  - balena.cloud.device_selection
options:
  uuid:
    description:
      - Full uuid (32 or 62 characters) of one device.
      - With O(create=true), a device with this uuid is registered in O(fleet) when it does not exist.
      - Upper-case letters are read in lower case, as balena stores uuids.
    type: str
  id:
    description:
      - Numeric id of one existing device.
    type: int
  name:
    description:
      - The device name. Only for a single device.
      - Without O(uuid) and O(id), the device with this name in O(fleet) is managed, and with O(create=true)
        registered when there is none.
    type: str
  create:
    description:
      - Register a single device in O(fleet) when the one named by O(uuid) or O(name) does not exist.
      - With V(false), a device that does not exist is a failure ("not found").
    type: bool
    default: false
  note:
    description:
      - A free-text note on the devices.
    type: str
  location:
    description:
      - A custom location for the devices, shown on the dashboard map instead of the one balena detects.
    type: dict
    suboptions:
      latitude:
        description: Latitude in decimal degrees.
        type: float
        required: true
      longitude:
        description: Longitude in decimal degrees.
        type: float
        required: true
  fleet:
    description:
      - Slug, uuid or numeric id of the fleet the devices belong to. Devices in another fleet are moved there,
        which the CPU architecture of their device type must allow; a moved device that was pinned to a release
        of its old fleet follows its new fleet unless O(release) is given.
      - Required to register a device.
    type: str
  device_type:
    description:
      - Device type slug of a device being registered, when it differs from the fleet's default.
    type: str
  release:
    description:
      - Pin the devices to this release of their fleet (full commit, version such as C(1.2.0), or numeric id).
    type: str
  track_fleet:
    description:
      - V(true) removes the release pin, so the devices run whatever their fleet runs.
      - V(false) pins every device to the release it runs now.
    type: bool
  supervisor_version:
    description:
      - Pin the devices to this supervisor version (such as C(17.0.3)), available for their CPU architecture.
    type: str
  os_version:
    description:
      - Pin the devices to this balenaOS version (such as C(6.0.13)), which balena then installs.
      - To start an OS update at once, use M(balena.cloud.balena_device_action) with C(action=os_update).
    type: str
  device_url:
    description:
      - Turn the public device URL on or off.
    type: bool
  lock_override:
    description:
      - V(true) lets updates be applied even when the application holds an update lock (the
        C(BALENA_OVERRIDE_LOCK) configuration variable of the device); V(false) honours the lock again.
    type: bool
  state:
    description:
      - V(present) registers (single device) or changes the devices; V(absent) removes them; V(deactivated)
        deactivates them.
    type: str
    choices: [present, absent, deactivated]
    default: present
  wait:
    description:
      - After the change, poll the devices (one request per page of devices) every O(wait_interval) seconds for
        up to O(wait_timeout) seconds until each runs what it was pinned to, and fail naming those that do not.
      - It waits for the balenaOS version of O(os_version) and the supervisor version of O(supervisor_version)
        and, after O(release), O(track_fleet) or a move to O(fleet), for the release the API then makes each device
        run (its target, that is the release it is pinned to, else its fleet's release), however O(release) named it.
      - A device that reports after the change that it gave up the update (C(update_status) C(aborted) or
        C(rejected)), or that is deleted, can no longer get there; the wait goes on only while other devices may
        still converge, then fails naming it and why. An update given up before the change does not count.
      - The devices returned are read again after the wait, so they show what the devices run then.
      - Requires one of O(release), O(track_fleet), O(os_version), O(supervisor_version) and O(fleet). Not in check mode.
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
  - O(selector) matches on the server; all the matching devices are then changed by id.
"""

EXAMPLES = r"""
- name: Pre-provision a device and keep its API key for the image configuration
  balena.cloud.balena_device:
    fleet: myorg/signage
    name: lobby-screen
    create: true
    note: Second floor, next to the lifts
  register: lobby

- name: Show the device API key, returned only when the device was created
  ansible.builtin.debug:
    msg: "{{ lobby.device_api_key | default('already registered') }}"

- name: Pin every Berlin device of the fleet to release 1.2.0 and tag them
  balena.cloud.balena_device:
    selector:
      fleet: myorg/signage
      tags:
        site: berlin
    release: 1.2.0
    tags:
      ring: canary
    purge_tags: false

- name: Pin the canary devices to release 1.3.0 and wait until they run it
  balena.cloud.balena_device:
    selector:
      fleet: myorg/signage
      tags:
        ring: canary
    release: 1.3.0
    wait: true
    wait_timeout: 1800
    wait_interval: 30

- name: Move two devices to another fleet
  balena.cloud.balena_device:
    uuids:
      - 6b05e5bba28df79d5eab5e1aa2c6300b
      - 94a329f30eb108ad88dcc8741b342c12
    fleet: myorg/signage-eu

- name: Remove a device
  balena.cloud.balena_device:
    uuid: 6b05e5bba28df79d5eab5e1aa2c6300b
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
device:
  type: dict
  contains:
    id:
      description: Numeric id (null for a device check mode would register).
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
    note:
      description: The device's note, or null.
      type: str
      sample: Second floor
    fleet:
      description: Slug of the device's fleet.
      type: str
      sample: myorg/signage
    fleet_id:
      description: Id of the device's fleet.
      type: int
      sample: 16
    device_type:
      description: Slug of the device's type.
      type: str
      sample: raspberrypi4-64
    device_type_id:
      description: Id of the device's type.
      type: int
      sample: 119
    location:
      description: The custom location (C(latitude), C(longitude)), or null when balena places the device.
      type: dict
      sample:
        latitude: 52.52
        longitude: 13.405
    device_url:
      description: Whether the public device URL is on.
      type: bool
      sample: false
    is_active:
      description: Whether the device is active (not deactivated).
      type: bool
      sample: true
    is_online:
      description: Whether the device is online.
      type: bool
      sample: true
    status:
      description: The device's status.
      type: str
      sample: Idle
    overall_status:
      description: The status the dashboard shows.
      type: str
      sample: operational
    api_heartbeat_state:
      description: The state of the device's heartbeat to the API.
      type: str
      sample: online
    os_version:
      description: The balenaOS version the device reports.
      type: str
      sample: balenaOS 6.0.13
    os_variant:
      description: The balenaOS variant (C(prod) or C(dev)) the device reports.
      type: str
      sample: prod
    supervisor_version:
      description: The supervisor version the device reports.
      type: str
      sample: 17.0.3
    ip_address:
      description: The device's local addresses, separated by spaces.
      type: str
      sample: 192.168.1.20
    public_address:
      description: The device's public address.
      type: str
      sample: 203.0.113.7
    mac_address:
      description: The device's MAC addresses, separated by spaces.
      type: str
      sample: dc:a6:32:00:00:01
    last_connectivity_event:
      description: When the device last connected or disconnected.
      type: str
      sample: '2026-11-25T13:50:13.187Z'
    created_at:
      description: When the device was registered.
      type: str
      sample: '2026-11-25T13:50:13.187Z'
    pinned_release:
      description: Commit of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    pinned_release_version:
      description: Version of the release the device is pinned to (null when it follows its fleet), or null.
      type: str
      sample: 1.2.0
    pinned_release_id:
      description: Id of the release the device is pinned to (null when it follows its fleet), or null.
      type: int
      sample: 117
    running_release:
      description: Commit of the release the device runs, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    running_release_version:
      description: Version of the release the device runs, or null.
      type: str
      sample: 1.2.0
    running_release_id:
      description: Id of the release the device runs, or null.
      type: int
      sample: 117
    target_release:
      description: Commit of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: str
      sample: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version:
      description: Version of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: str
      sample: 1.2.0
    target_release_id:
      description: Id of the release the device should run, which the API computes from its pin and its fleet's
        target, or null.
      type: int
      sample: 117
    pinned_supervisor_version:
      description: Version of the supervisor release the device is pinned to, or null.
      type: str
      sample: 17.0.3
    pinned_supervisor_release_id:
      description: Id of the supervisor release the device is pinned to, or null.
      type: int
      sample: 102
    pinned_os_version:
      description: Version of the host OS release the device is pinned to, or null.
      type: str
      sample: 6.0.13+prod
    pinned_os_release_id:
      description: Id of the host OS release the device is pinned to, or null.
      type: int
      sample: 39
  description:
    - The device after the change (in check mode, as it would be), for a single device, in the device view described
      here.
    - After a change the devices are read back from the API, so the fields it computes (such as C(target_release))
      are current; in check mode they are predicted.
    - A device that O(create=true) would register without a given O(uuid) has C(uuid=null) and C(id=null) in
      check mode, since its uuid is only made when it is registered.
    - With O(tags), also C(tags), the device's tags as a dict; with O(lock_override), also C(lock_override), whether
      updates override update locks.
    - C(--diff) compares two views of each device (by uuid when there are several).
  returned: for a single device with O(state=present)
  sample:
    id: 1
    uuid: b05e5bba28df79d5eab5e1aa2c6300be
    device_name: lobby-screen
    fleet: myorg/signage
    fleet_id: 16
    pinned_release: null
    target_release: 8a962e0acee69b0e59e2014d77392ebb
    target_release_version: 1.2.0
    target_release_id: 117
devices:
  description:
    - Every selected device after the change, each in the device view like RV(device), with C(changed) telling whether
      this device changed, when O(uuids) or O(selector) was given.
  returned: when O(uuids) or O(selector) is used
  type: list
  elements: dict
  sample:
    - id: 1
      uuid: b05e5bba28df79d5eab5e1aa2c6300be
      fleet: myorg/signage
      changed: true
device_api_key:
  description:
    - The API key of a device that this task registered. It is shown once; later runs do not return it.
  returned: when a device was registered (not in check mode)
  type: str
  sample: 3JTg2jBsc4aFA0pnnYQhSAqAfUnqIr0l
wait:
  description:
    - With O(wait=true), what the wait saw, as M(balena.cloud.balena_device_wait) returns it
      (C(converged), C(failed_devices), C(pending), C(polls), C(elapsed), C(waited_for)).
  returned: when O(wait=true), not in check mode
  type: dict
  sample: {"converged": [], "pending": [], "polls": 3, "elapsed": 42.0, "waited_for": "running release 1.3.0"}
uuids:
  description: The uuids of the devices removed or deactivated (or that would be, in check mode).
  returned: with O(state=absent) or O(state=deactivated)
  type: list
  elements: str
  sample:
    - b05e5bba28df79d5eab5e1aa2c6300be
created:
  description: Whether the device was registered by this task.
  returned: for a single device
  type: bool
  sample: false
"""

import contextlib

from ansible_collections.balena.cloud.plugins.module_utils import device_selection
from ansible_collections.balena.cloud.plugins.module_utils.base import BalenaModule
from ansible_collections.balena.cloud.plugins.module_utils.device_changes import (
    TYPE_WITH_ARCH,
    architecture,
    changed,
    options_of,
    os_release_key,
    os_releases,
    releases_by_fleet,
    supervisor_releases,
    target_fleet,
    write_grouped,
)
from ansible_collections.balena.cloud.plugins.module_utils.device_waiter import WAIT_SPEC, DeviceWaiter, check_wait_options
from ansible_collections.balena.cloud.plugins.module_utils.device_view import RELEASE, device_view, read_options
from ansible_collections.balena.cloud.plugins.module_utils.diff import known, link_id, view_diff
from ansible_collections.balena.cloud.plugins.module_utils.errors import AnswerLostError, OperationError, ParameterError, answer_lost
from ansible_collections.balena.cloud.plugins.module_utils.keyed_module import tag_values
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES
from ansible_collections.balena.cloud.plugins.module_utils.linked import linked
from ansible_collections.balena.cloud.plugins.module_utils.parents import Parent, fleet_of, identifier
from ansible_collections.balena.cloud.plugins.module_utils.id_chunks import chunks, ids_filter, rows_by_id
from ansible_collections.balena.cloud.plugins.module_utils.pin_wait import check_something_to_wait_for, pin_conditions
from ansible_collections.balena.cloud.plugins.module_utils.plan_runner import run as run_plans
from ansible_collections.balena.cloud.plugins.module_utils.reconcile import reconcile
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import BalenaException

LOCK_OVERRIDE = "BALENA_OVERRIDE_LOCK"
# The device fields that link to a release a change names (a pin of the app, supervisor or host OS).
RELEASE_FIELDS = ("is_pinned_on__release", "should_be_managed_by__release", "should_be_operated_by__release")
DEVICE_TAGS = TAGS["device"]
DEVICE_CONFIG = VARIABLES[("config", "device")]


class DeviceModule(BalenaModule):
    argument_spec = dict(
        device_selection.TARGET_SPEC,
        name={"type": "str"},
        note={"type": "str"},
        location={"type": "dict", "options": {"latitude": {"type": "float", "required": True},
                                              "longitude": {"type": "float", "required": True}}},
        fleet={"type": "str"},
        device_type={"type": "str"},
        release={"type": "str"},
        track_fleet={"type": "bool"},
        supervisor_version={"type": "str"},
        os_version={"type": "str"},
        device_url={"type": "bool"},
        lock_override={"type": "bool"},
        create={"type": "bool", "default": False},
        tags={"type": "dict"},
        purge_tags={"type": "bool", "default": True},
        state={"type": "str", "default": "present", "choices": ["present", "absent", "deactivated"]},
        **WAIT_SPEC,
    )
    module_options = {
        "mutually_exclusive": [["uuid", "id", "uuids", "selector"], ["release", "track_fleet"],
                               ["name", "uuids"], ["name", "selector"]],
        "required_one_of": [["uuid", "id", "uuids", "selector", "name"]],
    }

    def __init__(self, module=None):
        super().__init__(module)
        self.single = self.params["uuids"] is None and self.params["selector"] is None
        self.desired_tags = tag_values(self.params["tags"], self.module.warn)
        self.moved_to = None
        self.releases = {}  # id -> release row, for every release a change links a device to

    def target(self):
        if self.params["uuid"] is None and self.params["id"] is None and self.single:
            return "device {0} of fleet {1}".format(self.params["name"], self.params["fleet"])
        return device_selection.describe(self.params)

    def read_options(self):
        expand = {
            # the fleet's target predicts what a moved or unpinned device will run
            "belongs_to__application": {"$select": ["id", "slug"], "$expand": {"should_be_running__release": RELEASE}},
            "is_of__device_type": TYPE_WITH_ARCH,
        }
        if self.desired_tags is not None:
            expand.update(DEVICE_TAGS.expand())
        if self.params["lock_override"] is not None:
            expand[DEVICE_CONFIG.resource] = {"$select": ["id", "name", "value"], "$filter": {"name": LOCK_OVERRIDE}}
        return read_options(expand)

    def find(self):
        params, pine, options = self.params, self.client.pine, self.read_options()
        if params["uuids"] is not None:
            return device_selection.listed(pine, params["uuids"], options)
        if params["selector"] is not None:
            return device_selection.select(self, options)
        if params["uuid"] is not None or params["id"] is not None:
            found = device_selection.one(pine, params["uuid"] if params["uuid"] is not None else params["id"], options)
            return [found] if found else []
        if params["fleet"] is None:
            raise ParameterError("fleet", "is required to find device {0!r} by name".format(params["name"]))
        where = {"$and": [{"device_name": params["name"]}, device_selection.fleet_condition(params["fleet"])]}
        found = pine.get({"resource": "device", "options": dict(options, **{"$filter": where})})
        if len(found) > 1:
            raise ParameterError("name", "{0} devices of fleet {1} are named {2!r}; give uuid instead".format(
                len(found), params["fleet"], params["name"]))
        return found

    def check_input(self):
        check_wait_options(self.params, self.module.warn)
        check_something_to_wait_for(self.params)
        if self.desired_tags is not None:
            DEVICE_TAGS.check(self.desired_tags, "tags")
        location = self.params["location"]
        if location is not None and not (-90 <= location["latitude"] <= 90 and -180 <= location["longitude"] <= 180):
            raise ParameterError("location", "latitude must be between -90 and 90 and longitude between -180 and 180, not {0}, {1}".format(
                location["latitude"], location["longitude"]))
        if self.params["state"] != "present":
            ignored = [name for name in ("name", "note", "location", "fleet", "release", "track_fleet", "supervisor_version",
                                         "os_version", "device_url", "lock_override", "tags") if self.params[name] is not None]
            if ignored and (self.params["uuid"] is not None or self.params["id"] is not None or not self.single):
                raise ParameterError(ignored[0], "only applies with state=present, not state={0}".format(self.params["state"]))

    def run(self):
        self.check_input()
        with self.step("looking up " + self.target()):
            devices = self.find()
        state = self.params["state"]
        if state == "absent":
            return self.remove(devices)
        if state == "deactivated":
            return self.deactivate(devices)
        created, api_key = False, None
        if self.single and not devices:
            devices, api_key = self.register()
            created = True
        result = self.apply(devices, created)
        if self.params["wait"] and not self.check_mode:
            self.wait_for_pins(devices, result)
        if self.single:
            result["created"] = created
            if created and self.check_mode and self.params["uuid"] is None:
                # The API's uuid is made when the device is registered: check mode cannot know it.
                result["device"]["uuid"] = None
                result["diff"]["after"]["uuid"] = None
            if api_key is not None:
                result["device_api_key"] = api_key
        return result

    def wait_for_pins(self, devices, result):
        """Wait until the devices run what they were pinned to; the wait joins ``result``, and a timeout fails."""
        ids = sorted(device["id"] for device in devices if device.get("id") is not None)
        if not ids:
            return
        conditions = pin_conditions(self.params, self.moved_to, self.client.pine, ids)
        # An update a device gave up before its new pin was about an earlier target: only later ones count.
        waiter = DeviceWaiter(self.client.pine, conditions, self.params["wait_timeout"], self.params["wait_interval"],
                              earlier_failures=False)
        with self.step("waiting for " + self.target()):
            waited = waiter.wait(waiter.read(ids))
        result["wait"] = waited.as_dict()
        self.read_after_wait(result, ids)
        if not waited.done:
            self.fail(waited.message(self.params["wait_timeout"]), **result)

    def read_after_wait(self, result, ids):
        """The devices of ``result`` as they are once the wait is over (the release they run, their OS …)."""
        with self.step("reading " + self.target() + " after the wait"):
            fresh = rows_by_id(self.client.pine, "device", ids, self.read_options())
        for shown in [result["device"]] if "device" in result else result["devices"]:
            if shown.get("id") in fresh:
                shown.update(self.shape(fresh[shown["id"]]))

    def register(self):
        """The new device as a list of one row, and its API key (None in check mode)."""
        params = self.params
        if params["id"] is not None:
            raise ParameterError("id", "no device has id {0}; give uuid or name with fleet to register one".format(params["id"]))
        if not params["create"]:
            parameter = "uuid" if params["uuid"] is not None else "name"
            raise ParameterError(parameter, "{0} was not found, or is not accessible; set create: true to register it".format(
                self.target()))
        if params["fleet"] is None:
            raise ParameterError("fleet", "is required to register {0}, which does not exist".format(self.target()))
        balena = self.client
        with self.step("looking up fleet {0}".format(params["fleet"])):
            fleet = balena.models.application.get(identifier(params["fleet"]), {
                "$select": ["id", "slug"], "$expand": {"is_for__device_type": TYPE_WITH_ARCH}})
        uuid = params["uuid"] or balena.models.device.generate_uuid()
        self.require_write([(fleet["slug"], uuid, ["state"])])
        if self.check_mode:
            return [{"uuid": uuid, "device_name": None, "belongs_to__application": [fleet], "is_active": True,
                     "is_of__device_type": fleet["is_for__device_type"], "is_pinned_on__release": None}], None
        with self.step("listing the provisioning keys of fleet {0}".format(fleet["slug"])):
            keys_before = self.unnamed_provisioning_keys(fleet["id"])
        try:
            with self.step("registering device {0} in fleet {1}".format(uuid, fleet["slug"])):
                try:
                    registered = balena.models.device.register(fleet["id"], uuid, params["device_type"])
                except BalenaException as error:
                    if answer_lost(error):
                        self.check_lost_registration(uuid, fleet["slug"])
                    raise
                row = device_selection.one(balena.pine, registered["id"], self.read_options())
        except Exception:
            with contextlib.suppress(BalenaException):
                self.revoke_new_provisioning_keys(fleet, keys_before, uuid)
            raise
        self.revoke_new_provisioning_keys(fleet, keys_before, uuid)
        return [row], registered["api_key"]

    def unnamed_provisioning_keys(self, fleet_id):
        """The ids of the fleet's provisioning keys that have no name."""
        keys = self.client.models.api_key.get_provisioning_api_keys_by_application(
            fleet_id, {"$select": ["id"], "$filter": {"name": None}})
        return set(key["id"] for key in keys)

    def revoke_new_provisioning_keys(self, fleet, keys_before, uuid):
        """The SDK's register makes a provisioning key for the fleet (no name, no expiry) and keeps it;
        once the device exists it is not needed, and left alone it could register any device."""
        with self.step("revoking the provisioning key made to register device {0}".format(uuid)):
            for key_id in sorted(self.unnamed_provisioning_keys(fleet["id"]) - keys_before):
                self.client.models.api_key.revoke(key_id)

    def check_lost_registration(self, uuid, fleet):
        """After a registration whose answer was lost: if the device exists, say so and how to get its key."""
        with self.step("looking up device {0} after its registration lost its answer".format(uuid)):
            found = self.client.pine.get({"resource": "device", "options": {"$select": ["id"], "$filter": {"uuid": uuid}}})
        if not found:
            return
        self.ledger.done(uuid, ["state"])
        raise AnswerLostError(
            "device {0} was registered in fleet {1}, but the connection broke before the API's answer came, so its device "
            "API key could not be returned and the task stopped there; generate a key for it with balena_api_key "
            "(device: {0}), and rerun this task to apply the rest".format(uuid, fleet))

    def apply(self, devices, created):
        balena = self.client
        with self.step("resolving the settings for " + self.target()):
            wanted = self.wanted_fields(devices)
        changes = {index: changed(device, wanted[index]) for index, device in enumerate(devices)}
        if self.single and created:
            changes[0] = dict(wanted[0], **changes[0])
        tag_work = self.keyed_work(devices, DEVICE_TAGS, self.desired_tags)
        lock_work = self.keyed_work(devices, DEVICE_CONFIG, None) if self.params["lock_override"] is not None else []
        self.require_write(self.writes(devices, changes, (("tags.", tag_work), ("lock_override.", lock_work))))
        if not self.check_mode:
            ledger, uuids = self.ledger, {device.get("id"): device["uuid"] for device in devices}
            try:
                with self.step("changing " + self.target()):
                    write_grouped(balena.pine, {devices[index]["id"]: change for index, change in changes.items()
                                                if change and devices[index].get("id") is not None}, ledger, uuids)
                    for keyed, work, prefix in ((DEVICE_TAGS, tag_work, "tags."), (DEVICE_CONFIG, lock_work, "lock_override.")):
                        changing = [(parent, plan) for parent, plan in work if plan.changed]
                        if changing:
                            run_plans(balena.pine, keyed, changing, ledger, prefix)
            except OperationError:
                # Say truly which field changes took effect before the failure, if the API still answers.
                with contextlib.suppress(BalenaException):
                    self.prove(devices, changes, self.read_back(devices, changes), stop=False)
                raise
            if any(changes.values()):
                with self.step("reading back " + self.target()):
                    written = self.read_back(devices, changes)
                self.prove(devices, changes, written)
                return self.report(devices, changes, tag_work, lock_work, created, written)
            ledger.check_read_only()
        return self.report(devices, changes, tag_work, lock_work, created)

    def writes(self, devices, changes, keyed_work):
        """``[(fleet, uuid, options)]`` the changes mean to write: a move writes to the fleet it leaves and the one it joins."""
        wanted = []
        for index, device in enumerate(devices):
            if changes[index]:
                wanted.append((fleet_of(device), device["uuid"], options_of(changes[index])))
                if "belongs_to__application" in changes[index]:
                    wanted.append((self.moved_to["slug"], device["uuid"], ["fleet"]))
        for prefix, work in keyed_work:
            for parent, plan in work:
                if plan.changed:
                    keys = set(plan.remove) | set(plan.update) | set(plan.add)
                    wanted.append((parent.fleet, parent.label, sorted(prefix + key for key in keys)))
        return wanted

    def read_back(self, devices, changes):
        """The written devices as the API now has them (fields it computes included), by id: one request per
        page of as many devices as one write names."""
        ids = [device["id"] for index, device in enumerate(devices) if changes[index] and device.get("id") is not None]
        return rows_by_id(self.client.pine, "device", ids, self.read_options())

    def prove(self, devices, changes, written, stop=True):
        """A device whose write the API accepted but that reads back without its change was skipped: the
        key may only read its fleet. A write that failed, or was never sent, says nothing about access.
        ``stop`` raises the read-only failure."""
        for index, device in enumerate(devices):
            fresh = written.get(device.get("id"))
            refused = options_of(changed(fresh, changes[index])) if fresh is not None and changes[index] else []
            if refused and self.ledger.was_applied(device["uuid"], refused):
                self.ledger.refused(device["uuid"], refused, fleet_of(device))
        if stop:
            self.ledger.check_read_only()

    def wanted_fields(self, devices):
        """The API fields each device should have (one dict per device, in order)."""
        fleet = None
        if self.params["fleet"] is not None:
            fleet = self.moved_to = target_fleet(self.client, identifier(self.params["fleet"]), devices)
        fleet_of = [fleet["id"] if fleet else link_id(device.get("belongs_to__application")) for device in devices]
        lookups = self.lookups(devices, fleet, fleet_of) if devices else {}
        return [self.wanted_for(device, fleet, fleet_of[index], lookups) for index, device in enumerate(devices)]

    def lookups(self, devices, fleet, fleet_of):
        """The releases that ``release``, ``supervisor_version`` and ``os_version`` name, once for all devices."""
        params, balena, found = self.params, self.client, {}
        if params["release"] is not None:
            found["release"] = releases_by_fleet(balena, devices, fleet_of, params["release"], fleet)
        if params["supervisor_version"] is not None:
            architectures = [architecture(device["is_of__device_type"])[0] for device in devices]
            found["supervisor"] = supervisor_releases(balena, architectures, params["supervisor_version"])
        if params["os_version"] is not None:
            found["os"] = os_releases(balena, [os_release_key(device) for device in devices], params["os_version"])
        return found

    def wanted_for(self, device, fleet, fleet_id, lookups):
        params, want = self.params, {}
        if params["name"] is not None:
            want["device_name"] = params["name"]
        if params["note"] is not None:
            want["note"] = params["note"]
        if params["location"] is not None:
            want["custom_latitude"] = _coordinate(params["location"]["latitude"])
            want["custom_longitude"] = _coordinate(params["location"]["longitude"])
        if fleet is not None:
            want["belongs_to__application"] = fleet["id"]
            if link_id(device.get("belongs_to__application")) != fleet["id"]:
                # a pin to a release of the old fleet cannot stay
                want["is_pinned_on__release"] = None
        if params["release"] is not None:
            want["is_pinned_on__release"] = self.known(lookups["release"][fleet_id])
        if params["track_fleet"] is True:
            want["is_pinned_on__release"] = None
        if params["track_fleet"] is False:
            want["is_pinned_on__release"] = self.current_release(device)
        if params["supervisor_version"] is not None:
            want["should_be_managed_by__release"] = self.known(lookups["supervisor"][architecture(device["is_of__device_type"])[0]])
        if params["os_version"] is not None:
            want["should_be_operated_by__release"] = self.known(lookups["os"][os_release_key(device)])
        if params["device_url"] is not None:
            want["is_web_accessible"] = params["device_url"]
        return want

    def current_release(self, device):
        """The release a device keeps with ``track_fleet: false``: its pin, else the release it runs."""
        release = linked(device.get("is_pinned_on__release")) or linked(device.get("is_running__release"))
        if not release and device.get("id") is not None:
            raise ParameterError("track_fleet", "device {0} runs no release yet, so there is nothing to pin it to".format(device["uuid"]))
        return self.known(release) if release else None

    def known(self, release):
        """The id of a release row a change links a device to, kept so that predictions can name it."""
        self.releases[release["id"]] = release
        return release["id"]

    def keyed_work(self, devices, keyed, desired):
        """``(parent, plan)`` per device for tags (``desired``) or the lock override (``desired`` None)."""
        if keyed is DEVICE_TAGS and desired is None:
            return []
        work = []
        for device in devices:
            parent = Parent(device.get("id"), "device", device["uuid"], device.get(keyed.resource) or [], keyed, fleet_of(device))
            if keyed is DEVICE_TAGS:
                plan = reconcile(parent.current, desired, self.params["purge_tags"])
            else:
                want = "1" if self.params["lock_override"] else "0"
                current = parent.current.get(LOCK_OVERRIDE)
                skip = not self.params["lock_override"] and current in (None, "0")
                plan = reconcile(parent.current, {} if skip else {LOCK_OVERRIDE: want})
            work.append((parent, plan))
        return work

    def report(self, devices, changes, tag_work, lock_work, created, written=None):
        """The result; ``written`` holds the devices read back after the writes, by id (else the prediction is shown)."""
        tags = {parent.label: plan for parent, plan in tag_work}
        locks = {parent.label: plan for parent, plan in lock_work}
        shown, before, after = [], {}, {}
        for index, device in enumerate(devices):
            change, uuid = changes[index], device["uuid"]
            fresh = (written or {}).get(device.get("id"))
            old, row = self.shape(device), self.shape(fresh or self.predicted(device, change))
            diff = view_diff(old, row) if change else {"before": {}, "after": {}}
            if uuid in tags:
                row["tags"] = tags[uuid].after()
                if tags[uuid].changed:
                    diff["before"]["tags"], diff["after"]["tags"] = tags[uuid].before, tags[uuid].after()
            if uuid in locks:
                row["lock_override"] = locks[uuid].after().get(LOCK_OVERRIDE) == "1"
                if locks[uuid].changed:
                    diff["before"]["lock_override"] = locks[uuid].before.get(LOCK_OVERRIDE) == "1"
                    diff["after"]["lock_override"] = row["lock_override"]
            row["changed"] = bool(change or diff["after"]) or created
            if row["changed"]:
                before[uuid], after[uuid] = diff["before"], diff["after"]
            shown.append(row)
        result = {"changed": bool(after) or created}
        if self.single:
            result["device"] = shown[0]
            if created:
                result["diff"] = {"before": {"state": "absent"}, "after": dict(known(shown[0]), state="present")}
                result["diff"]["after"].pop("changed", None)
            elif after:
                result["diff"] = {"before": before[devices[0]["uuid"]], "after": after[devices[0]["uuid"]]}
        else:
            result["devices"] = shown
            if after:
                result["diff"] = {"before": before, "after": after}
        return result

    def predicted(self, device, change):
        """The device once ``change`` (API fields) is written, with the links it changes expanded and the
        release the API will then make it run."""
        row = dict(device, **change)
        for field in RELEASE_FIELDS:
            if field in change:
                row[field] = [self.releases[change[field]]] if change[field] is not None else []
        if "belongs_to__application" in change:
            row["belongs_to__application"] = [self.moved_to]
        if "is_pinned_on__release" in change or "belongs_to__application" in change:
            target = self.predicted_target(device, change)
            row["should_be_running__release"] = [target] if target else []
        return row

    def predicted_target(self, device, change):
        """The release the API will make a changed device run: its pin, else its (new) fleet's target."""
        if "is_pinned_on__release" in change:
            pin = self.releases.get(change["is_pinned_on__release"])
        else:
            pin = linked(device.get("is_pinned_on__release"))
        if pin:
            return pin
        fleet = self.moved_to if "belongs_to__application" in change else linked(device.get("belongs_to__application"))
        return linked(fleet.get("should_be_running__release")) or None

    def shape(self, device):
        """The device view of an API row (a device check mode would register has no id yet)."""
        return device_view(device)

    def remove(self, devices):
        if self.single and not devices:
            self.module.warn("{0} does not exist, or this API key may not see it: nothing was removed (a mistyped "
                             "identifier looks the same as a device already removed)".format(self.target()))
        return self._bulk(devices, "removing", None, list(devices))

    def deactivate(self, devices):
        return self._bulk(devices, "deactivating", {"is_active": False}, [device for device in devices if device.get("is_active")])

    def _bulk(self, devices, verb, body, affected):
        pine, ledger = self.client.pine, self.ledger
        if affected:
            self.require_write([(fleet_of(device), device["uuid"], ["state"]) for device in affected])
        if affected and not self.check_mode:
            by_id = {device["id"]: device for device in affected}
            for device in affected:
                ledger.expect(device["uuid"], ["state"])
            with self.step("{0} {1}".format(verb, self.target())):
                for chunk in chunks(sorted(by_id)):
                    query = {"resource": "device", "options": {"$filter": ids_filter(chunk)}}
                    if body is None:
                        pine.delete(query)
                    else:
                        pine.patch(dict(query, body=body))
                    for device_id in chunk:
                        ledger.done(by_id[device_id]["uuid"], ["state"])
            with self.step("reading back " + self.target()):
                left = rows_by_id(pine, "device", list(by_id), {"$select": ["id", "is_active"]})
            for device_id, row in left.items():
                if body is None or changed(row, body):
                    ledger.refused(by_id[device_id]["uuid"], ["state"], fleet_of(by_id[device_id]))
            ledger.check_read_only()
        uuids = sorted(device["uuid"] for device in affected)
        result = {"changed": bool(affected), "uuids": uuids}
        if affected:
            if body is None:
                result["diff"] = {"before": {"devices": uuids}, "after": {"devices": []}}
            else:
                result["diff"] = {"before": {uuid: {"is_active": True} for uuid in uuids},
                                  "after": {uuid: {"is_active": False} for uuid in uuids}}
        if not self.single:
            result["devices"] = [self.shape(dict(device, **(body or {}))) for device in devices]
        return result


def _coordinate(value):
    return "{0:.6f}".format(value).rstrip("0").rstrip(".")


def main():
    DeviceModule.main()


if __name__ == "__main__":
    main()
