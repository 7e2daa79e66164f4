"""Checks shared by the REST routes: who may call, and reading the body."""
from __future__ import annotations

from ..auth.caller import ADMIN, APPLICATION, DEVICE, USER, USER_KEY
from ..errors import ApiError, bad_request, unauthorized

API_KEY_KINDS = (USER_KEY, APPLICATION, DEVICE)


def require_user(request):
    """A user: a session JWT or a named user API key (the admin token is allowed too)."""
    caller = request.caller
    if caller is None or caller.kind not in (USER, USER_KEY, ADMIN):
        raise unauthorized()
    return caller


def require_session(request):
    """A user's session JWT: what creating tokens and user keys needs."""
    caller = request.caller
    if caller is None or caller.kind != USER:
        raise unauthorized()
    return caller


def require_api_key(request):
    """Any API key; other credentials get the API's JSON object error."""
    caller = request.caller
    if caller is None or caller.kind not in API_KEY_KINDS + (ADMIN,):
        raise ApiError(401, {"error": "API key required"})
    return caller


def body_object(request) -> dict:
    """The JSON (or form) body as a dict; absent means {}; any other JSON value is a 400."""
    body = request.json(default={})
    if not isinstance(body, dict):
        raise bad_request()
    return body


def int_param(value, message: str) -> int:
    """A numeric path segment; otherwise a 400 with `message` as plain text."""
    text = str(value)
    if not text.isdigit():
        raise ApiError(400, message, as_text=True)
    return int(text)


def can_read_app(caller, app_id) -> bool:
    return caller.kind == ADMIN or app_id in caller.app_ids


def can_write_app(caller, app_id) -> bool:
    return caller.kind == ADMIN or app_id in caller.writable_app_ids
