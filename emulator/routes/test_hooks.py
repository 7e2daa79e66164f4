"""The emulator's own test hooks under /_emulator/: the request log and fault injection.

Only the admin token may use them (sent as any credential is, e.g. `Authorization: Bearer <token>`);
anyone else gets 401 with an empty body.
"""
from __future__ import annotations

import json
import re

from ..auth.caller import ADMIN
from ..errors import ApiError, bad_request, unauthorized
from ..faults import FaultRuleError
from ..web.response import empty_response, json_response


def require_admin(request) -> None:
    if request.caller is None or request.caller.kind != ADMIN:
        raise unauthorized()


def list_requests(world, request):
    """`?path=<regex>` and `?method=` narrow the list."""
    require_admin(request)
    entries = world.request_log.entries()
    query = request.query()
    if query.get("method"):
        entries = [entry for entry in entries if entry["method"] == query["method"].upper()]
    if query.get("path"):
        try:
            pattern = re.compile(query["path"])
        except re.error as exc:
            raise bad_request(f"path is not a valid regular expression: {exc}") from exc
        entries = [entry for entry in entries if pattern.search(entry["path"])]
    return json_response(entries)


def clear_requests(world, request):
    require_admin(request)
    world.request_log.clear()
    return empty_response(200)


def list_faults(world, request):
    require_admin(request)
    return json_response(world.faults.rules())


def add_fault(world, request):
    require_admin(request)
    try:
        rule = json.loads(request.body or b"null")
    except (ValueError, UnicodeDecodeError) as exc:
        raise bad_request("a fault rule is a JSON object") from exc
    try:
        added = world.faults.add(rule)
    except FaultRuleError as exc:
        raise bad_request(str(exc)) from exc
    return json_response(added, 201)


def clear_faults(world, request):
    require_admin(request)
    world.faults.clear()
    return empty_response(200)


def remove_fault(world, request):
    require_admin(request)
    try:
        rule_id = int(request.params["rule_id"])
    except ValueError as exc:
        raise bad_request("a fault rule id is a number") from exc
    if not world.faults.remove(rule_id):
        raise ApiError(404, f"No fault rule {rule_id}")
    return empty_response(200)


def register(router) -> None:
    router.add("GET", "/_emulator/requests", list_requests)
    router.add("DELETE", "/_emulator/requests", clear_requests)
    router.add("GET", "/_emulator/faults", list_faults)
    router.add("POST", "/_emulator/faults", add_fault)
    router.add("DELETE", "/_emulator/faults", clear_faults)
    router.add("DELETE", "/_emulator/faults/{rule_id}", remove_fault)
