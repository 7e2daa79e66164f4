"""balenaCloud's device history: one entry per period in which a device's tracked state was stable.

An entry opens when the device is created or a tracked field changes, and closes (`end_timestamp`)
when the next one opens or the device is deleted.
"""
from __future__ import annotations

from .base import ResourceHooks, WriteOp, register
from .changes import changes

TRACKED = (
    "belongs_to__application", "is_active", "is_running__release", "is_pinned_on__release", "os_version",
    "os_variant", "supervisor_version", "is_of__device_type", "should_be_managed_by__release",
)


def _actor(op: WriteOp):
    return getattr(op.caller, "actor_id", None) if op.caller is not None else None


def close_entries(tx, device_id: int, actor) -> None:
    tx.execute("UPDATE device_history SET end_timestamp = ?, is_ended_by__actor = ? "
               "WHERE tracks__device = ? AND end_timestamp IS NULL", (tx.now(), actor, device_id))


def open_entry(tx, device_id: int, actor) -> None:
    device = tx.get("device", device_id)
    fleet = tx.get("application", device["belongs_to__application"]) if device["belongs_to__application"] else None
    target = device["is_pinned_on__release"] or (fleet["should_be_running__release"] if fleet else None)
    tx.insert("device_history", {
        "is_created_by__actor": actor,
        "tracks__device": device_id,
        "tracks__actor": device["actor"],
        "uuid": device["uuid"],
        "belongs_to__application": device["belongs_to__application"],
        "is_active": bool(device.get("is_active", True)),
        "is_running__release": device["is_running__release"],
        "should_be_running__release": target,
        "os_version": device["os_version"],
        "os_variant": device["os_variant"],
        "supervisor_version": device["supervisor_version"],
        "is_of__device_type": device["is_of__device_type"],
        "should_be_managed_by__release": device["should_be_managed_by__release"],
    })


class DeviceHistoryHooks(ResourceHooks):
    resource = "device"

    def after_create(self, op: WriteOp) -> None:
        open_entry(op.tx, op.id, _actor(op))

    def after_update(self, op: WriteOp) -> None:
        if any(changes(op, field) for field in TRACKED):
            close_entries(op.tx, op.id, _actor(op))
            open_entry(op.tx, op.id, _actor(op))

    def before_delete(self, op: WriteOp) -> None:
        close_entries(op.tx, op.id, _actor(op))
        op.tx.execute("UPDATE device_history SET tracks__device = NULL WHERE tracks__device = ?", (op.id,))


register(DeviceHistoryHooks())
