"""`/auth/v1/public-keys/:username`: a user's SSH public keys as text, for API-key holders (the
device's SSH gateway asks with one)."""
from __future__ import annotations

from ..schema import registry
from ..web.response import text_response
from .guards import require_api_key


def public_keys(world, request):
    require_api_key(request)
    table = registry.resolve("user_public_key").name
    with world.store.transaction() as tx:
        rows = tx.query(
            f'SELECT k.public_key FROM "{table}" k JOIN "user" u ON u.id = k."user" '
            "WHERE lower(u.username) = lower(?) ORDER BY k.id",
            (request.params["username"],),
        )
    return text_response("\n".join(row["public_key"] for row in rows))


def register(router) -> None:
    router.add("GET", "/auth/v1/public-keys/{username}", public_keys)
