"""Device writes: identity and name, connectivity stamps, moves between fleets, pins, and the
OS and supervisor releases a device is operated and managed by."""
from __future__ import annotations

from ..errors import ApiError
from . import service_installs
from .base import ResourceHooks, WriteOp, register
from .changes import caller_is_internal, changes, is_true, merged
from .device_names import haiku_name
from .device_rules import check_device_name, check_device_uuid, check_os_version_range, os_variant_of, version_core
from .messages import refuse

_PIN_RULE = ("It is necessary that each device that is pinned on a release, is pinned on a release that has a "
             "status that is equal to \"success\" and belongs to an application that the device belongs to.")


class DeviceHooks(ResourceHooks):
    resource = "device"

    def before_create(self, op: WriteOp) -> None:
        values = op.values
        if values.get("uuid") is not None:
            check_device_uuid(values["uuid"])
        if values.get("device_name") in (None, ""):
            values["device_name"] = haiku_name()
        else:
            check_device_name(values["device_name"])
        self._stamp(op)
        self._check_fleet_os_range(op, values.get("belongs_to__application"))
        if values.get("is_pinned_on__release") is not None:
            self._check_pin(op)
        self._link_host_releases(op)

    def after_create(self, op: WriteOp) -> None:
        service_installs.install_for_device(op.tx, op.id)

    def before_update(self, op: WriteOp) -> None:
        values = op.values
        if "device_name" in values:
            check_device_name(values["device_name"])
        self._stamp(op)
        if changes(op, "belongs_to__application"):
            self._check_move(op)
            if "is_pinned_on__release" not in values:
                values["is_pinned_on__release"] = None
        if changes(op, "is_pinned_on__release") and values["is_pinned_on__release"] is not None:
            self._check_pin(op)
        self._link_host_releases(op)

    def after_update(self, op: WriteOp) -> None:
        if changes(op, "belongs_to__application") or changes(op, "is_pinned_on__release"):
            service_installs.install_for_device(op.tx, op.id)

    # -- connectivity -------------------------------------------------------------------------------
    def _stamp(self, op: WriteOp) -> None:
        values, now = op.values, op.tx.now()
        if "is_connected_to_vpn" in values:
            values["is_online"] = is_true(values["is_connected_to_vpn"])
            values["last_vpn_event"] = now
        if "is_online" in values:
            values["last_connectivity_event"] = now
        if "update_status" in values:
            values["last_update_status_event"] = now
        if "api_heartbeat_state" in values and changes(op, "api_heartbeat_state"):
            values["changed_api_heartbeat_state_on__date"] = now
        if values.get("os_version") is not None and "os_variant" not in values:
            variant = os_variant_of(values["os_version"])
            if variant:
                values["os_variant"] = variant

    # -- fleets and pins ----------------------------------------------------------------------------
    def _check_move(self, op: WriteOp) -> None:
        target = op.values["belongs_to__application"]
        fleet = op.tx.get("application", target) if isinstance(target, int) else None
        if fleet is None or not self._may_move_into(op, target):
            raise ApiError(404, "Application doesn't exist or you have no access to it.")
        self._check_fleet_os_range(op, target)

    @staticmethod
    def _may_move_into(op: WriteOp, application_id: int) -> bool:
        if caller_is_internal(op):
            return True
        if op.caller.is_user:
            return application_id in op.caller.writable_app_ids
        return False

    def _check_fleet_os_range(self, op: WriteOp, application_id) -> None:
        fleet = op.tx.get("application", application_id) if isinstance(application_id, int) else None
        if fleet is None or fleet.get("application_type") is None:
            return
        fleet_type = op.tx.get("application_type", fleet["application_type"])
        if fleet_type and fleet_type.get("needs__os_version_range"):
            check_os_version_range(merged(op), fleet_type["needs__os_version_range"])

    def _check_pin(self, op: WriteOp) -> None:
        row = merged(op)
        release_id = row["is_pinned_on__release"]
        release = op.tx.get("release", release_id) if isinstance(release_id, int) else None
        if (release is None or release["status"] != "success"
                or release["belongs_to__application"] != row.get("belongs_to__application")):
            raise refuse(_PIN_RULE)

    # -- host OS and supervisor releases --------------------------------------------------------------
    def _link_host_releases(self, op: WriteOp) -> None:
        values, row = op.values, merged(op)
        if "should_be_operated_by__release" in values and values["should_be_operated_by__release"] is not None:
            self._check_host_release(op, values["should_be_operated_by__release"], row)
        elif changes(op, "os_version") and row.get("os_version"):
            found = _matching_host_release(op.tx, row)
            if found is not None and not _is_downgrade(op.tx, found, row.get("os_version")):
                values["should_be_operated_by__release"] = found
        if "should_be_managed_by__release" in values and values["should_be_managed_by__release"] is not None:
            self._check_supervisor_release(op, values["should_be_managed_by__release"], row)
        elif op.old is None and row.get("supervisor_version"):
            # Only a new device is linked to its supervisor release; a later report of the version is not.
            found = _matching_supervisor_release(op.tx, row)
            if found is not None and not _is_downgrade(op.tx, found, row.get("supervisor_version")):
                values["should_be_managed_by__release"] = found

    @staticmethod
    def _check_host_release(op: WriteOp, release_id, row: dict) -> None:
        if not isinstance(release_id, int) or isinstance(release_id, bool):
            raise refuse("Expected an ID for the hostapp release")
        release = op.tx.get("release", release_id)
        fleet = op.tx.get("application", release["belongs_to__application"]) if release else None
        if release is None or release["is_invalidated"] or not fleet or not fleet["is_host"]:
            raise refuse(f"Could not find a hostapp release with this ID {release_id}")
        if op.old is not None and _is_downgrade(op.tx, release_id, row.get("os_version")):
            raise refuse("Attempt to downgrade hostapp, which is not allowed")

    @staticmethod
    def _check_supervisor_release(op: WriteOp, release_id, row: dict) -> None:
        if not isinstance(release_id, int) or isinstance(release_id, bool):
            raise refuse("Expected an ID for the supervisor_release")
        release = op.tx.get("release", release_id)
        if release is None or release["is_invalidated"]:
            raise refuse(f"Could not find a supervisor release with this ID {release_id}")
        if op.old is not None and _is_downgrade(op.tx, release_id, row.get("supervisor_version")):
            raise refuse("Attempt to downgrade supervisor, which is not allowed")


def _is_downgrade(tx, release_id: int, current_version) -> bool:
    release = tx.get("release", release_id)
    current = version_core(current_version)
    if release is None or current is None:
        return False
    return (release["semver_major"], release["semver_minor"], release["semver_patch"]) < current


def _matching_host_release(tx, device: dict) -> int | None:
    core = version_core(device.get("os_version"))
    if core is None:
        return None
    rows = tx.query(
        "SELECT r.id, r.variant FROM release r JOIN application a ON a.id = r.belongs_to__application "
        "WHERE a.is_host = 1 AND a.is_for__device_type = ? AND r.status = 'success' AND r.is_invalidated = 0 "
        "AND r.semver_major = ? AND r.semver_minor = ? AND r.semver_patch = ? "
        "ORDER BY r.revision DESC, r.id DESC",
        (device.get("is_of__device_type"), *core),
    )
    variant = device.get("os_variant") or ""
    for candidate in rows:
        if candidate["variant"] in (variant, ""):
            return candidate["id"]
    return rows[0]["id"] if rows else None


def _matching_supervisor_release(tx, device: dict) -> int | None:
    core = version_core(device.get("supervisor_version"))
    if core is None:
        return None
    rows = tx.query(
        "SELECT r.id FROM release r JOIN application a ON a.id = r.belongs_to__application "
        "JOIN device_type fleet_type ON fleet_type.id = a.is_for__device_type "
        "JOIN device_type own_type ON own_type.id = ? "
        "WHERE a.is_public = 1 AND a.is_host = 0 AND a.slug LIKE 'balena_os/%-supervisor' "
        "AND fleet_type.is_of__cpu_architecture = own_type.is_of__cpu_architecture "
        "AND r.status = 'success' AND r.is_invalidated = 0 "
        "AND r.semver_major = ? AND r.semver_minor = ? AND r.semver_patch = ? "
        "ORDER BY r.revision DESC, r.id DESC LIMIT 1",
        (device.get("is_of__device_type"), *core),
    )
    return rows[0]["id"] if rows else None


register(DeviceHooks())
