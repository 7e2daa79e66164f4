"""Reading a write: the row as it will be once the write applies, and what the write changes."""
from __future__ import annotations

from .base import WriteOp


def merged(op: WriteOp) -> dict:
    """The stored row (for updates) overlaid with the values being written."""
    return {**(op.old or {}), **op.values}


def changes(op: WriteOp, field: str) -> bool:
    """True when the write sets `field` to a value other than the stored one."""
    if field not in op.values:
        return False
    if op.old is None:
        return True
    return _same(op.old.get(field)) != _same(op.values[field])


def is_true(value) -> bool:
    return value in (True, 1, "1", "true", "True")


def caller_is_internal(op: WriteOp) -> bool:
    """Writes made by the emulator itself (hooks, seeding, REST routes acting for the API) or the admin."""
    return op.caller is None or getattr(op.caller, "kind", None) == "admin"


def _same(value):
    if value is True:
        return 1
    if value is False:
        return 0
    return value
