"""`POST /device/register`: a provisioning key registers a device into its fleet (what a freshly
flashed device does on first boot). Answers 201 `{id, uuid, api_key}`."""
from __future__ import annotations

from ..auth.api_keys import create_key
from ..auth.caller import ADMIN, APPLICATION, USER_KEY
from ..auth.users import ensure_actor
from ..errors import ApiError, bad_request, not_found, unauthorized
from ..web.response import json_response
from .device_types_data import find_device_type
from .guards import body_object, can_write_app, require_api_key

OPTIONAL_FIELDS = ("supervisor_version", "os_version", "os_variant", "mac_address", "device_name")


def _application_id(value) -> int:
    if isinstance(value, bool):
        raise bad_request("Application ID must be a valid integer")
    if isinstance(value, int):
        return value
    if isinstance(value, str) and value.isdigit():
        return int(value)
    raise bad_request("Application ID must be a valid integer")


def _may_register_into(caller, app_id: int) -> bool:
    if caller.kind == APPLICATION:
        return caller.application_id == app_id
    return caller.kind in (USER_KEY, ADMIN) and can_write_app(caller, app_id)


def register_device(world, request):
    caller = require_api_key(request)
    body = body_object(request)
    uuid = body.get("uuid")
    if not uuid:
        raise bad_request("UUID must be specified")
    if not body.get("device_type"):
        raise bad_request("Device type must be specified")
    app_id = _application_id(body.get("application"))
    if not _may_register_into(caller, app_id):
        raise unauthorized()
    with world.store.transaction() as tx:
        device_type = find_device_type(tx, str(body["device_type"]))
        if device_type is None:
            raise not_found(f"Unknown device type {body['device_type']}")
        if tx.get("application", app_id) is None:
            raise unauthorized()
        if tx.find("device", uuid=uuid):
            # The supervisor matches this literal text, so the real API sends it unencoded.
            raise _DuplicateUuid()
        values = {"uuid": uuid, "belongs_to__application": app_id, "is_of__device_type": device_type["id"]}
        values.update({name: body[name] for name in OPTIONAL_FIELDS if body.get(name) is not None})
        owner = body.get("user")
        if isinstance(owner, int) and not isinstance(owner, bool) and tx.get("user", owner) is not None:
            values["belongs_to__user"] = owner
        device_id = tx.insert("device", values)
        actor = ensure_actor(tx, "device", device_id)
        api_key = create_key(tx, actor, key=body.get("api_key") or None)
    return json_response({"id": device_id, "uuid": uuid, "api_key": api_key}, status=201)


class _DuplicateUuid(ApiError):
    def __init__(self):
        super().__init__(409, '"uuid" must be unique.')

    def payload(self):
        return self.body.encode(), "text/html; charset=utf-8"


def register(router) -> None:
    router.add("POST", "/device/register", register_device)
