# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Local mode and the update-lock override: device configuration variables with rules."""

from __future__ import annotations

from ...exceptions import LocalModeError
from ...semver_tools import at_least

LOCAL_MODE_MIN_OS_VERSION = "2.0.0"
LOCAL_MODE_MIN_SUPERVISOR_VERSION = "4.0.0"
LOCAL_MODE_ENV_VAR = "RESIN_SUPERVISOR_LOCAL_MODE"
OVERRIDE_LOCK_ENV_VAR = "RESIN_OVERRIDE_LOCK"
LOCAL_MODE_SELECT = ["id", "os_version", "os_variant", "supervisor_version", "last_connectivity_event"]


def local_mode_problem(device):
    """Why local mode cannot be used on ``device``, or None when it can."""
    if not device.get("supervisor_version") or device.get("last_connectivity_event") is None:
        return "Device is not yet fully provisioned"
    if not at_least(device.get("os_version"), LOCAL_MODE_MIN_OS_VERSION):
        return "Device OS version does not support local mode"
    if not at_least(device.get("supervisor_version"), LOCAL_MODE_MIN_SUPERVISOR_VERSION):
        return "Device supervisor version does not support local mode"
    if device.get("os_variant") != "dev":
        return "Local mode is only supported on development OS versions"
    return None


class DeviceLocalMode:
    def enable_local_mode(self, uuid_or_id):
        # One read serves the checks, the device id and the current variable row.
        dependent = self.config_var.dependent
        device = self.get(uuid_or_id, {"$select": LOCAL_MODE_SELECT, "$expand": dependent.existing_row_expand(LOCAL_MODE_ENV_VAR)})
        problem = local_mode_problem(device)
        if problem:
            raise LocalModeError(problem)
        dependent.write(device["id"], LOCAL_MODE_ENV_VAR, "1", device["device_config_variable"])

    def disable_local_mode(self, uuid_or_id):
        self.config_var.set(uuid_or_id, LOCAL_MODE_ENV_VAR, "0")

    def is_in_local_mode(self, uuid_or_id):
        return self._config_value(uuid_or_id, LOCAL_MODE_ENV_VAR) == "1"

    def _config_value(self, uuid_or_id, name):
        device = self.get(uuid_or_id, {"$select": "id", "$expand": {"device_config_variable": {"$select": "value", "$filter": {"name": name}}}})
        rows = device["device_config_variable"]
        return rows[0].get("value") if rows else None

    def get_local_mode_support(self, uuid_or_id):
        problem = local_mode_problem(self.get(uuid_or_id, {"$select": LOCAL_MODE_SELECT}))
        if problem:
            return {"supported": False, "message": problem}
        return {"supported": True, "message": "Supported"}

    def enable_lock_override(self, uuid_or_id):
        self.config_var.set(uuid_or_id, OVERRIDE_LOCK_ENV_VAR, "1")

    def disable_lock_override(self, uuid_or_id):
        self.config_var.set(uuid_or_id, OVERRIDE_LOCK_ENV_VAR, "0")

    def has_lock_override(self, uuid_or_id):
        only_lock = {"$select": "value", "$filter": {"name": OVERRIDE_LOCK_ENV_VAR}}
        device = self.get(uuid_or_id, {"$select": "id", "$expand": {
            "device_config_variable": only_lock,
            "belongs_to__application": {"$select": "id", "$expand": {"application_config_variable": only_lock}},
        }})
        device_value = device["device_config_variable"]
        if device_value:
            return device_value[0].get("value") == "1"
        app_value = device["belongs_to__application"][0]["application_config_variable"]
        return bool(app_value) and app_value[0].get("value") == "1"
