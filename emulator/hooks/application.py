"""Fleet writes: defaults, name and slug rules, target release tracking, device type changes."""
from __future__ import annotations

from . import reference_rows, service_installs
from .base import ResourceHooks, WriteOp, register
from .changes import changes, is_true, merged
from .fleet_rules import check_app_name, check_fleet_uuid, slug_for
from .messages import refuse
from .release_tracking import latest_release_id


def _handle_of(tx, organization_id) -> str | None:
    if not isinstance(organization_id, int):
        return None
    row = tx.get("organization", organization_id)
    return row["handle"] if row else None


class ApplicationHooks(ResourceHooks):
    resource = "application"

    def before_create(self, op: WriteOp) -> None:
        values = op.values
        check_app_name(values.get("app_name"))
        if values.get("uuid") is not None:
            check_fleet_uuid(values["uuid"])
        values["slug"] = slug_for(_handle_of(op.tx, values.get("organization")), values["app_name"])
        values["should_track_latest_release"] = True
        if values.get("application_type") is None:
            values["application_type"] = reference_rows.ensure(op.tx, "application_type", "default")

    def before_update(self, op: WriteOp) -> None:
        values, row = op.values, merged(op)
        if "app_name" in values:
            check_app_name(values["app_name"])
        if changes(op, "app_name") or changes(op, "organization"):
            values["slug"] = slug_for(_handle_of(op.tx, row["organization"]), row["app_name"])
        if changes(op, "is_for__device_type"):
            self._check_same_architecture(op)
        if changes(op, "should_be_running__release") and values["should_be_running__release"] is not None:
            self._check_target(op, values["should_be_running__release"])
        if (changes(op, "should_track_latest_release") and is_true(values["should_track_latest_release"])
                and "should_be_running__release" not in values):
            latest = latest_release_id(op.tx, op.id)
            if latest is not None:
                values["should_be_running__release"] = latest

    def after_update(self, op: WriteOp) -> None:
        if changes(op, "should_be_running__release") and op.values["should_be_running__release"] is not None:
            service_installs.install_for_fleet(op.tx, op.id)

    def _check_same_architecture(self, op: WriteOp) -> None:
        old_type = op.tx.get("device_type", op.old["is_for__device_type"])
        new_type = op.tx.get("device_type", op.values["is_for__device_type"])
        if old_type and new_type and old_type["is_of__cpu_architecture"] != new_type["is_of__cpu_architecture"]:
            raise refuse("The new default device type should be of the same cpu architecture as the previous one.")

    def _check_target(self, op: WriteOp, release_id) -> None:
        release = op.tx.get("release", release_id) if isinstance(release_id, int) else None
        if release is None or release["belongs_to__application"] != op.id or release["status"] != "success":
            raise refuse(
                "It is necessary that each application that should be running a release, should be running a "
                "release that has a status that is equal to \"success\" and belongs to the application."
            )


register(ApplicationHooks())
