# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Reading devices."""

from __future__ import annotations

import binascii
import os

from ...exceptions import DeviceNotFound, DeviceOffline
from ...identifiers import application_navigation_filter, navigation_filter, organization_key
from ...pine import merge
from ..service_details import current_services_expand, with_current_services

METRICS = [
    "memory_usage", "memory_total", "storage_block_device", "storage_usage", "storage_total",
    "cpu_usage", "cpu_temp", "cpu_id", "is_undervolted",
]


def split_list(value):
    return value.split(" ") if value is not None else []


class DeviceQueries:
    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": "device", "options": merge({"$orderby": "device_name asc"}, options)})

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        # One request: filter through the fleet link; the fleet is looked up only to explain an empty answer.
        devices = self.get_all(merge({"$filter": application_navigation_filter("belongs_to__application", slug_or_uuid_or_id)}, options))
        if not devices:
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return devices

    def get_all_by_organization(self, handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        key = organization_key(handle_or_id)
        org_filter = {"organization": key} if not isinstance(key, dict) else navigation_filter("organization", "o", key)
        devices = self.get_all(merge({"$filter": navigation_filter("belongs_to__application", "bta", org_filter)}, options))
        if not devices:
            self.resolve.organization(handle_or_id, {"$select": "id"})
        return devices

    def get(self, uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.resolve.device(uuid_or_id, options)

    def get_with_service_details(self, uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return with_current_services(self.get(uuid_or_id, merge({"$expand": current_services_expand(True)}, options)))

    def get_by_name(self, name, options={}):  # pylint: disable=dangerous-default-value
        devices = self.get_all(merge({"$filter": {"device_name": name}}, options))
        if not devices:
            raise DeviceNotFound(name)
        return devices

    def get_name(self, uuid_or_id):
        return self.get(uuid_or_id, {"$select": "device_name"})["device_name"]

    def get_application_name(self, uuid_or_id):
        device = self.get(uuid_or_id, {"$select": "id", "$expand": {"belongs_to__application": {"$select": "app_name"}}})
        return device["belongs_to__application"][0]["app_name"]

    def has(self, uuid_or_id):
        try:
            self.get(uuid_or_id, {"$select": ["id"]})
            return True
        except DeviceNotFound:
            return False

    def is_online(self, uuid_or_id):
        return self.get(uuid_or_id, {"$select": "is_online"})["is_online"]

    def get_status(self, uuid_or_id):
        return self.get(uuid_or_id, {"$select": "overall_status"})["overall_status"]

    def has_device_url(self, uuid_or_id):
        return self.get(uuid_or_id, {"$select": "is_web_accessible"})["is_web_accessible"]

    def is_tracking_application_release(self, uuid_or_id):
        return not bool(self.get(uuid_or_id, {"$select": "is_pinned_on__release"})["is_pinned_on__release"])

    def get_local_ip_address(self, uuid_or_id):
        device = self.get(uuid_or_id, {"$select": ["is_online", "ip_address"]})
        if not device.get("is_online"):
            raise DeviceOffline(uuid_or_id)
        return split_list(device.get("ip_address"))

    def get_mac_address(self, uuid_or_id):
        return split_list(self.get(uuid_or_id, {"$select": ["mac_address"]}).get("mac_address"))

    def get_metrics(self, uuid_or_id):
        device = self.get(uuid_or_id, {"$select": list(METRICS)})
        return dict((name, device.get(name, "")) for name in METRICS)

    def get_dashboard_url(self, uuid):
        if not isinstance(uuid, str) or not uuid:
            raise ValueError("Device UUID must be a non empty string")
        return self._dashboard_url("/devices/%s/summary" % uuid)

    @staticmethod
    def generate_uuid():
        # 31 random bytes: 62 hex characters, the longest uuid balena's VPN certificates accept.
        return binascii.hexlify(os.urandom(31)).decode()
