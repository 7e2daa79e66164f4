# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Device tags and device variables (configuration, environment)."""

from __future__ import annotations

from ...dependent_resource import DependentResource, DependentSpec
from ...identifiers import application_navigation_filter, device_navigation_filter, navigation_filter
from ..base import Model


def devices_of_application(slug_or_uuid_or_id):
    """``device/any(d: d/belongs_to__application ...)``: rows of every device of a fleet."""
    return navigation_filter("device", "d", application_navigation_filter("belongs_to__application", slug_or_uuid_or_id))


def rows_of_device(uuid):
    return device_navigation_filter("device", uuid)


class DeviceDependent(Model):
    RESOURCE = ""
    KEY_FIELD = "name"
    CONFIRM_DEVICE_ID = False

    def __init__(self, ctx):
        super(DeviceDependent, self).__init__(ctx)
        spec = DependentSpec(self.RESOURCE, "device", self.KEY_FIELD, self.RESOURCE, self.resolve.device, rows_of_device)
        self.dependent = DependentResource(self.pine, spec)

    def get_all_by_device(self, uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_by_parent(uuid_or_id, options, confirm_id=self.CONFIRM_DEVICE_ID)

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        def confirm():
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return self.dependent.get_all_filtered(devices_of_application(slug_or_uuid_or_id), options, confirm)


class DeviceVariable(DeviceDependent):
    def get(self, uuid_or_id, env_var_name):
        return self.dependent.get(uuid_or_id, env_var_name)

    def set(self, uuid_or_id, env_var_name, value):
        self.dependent.set(uuid_or_id, env_var_name, value)

    def remove(self, uuid_or_id, key):
        self.dependent.remove(uuid_or_id, key)


class DeviceTag(DeviceDependent):
    RESOURCE, KEY_FIELD, CONFIRM_DEVICE_ID = "device_tag", "tag_key", True

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all(options)

    def get(self, uuid_or_id, tag_key):
        return self.dependent.get(uuid_or_id, tag_key)

    def set(self, uuid_or_id, tag_key, value):
        self.dependent.set(uuid_or_id, tag_key, value)

    def remove(self, uuid_or_id, tag_key):
        self.dependent.remove(uuid_or_id, tag_key)


class DeviceConfigVariable(DeviceVariable):
    RESOURCE = "device_config_variable"


class DeviceEnvVariable(DeviceVariable):
    RESOURCE = "device_environment_variable"
