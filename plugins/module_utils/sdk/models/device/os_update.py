# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Host OS updates of a device: start one, pin a target, read the status."""

from __future__ import annotations

import re

from ...exceptions import InvalidParameter, OsUpdateError
from ...hup import ACTION_NAME, get_hup_action_type
from ...semver_tools import normalize, parse, with_variant
from .already_read import device_for_action

OS_UPDATE_SELECT = ["uuid", "is_online", "os_version", "os_variant"]
DEVICE_TYPE_SLUG = {"is_of__device_type": {"$select": "slug"}}


def same_version_pin(device, target_os_version):
    """Pinning to the version a device already runs is allowed when the variants agree."""
    found = re.match(r"^(.+?)(?:\.(dev|prod))?$", target_os_version)
    current = parse(normalize(device["os_version"]))
    target = parse(found.group(1)) if found else None
    if current is None or target is None:
        return False
    return (not found.group(2) or device["os_variant"] == found.group(2)) and current.compare(target) == 0


def check_os_update_target(device, target_os_version, mode):
    uuid = device.get("uuid")
    if not uuid:
        raise OsUpdateError("The uuid of the device is not available")
    if mode == "start" and not device.get("is_online"):
        raise OsUpdateError("The device is offline: %s" % uuid)
    if not device.get("os_version"):
        raise OsUpdateError("The current os version of the device is not available: %s" % uuid)
    if not device.get("is_of__device_type"):
        raise OsUpdateError("The device type of the device is not available: %s" % uuid)
    if "os_variant" not in device:
        raise OsUpdateError("The os variant of the device is not available: %s" % uuid)
    if mode == "pin" and same_version_pin(device, target_os_version):
        return
    current = with_variant(device["os_version"], device["os_variant"])
    get_hup_action_type(device["is_of__device_type"][0]["slug"], current, target_os_version)


class DeviceOsUpdate:
    def _os_update_device(self, uuid_or_id, target_os_version, select):
        if target_os_version is None or uuid_or_id is None:
            raise InvalidParameter("target_os_version or UUID", None)
        return device_for_action(self, uuid_or_id, {"$select": select, "$expand": DEVICE_TYPE_SLUG})

    def _available_release(self, device, target_os_version):
        versions = self._os.get_available_os_versions(device["is_of__device_type"][0]["slug"])
        matching = [version for version in versions if version.get("raw_version") == target_os_version]
        if not matching:
            raise InvalidParameter("target_os_version", target_os_version)
        return matching[0]

    def _actions_endpoint(self, version):
        if self.settings.has("actions_endpoint"):
            base = str(self.settings.get("actions_endpoint"))
        else:
            base = "https://actions.%s/" % self._config.get_all()["deviceUrlsBase"]
        endpoint = "%s%s/" % (base, version)
        # Either the user named this service in the settings or the API announced it in /config:
        # the token may go there.
        self.ctx.transport.trust_origin(endpoint)
        return endpoint

    def start_os_update(self, uuid_or_id, target_os_version, *, run_detached=True):
        device = self._os_update_device(uuid_or_id, target_os_version, OS_UPDATE_SELECT)
        check_os_update_target(device, target_os_version, "start")
        self._available_release(device, target_os_version)
        if not isinstance(run_detached, bool):
            raise ValueError("run_detached must be True or False, got %s: %s" % (type(run_detached), run_detached))
        version = "v2" if run_detached else self.settings.get("device_actions_endpoint_version")
        return self._request(
            "POST", "%s/%s" % (device["uuid"], ACTION_NAME),
            body={"parameters": {"target_version": target_os_version}}, endpoint=self._actions_endpoint(version),
        )

    def pin_to_os_release(self, uuid_or_id, target_os_version):
        device = self._os_update_device(uuid_or_id, target_os_version, ["id"] + OS_UPDATE_SELECT)
        check_os_update_target(device, target_os_version, "pin")
        release = self._available_release(device, target_os_version)
        self.pine.patch({"resource": "device", "id": device["id"], "body": {"should_be_operated_by__release": release["id"]}})

    def get_os_update_status(self, uuid_or_id):
        uuid = self.get(uuid_or_id, {"$select": "uuid"})["uuid"]
        endpoint = self._actions_endpoint(self.settings.get("device_actions_endpoint_version"))
        return self._request("GET", "%s/%s" % (uuid, ACTION_NAME), endpoint=endpoint)
