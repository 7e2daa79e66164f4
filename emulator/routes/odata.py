"""Everything under `/v7/` (and the older `/v6/`) goes to the OData engine."""
from __future__ import annotations


def handle(world, request):
    return world.odata.handle(world, request)


def register(router) -> None:
    router.add("*", r"^/v[67]/.*", handle)
