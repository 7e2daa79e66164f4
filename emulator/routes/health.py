"""Liveness probes: `/ping` answers every method, `/connectivity-check` is an empty 204."""
from __future__ import annotations

from ..web.response import empty_response, text_response


def ping(world, request):
    return text_response("OK")


def connectivity_check(world, request):
    return empty_response(204)


def register(router) -> None:
    router.add("*", "/ping", ping)
    router.add("*", "/connectivity-check", connectivity_check)
