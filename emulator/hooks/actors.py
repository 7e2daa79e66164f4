"""Users, fleets and devices each act through an `actor` row created with them."""
from __future__ import annotations

from .base import ResourceHooks, WriteOp, register


class ActorHooks(ResourceHooks):
    def __init__(self, resource: str):
        self.resource = resource

    def before_create(self, op: WriteOp) -> None:
        op.values["actor"] = op.tx.insert("actor", {})


for _resource in ("user", "application", "device"):
    register(ActorHooks(_resource))
