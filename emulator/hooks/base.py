"""The interface every resource's write hooks implement, and their registry.

A hook raises emulator.errors.ApiError to refuse a write; the whole transaction is then rolled back.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


@dataclass
class WriteOp:
    world: Any
    caller: Any                 # emulator.auth.caller.Caller
    resource: Any               # emulator.schema.declare.Resource
    tx: Any                     # emulator.store Transaction (hooks write through it, recursively hooked)
    id: Optional[int] = None    # set for update/delete, and after insert
    old: Optional[dict] = None  # the stored row before an update or delete
    values: dict = field(default_factory=dict)  # fields being written (mutable in before_* hooks)


class ResourceHooks:
    """Subclass per resource; override what applies. `resource` names the resource it serves."""

    resource = ""

    def prepare(self, op: WriteOp) -> None:
        """Runs first on a client's POST or PATCH body (`op.values` is the raw body, unknown keys and
        all), before keys are dropped and types checked: turns convenience inputs into stored fields,
        e.g. a `username` into the `user` id, or an e-mail into an `invitee` id."""

    def before_create(self, op: WriteOp) -> None:
        """Validate and complete `op.values` before the row is inserted."""

    def after_create(self, op: WriteOp) -> None:
        """Runs inside the transaction once the row exists (`op.id` is set)."""

    def before_update(self, op: WriteOp) -> None:
        """Validate `op.values` (only the changed fields) against `op.old`."""

    def after_update(self, op: WriteOp) -> None:
        """Runs inside the transaction after the row changed."""

    def before_delete(self, op: WriteOp) -> None:
        """Refuse the delete or delete dependants (cascades) first."""

    def after_delete(self, op: WriteOp) -> None:
        """Runs inside the transaction once the row is gone."""


_REGISTRY: dict = {}


def register(hooks: ResourceHooks) -> ResourceHooks:
    _REGISTRY.setdefault(hooks.resource, []).append(hooks)
    return hooks


def hooks_for(resource_name: str) -> list:
    return _REGISTRY.get(resource_name, [])
