"""Finding the device a REST route names, and deciding whether the caller may see or drive it."""
from __future__ import annotations

from ..auth.caller import ADMIN, DEVICE
from ..errors import unauthorized
from .guards import can_read_app, can_write_app


def device_by_uuid(tx, uuid: str) -> dict | None:
    rows = tx.find("device", uuid=uuid)
    return rows[0] if rows else None


def may_read(caller, device: dict) -> bool:
    if caller.kind == DEVICE:
        return caller.device_id == device["id"]
    return can_read_app(caller, device.get("belongs_to__application"))


def may_write(caller, device: dict) -> bool:
    if caller.kind == DEVICE:
        return caller.device_id == device["id"]
    return caller.kind == ADMIN or can_write_app(caller, device.get("belongs_to__application"))


def require_readable(caller, device: dict | None) -> dict:
    if device is None or not may_read(caller, device):
        raise unauthorized()
    return device
