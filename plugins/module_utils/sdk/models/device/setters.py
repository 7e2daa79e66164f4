# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Changing devices: one device or many at once (ids or uuids, in chunks)."""

from __future__ import annotations

from ...batching import NUMERIC_ID_CHUNK_SIZE, chunks, fetch_all, ids_filter
from ...exceptions import AmbiguousDevice, DeviceNotFound, IncompatibleApplication, InvalidParameter, ReleaseNotFound
from ...identifiers import is_id
from ...semver_tools import ensure_version
from ..clock import now_ms
from ..os_releases import is_architecture_compatible

MIN_SUPERVISOR_MC_API = "7.0.0"
MIN_OS_MC = "2.12.0"
TYPE_ARCH = {"$select": "is_of__cpu_architecture", "$expand": {"is_of__cpu_architecture": {"$select": "slug"}}}


class DeviceSetters:
    def _devices(self, uuid_or_id_or_ids, select=(), options=None, parameter_name="uuid_or_id_or_ids"):
        if uuid_or_id_or_ids == "":
            raise InvalidParameter(parameter_name, uuid_or_id_or_ids)
        return fetch_all(self.get_all, uuid_or_id_or_ids, parameter_name, list(select), DeviceNotFound, AmbiguousDevice, options)

    def _write(self, uuid_or_id_or_ids, body):
        """PATCH (or DELETE when ``body`` is None) the named devices, by exact id."""
        devices = self._devices(uuid_or_id_or_ids)
        if not isinstance(uuid_or_id_or_ids, list):
            query = {"resource": "device", "id": devices[0]["id"]}
            self._send(query, body)
            return
        for chunk in chunks([device["id"] for device in devices], NUMERIC_ID_CHUNK_SIZE):
            self._send({"resource": "device", "options": {"$filter": ids_filter(chunk)}}, body)

    def _send(self, query, body):
        if body is None:
            self.pine.delete(query)
        else:
            query["body"] = body
            self.pine.patch(query)

    def _patch_ids(self, ids, body):
        for chunk in chunks(list(ids), NUMERIC_ID_CHUNK_SIZE):
            self.pine.patch({"resource": "device", "options": {"$filter": ids_filter(chunk)}, "body": body})

    def remove(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, None)

    def deactivate(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, {"is_active": False})

    def rename(self, uuid_or_id, new_name):
        self._write(uuid_or_id, {"device_name": new_name})

    def set_note(self, uuid_or_id_or_ids, note):
        self._write(uuid_or_id_or_ids, {"note": note})

    def set_custom_location(self, uuid_or_id_or_ids, location):
        self._write(uuid_or_id_or_ids, {"custom_latitude": str(location["latitude"]), "custom_longitude": str(location["longitude"])})

    def unset_custom_location(self, uuid_or_id_or_ids):
        self.set_custom_location(uuid_or_id_or_ids, {"latitude": "", "longitude": ""})

    def enable_device_url(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, {"is_web_accessible": True})

    def disable_device_url(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, {"is_web_accessible": False})

    def grant_support_access(self, uuid_or_id_or_ids, expiry_timestamp):
        if expiry_timestamp is None or expiry_timestamp <= now_ms():
            raise InvalidParameter("expiry_timestamp", expiry_timestamp)
        self._write(uuid_or_id_or_ids, {"is_accessible_by_support_until__date": expiry_timestamp})

    def revoke_support_access(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, {"is_accessible_by_support_until__date": None})

    def track_application_release(self, uuid_or_id_or_ids):
        self._write(uuid_or_id_or_ids, {"is_pinned_on__release": None})

    def move(self, uuid_or_id_or_ids, app_slug_or_uuid_or_id):
        app, devices = self.pine.parallel.run(
            lambda: self.resolve.application(app_slug_or_uuid_or_id, {"$select": "id", "$expand": {"is_for__device_type": TYPE_ARCH}}),
            lambda: self._devices(uuid_or_id_or_ids, ["belongs_to__application", "is_of__device_type"], {"$expand": {"is_of__device_type": TYPE_ARCH}}),
        )
        app_arch = app["is_for__device_type"][0]["is_of__cpu_architecture"][0]["slug"]
        for device in devices:
            device_arch = device["is_of__device_type"][0]["is_of__cpu_architecture"][0]["slug"]
            if not is_architecture_compatible(app_arch, device_arch):
                raise IncompatibleApplication(app_slug_or_uuid_or_id)
        # One bulk PATCH per chunk: the target fleet is the same for every device.
        self._patch_ids([device["id"] for device in devices], {"belongs_to__application": app["id"]})

    def pin_to_release(self, uuid_or_id_or_ids, full_release_hash_or_id):
        # The device lookup expands each device's fleet with the matching release: no release lookups.
        key_field = "id" if is_id(full_release_hash_or_id) else "commit"
        release = {
            "$top": 1,
            "$select": "id",
            "$filter": {key_field: full_release_hash_or_id, "status": "success"},
            "$orderby": "created_at desc",
        }
        fleet = {"belongs_to__application": {"$select": "id", "$expand": {"owns__release": release}}}
        devices = self._devices(uuid_or_id_or_ids, ["belongs_to__application"], {"$expand": fleet})
        by_release = {}
        for device in devices:
            releases = device["belongs_to__application"][0]["owns__release"]
            if not releases:
                raise ReleaseNotFound(str(full_release_hash_or_id))
            by_release.setdefault(releases[0]["id"], []).append(device["id"])
        for release_id, device_ids in by_release.items():
            self._patch_ids(device_ids, {"is_pinned_on__release": release_id})

    def pin_to_supervisor_release(self, uuid_or_id_or_ids, supervisor_version_or_id):
        devices = self._devices(
            uuid_or_id_or_ids, ["supervisor_version", "os_version", "is_of__device_type"],
            {"$expand": {"is_of__device_type": {"$select": "is_of__cpu_architecture"}}},
        )
        for device in devices:
            ensure_version(device.get("supervisor_version"), MIN_SUPERVISOR_MC_API, "supervisor")
            ensure_version(device.get("os_version"), MIN_OS_MC, "host OS")
        by_arch = {}
        for device in devices:
            by_arch.setdefault(device["is_of__device_type"][0]["is_of__cpu_architecture"]["__id"], []).append(device)
        key_field = "id" if is_id(supervisor_version_or_id) else "raw_version"
        for arch_id, group in by_arch.items():
            releases = self._os.get_supervisor_releases_for_cpu_architecture(
                arch_id, {"$top": 1, "$select": "id", "$filter": {key_field: supervisor_version_or_id}})
            if not releases:
                # 17.3.0 raises this plain Exception; scripts written for it catch exactly that.
                raise Exception("Supervisor release not found {0}".format(supervisor_version_or_id))  # pylint: disable=broad-exception-raised
            self._patch_ids([device["id"] for device in group], {"should_be_managed_by__release": releases[0]["id"]})
