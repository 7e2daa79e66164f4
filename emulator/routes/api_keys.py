"""Creating API keys: named user keys, provisioning keys (fleet actor) and device keys (device actor).

Every endpoint answers 200 with the new key as a JSON string.
"""
from __future__ import annotations

from ..auth.api_keys import create_key, expiry_from_body
from ..auth.caller import ADMIN, USER, USER_KEY
from ..auth.sessions import is_fresh
from ..auth.users import ensure_actor
from ..errors import ApiError, bad_request, not_found, unauthorized
from ..web.response import json_response
from .guards import body_object, can_write_app, int_param, require_session

NAME_LIMIT = 50
DESCRIPTION_LIMIT = 150
ROLE_ACTOR = {
    "named-user-api-key": "user",
    "provisioning-api-key": "application",
    "device-api-key": "device",
}


def _text_field(body: dict, name: str, limit: int):
    value = body.get(name)
    if value is not None and (not isinstance(value, str) or len(value) > limit):
        raise bad_request()
    return value


def _key_fields(body: dict, *, expiry_required: bool = False) -> dict:
    return {
        "name": _text_field(body, "name", NAME_LIMIT),
        "description": _text_field(body, "description", DESCRIPTION_LIMIT),
        "expiry_date": expiry_from_body(body, required=expiry_required),
    }


def _require_key_creator(request):
    """A user who may create fleet and device keys: a session, a named user key, or the admin token."""
    caller = request.caller
    if caller is None or caller.kind not in (USER, USER_KEY, ADMIN):
        raise unauthorized()
    return caller


def _new_user_key(world, caller, body: dict, fields: dict):
    if not fields["name"]:
        raise bad_request()
    if not is_fresh(world, caller.claims):
        raise ApiError(401, "Fresh authentication token required")
    with world.store.transaction() as tx:
        actor = ensure_actor(tx, "user", caller.user_id)
        return create_key(tx, actor, **fields, key=body.get("apiKey"))


def _new_fleet_key(world, caller, app_id: int, fields: dict, key=None):
    with world.store.transaction() as tx:
        app = tx.get("application", app_id)
        if app is None or not can_write_app(caller, app_id):
            raise unauthorized()
        actor = ensure_actor(tx, "application", app_id)
        return create_key(tx, actor, **fields, key=key)


def _new_device_key(world, caller, device_id: int, fields: dict, key=None):
    with world.store.transaction() as tx:
        device = tx.get("device", device_id)
        if device is None or not can_write_app(caller, device.get("belongs_to__application")):
            raise unauthorized()
        actor = ensure_actor(tx, "device", device_id)
        return create_key(tx, actor, **fields, key=key)


def user_full_key(world, request):
    caller = require_session(request)
    body = body_object(request)
    return json_response(_new_user_key(world, caller, body, _key_fields(body)))


def _generic_key(world, request, *, expiry_required: bool):
    caller = _require_key_creator(request)
    body = body_object(request)
    roles = body.get("roles")
    if not isinstance(roles, list) or len(roles) != 1:
        raise ApiError(400, "API Keys currently only support a single role")
    role = roles[0]
    if role not in ROLE_ACTOR:
        raise not_found(f"Role '{role}' not found")
    if role.startswith("named-") and not body.get("name"):
        raise ApiError(400, f"API keys with the '{role}' role require a name")
    fields = _key_fields(body, expiry_required=expiry_required)
    actor_type, actor_type_id = body.get("actorType"), body.get("actorTypeId")
    if actor_type != ROLE_ACTOR[role] or not isinstance(actor_type_id, int) or isinstance(actor_type_id, bool):
        raise bad_request()
    key = body.get("apiKey")
    if actor_type == "user":
        if caller.kind != USER or caller.user_id != actor_type_id:
            raise unauthorized()
        return json_response(_new_user_key(world, caller, body, fields))
    if actor_type == "application":
        return json_response(_new_fleet_key(world, caller, actor_type_id, fields, key))
    return json_response(_new_device_key(world, caller, actor_type_id, fields, key))


def generic_key_v1(world, request):
    return _generic_key(world, request, expiry_required=False)


def generic_key_v2(world, request):
    return _generic_key(world, request, expiry_required=True)


def provisioning_key(world, request):
    app_id = int_param(request.params["app_id"], "Application id must be a number")
    caller = _require_key_creator(request)
    body = body_object(request)
    return json_response(_new_fleet_key(world, caller, app_id, _key_fields(body)))


def device_key(world, request):
    device_id = int_param(request.params["device_id"], "Device id must be a number")
    caller = _require_key_creator(request)
    body = body_object(request)
    return json_response(_new_device_key(world, caller, device_id, _key_fields(body), body.get("apiKey")))


def legacy_generate_api_key(world, request):
    """The pre-v1 endpoint: the real API no longer has the role it needs, and says so."""
    _require_key_creator(request)
    raise not_found("Role 'user-api-key' not found")


def register(router) -> None:
    router.add("POST", "/api-key/user/full", user_full_key)
    router.add("POST", "^/api-key/v1/?$", generic_key_v1)
    router.add("POST", "^/api-key/v2/?$", generic_key_v2)
    router.add("POST", "/api-key/application/{app_id}/provisioning", provisioning_key)
    router.add("POST", "/api-key/device/{device_id}/device-key", device_key)
    router.add("POST", "/application/{app_id}/generate-api-key", legacy_generate_api_key)
