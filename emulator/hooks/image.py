"""Image writes: the registry location a build is stored at, and the push-timestamp rule."""
from __future__ import annotations

import secrets
from urllib.parse import urlparse

from .base import ResourceHooks, WriteOp, register
from .changes import merged
from .messages import refuse

_PUSH_RULE = ("It is necessary that each image that has a status that is equal to \"success\", "
              "has a push timestamp.")


def registry_host(world) -> str:
    """The emulator serves no registry; locations name its own host so they stay recognisable."""
    base = getattr(world, "base_url", "") or ""
    return urlparse(base).netloc or "registry.local"


class ImageHooks(ResourceHooks):
    resource = "image"

    def before_create(self, op: WriteOp) -> None:
        if not op.values.get("is_stored_at__image_location"):
            op.values["is_stored_at__image_location"] = f"{registry_host(op.world)}/v2/{secrets.token_hex(16)}"
        self._check(op)

    def before_update(self, op: WriteOp) -> None:
        self._check(op)

    @staticmethod
    def _check(op: WriteOp) -> None:
        row = merged(op)
        if row.get("status") == "success" and row.get("push_timestamp") is None:
            raise refuse(_PUSH_RULE)


register(ImageHooks())
