"""API key names and descriptions."""
from __future__ import annotations

from .base import ResourceHooks, WriteOp, register
from .messages import optional_length_rule


class ApiKeyHooks(ResourceHooks):
    resource = "api_key"

    def before_create(self, op: WriteOp) -> None:
        self._check(op)

    def before_update(self, op: WriteOp) -> None:
        self._check(op)

    @staticmethod
    def _check(op: WriteOp) -> None:
        for field, maximum in (("name", 50), ("description", 150)):
            value = op.values.get(field)
            if isinstance(value, str) and len(value) > maximum:
                raise optional_length_rule("api key", field, maximum)


register(ApiKeyHooks())
