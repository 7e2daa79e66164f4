# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Device actions carried out by the supervisor, through the API or on the device itself."""

from __future__ import annotations

from ...exceptions import LocalSupervisorNotFound, RequestError
from ...identifiers import is_full_uuid, is_id
from ...semver_tools import at_least, ensure_version, is_valid
from .already_read import device_for_action

MIN_SUPERVISOR_MC_API = "7.0.0"
MIN_SUPERVISOR_APPS_API = "1.8.0-alpha.0"
WITH_APP = {"$select": "id", "$expand": {"belongs_to__application": {"$select": "id"}}}
WITH_APP_AND_SUPERVISOR = {"$select": ["id", "supervisor_version"], "$expand": {"belongs_to__application": {"$select": "id"}}}
UUID = {"$select": "uuid"}


def force_flag(force):
    if not isinstance(force, bool):
        raise ValueError("The `force` flag must be of type bool, got %s instead." % type(force))
    return {"force": True} if force else {}


def app_id_of(device):
    return device["belongs_to__application"][0]["id"]


class DeviceSupervisor:
    def _remote(self, uuid_or_id):
        if uuid_or_id is None:
            raise LocalSupervisorNotFound()

    def _device_with_app(self, uuid_or_id, options=None):
        self._remote(uuid_or_id)
        return device_for_action(self, uuid_or_id, options or WITH_APP)

    def ping(self, uuid_or_id=None):
        if self._local_supervisor.targets(uuid_or_id):
            self._local_supervisor.call("GET", "/ping")
            return
        device = self._device_with_app(uuid_or_id)
        self._supervisor_request("POST", "/supervisor/ping", body={"method": "GET", "deviceId": device["id"], "appId": app_id_of(device)})

    def identify(self, uuid_or_id=None):
        if self._local_supervisor.targets(uuid_or_id):
            self._local_supervisor.call("POST", "/v1/blink")
            return
        self._remote(uuid_or_id)
        self._by_uuid(uuid_or_id, lambda uuid: self._supervisor_request("POST", "/supervisor/v1/blink", body={"uuid": uuid}))

    def restart_application(self, uuid_or_id=None):
        if self._local_supervisor.targets(uuid_or_id):
            self._local_supervisor.call("POST", "/v1/restart", {"appId": self._local_supervisor.app_id})
            return
        device = self._device_with_app(uuid_or_id, WITH_APP_AND_SUPERVISOR)
        supervisor_version = device.get("supervisor_version")
        if not is_valid(supervisor_version) or not at_least(supervisor_version, MIN_SUPERVISOR_MC_API):
            self._supervisor_request("POST", "/device/%d/restart" % device["id"])
            return
        app_id = app_id_of(device)
        self._supervisor_request("POST", "/supervisor/v1/restart", body={"deviceId": device["id"], "appId": app_id, "data": {"appId": app_id}})

    def reboot(self, uuid_or_id=None, force=False):
        data = force_flag(force)
        if self._local_supervisor.targets(uuid_or_id):
            self._local_supervisor.call("POST", "/v1/reboot", data)
            return
        self._remote(uuid_or_id)
        if is_id(uuid_or_id):
            self._supervisor_request("POST", "/supervisor/v1/reboot", body={"deviceId": uuid_or_id, "data": data})
            return
        self._by_uuid(uuid_or_id, lambda uuid: self._supervisor_request("POST", "/supervisor/v1/reboot", body={"uuid": uuid, "data": data}))

    def shutdown(self, uuid_or_id=None, force=False):
        self._app_action("/v1/shutdown", uuid_or_id, force_flag(force))

    def update(self, uuid_or_id=None, force=False):
        return self._app_action("/v1/update", uuid_or_id, force_flag(force))

    def purge(self, uuid_or_id=None):
        if self._local_supervisor.targets(uuid_or_id):
            self._local_supervisor.call("POST", "/v1/purge", {"appId": self._local_supervisor.app_id})
            return
        device = self._device_with_app(uuid_or_id)
        app_id = app_id_of(device)
        self._supervisor_request("POST", "/supervisor/v1/purge", body={"deviceId": device["id"], "appId": app_id, "data": {"appId": app_id}})

    def _app_action(self, path, uuid_or_id, data):
        if self._local_supervisor.targets(uuid_or_id):
            return self._local_supervisor.call("POST", path, data)
        device = self._device_with_app(uuid_or_id)
        return self._supervisor_request("POST", "/supervisor" + path, body={"deviceId": device["id"], "appId": app_id_of(device), "data": data})

    def get_supervisor_state(self, uuid_or_id=None):
        if self._local_supervisor.targets(uuid_or_id):
            return self._local_supervisor.call("GET", "/v1/device")
        self._remote(uuid_or_id)
        state = self._by_uuid(uuid_or_id, lambda uuid: self._supervisor_request("POST", "/supervisor/v1/device", body={"uuid": uuid, "method": "GET"}))
        if isinstance(state, dict):
            return state
        raise Exception(state)  # pylint: disable=broad-exception-raised

    def start_service(self, uuid_or_id, image_id):
        self._service_action("start-service", uuid_or_id, image_id)

    def stop_service(self, uuid_or_id, image_id):
        self._service_action("stop-service", uuid_or_id, image_id)

    def restart_service(self, uuid_or_id, image_id):
        self._service_action("restart-service", uuid_or_id, image_id)

    def _service_action(self, action, uuid_or_id, image_id):
        if self._local_supervisor.targets(uuid_or_id):
            path = "/v2/applications/%s/%s" % (self._local_supervisor.app_id, action)
            self._local_supervisor.call("POST", path, {"imageId": image_id})
            return
        device = self._device_with_app(uuid_or_id, WITH_APP_AND_SUPERVISOR)
        ensure_version(device.get("supervisor_version"), MIN_SUPERVISOR_MC_API, "supervisor")
        app_id = app_id_of(device)
        body = {"deviceId": device["id"], "appId": app_id, "data": {"appId": app_id, "imageId": image_id}}
        self._supervisor_request("POST", "/supervisor/v2/applications/%d/%s" % (app_id, action), body=body)

    def get_application_info(self, uuid_or_id):
        device = self._legacy_app_device(uuid_or_id)
        app_id = app_id_of(device)
        return self._supervisor_request("POST", "/supervisor/v1/apps/%d" % app_id, body={"deviceId": device["id"], "appId": app_id, "method": "GET"})

    def start_application(self, uuid_or_id):
        self._legacy_app_action(uuid_or_id, "start")

    def stop_application(self, uuid_or_id):
        self._legacy_app_action(uuid_or_id, "stop")

    def _legacy_app_device(self, uuid_or_id):
        device = self.get(uuid_or_id, WITH_APP_AND_SUPERVISOR)
        ensure_version(device.get("supervisor_version"), MIN_SUPERVISOR_APPS_API, "supervisor")
        return device

    def _legacy_app_action(self, uuid_or_id, action):
        device = self._legacy_app_device(uuid_or_id)
        app_id = app_id_of(device)
        self._supervisor_request("POST", "/supervisor/v1/apps/%d/%s" % (app_id, action), body={"deviceId": device["id"], "appId": app_id})

    def get_supervisor_target_state(self, uuid_or_id):
        return self._by_uuid(uuid_or_id, lambda uuid: self._request("GET", "/device/v2/%s/state" % uuid))

    def _by_uuid(self, uuid_or_id, send):
        """``send(uuid)``. A full uuid is sent at once, and the device is looked up only when the
        API refuses, so that a missing device still raises DeviceNotFound; any other refusal is
        raised as it came. An id or a short uuid is looked up first."""
        if not is_full_uuid(uuid_or_id):
            return send(device_for_action(self, uuid_or_id, UUID)["uuid"])
        try:
            return send(uuid_or_id)
        except RequestError:
            self.get(uuid_or_id, UUID)
            raise

    def get_supervisor_target_state_for_app(self, slug_or_uuid_or_id, release=None):
        uuid = self.resolve.application(slug_or_uuid_or_id, {"$select": "uuid"})["uuid"]
        return self._request("GET", "/device/v3/fleet/%s/state/" % uuid, qs={"releaseUuid": str(release) if release else ""})
