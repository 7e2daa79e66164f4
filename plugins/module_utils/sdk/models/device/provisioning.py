# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Registering devices, device keys and public device URLs."""

from __future__ import annotations

from ...exceptions import DeviceNotWebAccessible, InvalidDeviceType
from ...identifiers import is_id
from ..base import strip_quotes
from ..os_releases import is_architecture_compatible

TYPE_WITH_ARCH = {"$select": "slug", "$expand": {"is_of__cpu_architecture": {"$select": "slug"}}}


class DeviceProvisioning:
    def register(self, application_slug_or_uuid_or_id, uuid, device_type_slug=None):
        user_id = self.ctx.auth.get_user_info()["id"]
        # The fleet lookup gives the id the provisioning key needs: no second fleet lookup.
        app = self.resolve.application(application_slug_or_uuid_or_id, {"$select": "id", "$expand": {"is_for__device_type": TYPE_WITH_ARCH}})
        app_type = app["is_for__device_type"][0]
        api_key = self._application.generate_provisioning_key(app["id"])
        device_type = app_type["slug"]
        if isinstance(device_type_slug, str):
            requested = self.resolve.device_type(device_type_slug, TYPE_WITH_ARCH)
            app_arch = app_type["is_of__cpu_architecture"][0]["slug"]
            if not is_architecture_compatible(requested["is_of__cpu_architecture"][0]["slug"], app_arch):
                raise InvalidDeviceType("%s is not compactible with application %s device typ" % (device_type_slug, app_arch))
            device_type = requested["slug"]
        body = {"user": user_id, "application": app["id"], "uuid": uuid, "device_type": device_type}
        return self._request("POST", "/device/register", body=body, token=api_key)

    def generate_device_key(self, uuid_or_id, name=None, description=None, expiry_date=None):
        device_id = uuid_or_id if is_id(uuid_or_id) else self.get(uuid_or_id, {"$select": "id"})["id"]
        body = {"name": name, "description": description, "expiryDate": expiry_date}
        return strip_quotes(self._request("POST", "/api-key/device/%d/device-key" % device_id, body=body))

    def get_device_url(self, uuid_or_id):
        device = self.get(uuid_or_id, {"$select": ["uuid", "is_web_accessible"]})
        if not device["is_web_accessible"]:
            raise DeviceNotWebAccessible(uuid_or_id)
        return "https://%s.%s" % (device["uuid"], self._config.get_all()["deviceUrlsBase"])
