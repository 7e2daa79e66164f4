# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Service variables of a device: variables of one service install (device x service)."""

from __future__ import annotations

from ...dependent_resource import DependentResource, DependentSpec
from ...exceptions import AmbiguousDevice, ServiceNotFound
from ...identifiers import application_navigation_filter, device_key, is_id, navigation_filter
from ..base import Model

RESOURCE = "device_service_environment_variable"


def service_match(service_name_or_id, alias):
    # A service id often comes as digits in a string (from a template or a command line), so a
    # string of digits is taken as an id, not as a service name.
    if is_id(service_name_or_id):
        return service_name_or_id
    if isinstance(service_name_or_id, str) and service_name_or_id.strip().isdigit():
        return int(service_name_or_id)
    return {"$any": {"$alias": alias, "$expr": {alias: {"service_name": service_name_or_id}}}}


def device_match(uuid_or_id, alias="d"):
    key = device_key(uuid_or_id)
    if isinstance(key, dict):
        return {"$any": {"$alias": alias, "$expr": {alias: key}}}
    return key


def installs_filter(uuid_or_id, service_name_or_id=None):
    """``service_install/any(si: ...)`` for one device (and one service when given)."""
    install = {"device": device_match(uuid_or_id)}
    if service_name_or_id is not None:
        install["installs__service"] = service_match(service_name_or_id, "is")
    return {"service_install": {"$any": {"$alias": "si", "$expr": {"si": install}}}}


class DeviceServiceEnvVariable(Model):
    def __init__(self, ctx):
        super(DeviceServiceEnvVariable, self).__init__(ctx)
        # The parent of a service variable is a service install, found from (device, service).
        spec = DependentSpec(RESOURCE, "service_install", "name", RESOURCE, None)
        self.dependent = DependentResource(self.pine, spec)

    def _confirm_device(self, uuid_or_id):
        return lambda: self.resolve.device(uuid_or_id, {"$select": "id"})

    def get_all_by_device(self, uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_filtered(installs_filter(uuid_or_id), options, self._confirm_device(uuid_or_id))

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        devices = navigation_filter("device", "d", application_navigation_filter("belongs_to__application", slug_or_uuid_or_id))
        by_app = {"service_install": {"$any": {"$alias": "si", "$expr": {"si": devices}}}}

        def confirm():
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return self.dependent.get_all_filtered(by_app, options, confirm)

    def get(self, uuid_or_id, service_name_or_id, key):
        rows = self.pine.get({"resource": RESOURCE, "options": {
            "$select": "value",
            "$filter": dict(installs_filter(uuid_or_id, service_name_or_id), name=key),
        }})
        if not rows:
            self._confirm_device(uuid_or_id)()
            return None
        return rows[0].get("value") if len(rows) == 1 else None

    def set(self, uuid_or_id, service_name_or_id, key, value):
        # The service install lookup also returns the variable's row when it exists: one write follows.
        installs = self.pine.get({"resource": "service_install", "options": {
            "$select": "id",
            "$filter": {"device": device_match(uuid_or_id), "installs__service": service_match(service_name_or_id, "s")},
            "$expand": self.dependent.existing_row_expand(key),
        }})
        if not installs:
            raise ServiceNotFound(service_name_or_id)
        if len(installs) > 1:
            raise AmbiguousDevice(uuid_or_id)
        self.dependent.write(installs[0]["id"], key, value, installs[0][RESOURCE])

    def remove(self, uuid_or_id, service_name_or_id, key):
        device_id = self.resolve.device(uuid_or_id, {"$select": "id"})["id"]
        self.pine.delete({"resource": RESOURCE, "options": {"$filter": dict(installs_filter(device_id, service_name_or_id), name=key)}})
