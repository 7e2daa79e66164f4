"""The supervisor proxy, `POST /supervisor/<path>`: the API relays a call to the supervisor of each
matching online device. No supervisor runs here, so the emulator answers in its place."""
from __future__ import annotations

import json

from ..errors import ApiError, bad_request, not_found, unauthorized
from ..web.response import Response, json_response
from .device_lookup import may_read, may_write
from .guards import body_object
from .supervisor_actions import NO_ONLINE_DEVICE, is_online, perform

METHODS = ("GET", "POST", "PUT", "PATCH", "DELETE", "HEAD")


def _candidates(tx, body: dict) -> list:
    uuid, device_id, app_id = body.get("uuid"), body.get("deviceId"), body.get("appId")
    if uuid is None and device_id is None and app_id is None:
        raise bad_request("At least one filter must be specified")
    if device_id is not None and (isinstance(device_id, bool) or not str(device_id).isdigit()):
        raise bad_request("Device ID must be a valid integer if specified")
    filters = {}
    if uuid is not None:
        filters["uuid"] = uuid
    if device_id is not None:
        filters["id"] = int(device_id)
    if app_id is not None:
        if isinstance(app_id, bool) or not str(app_id).isdigit():
            raise bad_request("App ID must be a valid integer if specified")
        filters["belongs_to__application"] = int(app_id)
    return tx.find("device", **filters)


def proxy(world, request):
    caller = request.caller
    if caller is None or caller.kind == "guest":
        raise unauthorized()
    body = body_object(request)
    method = str(body.get("method") or "POST").upper()
    if method not in METHODS:
        raise bad_request()
    data = body.get("data") if isinstance(body.get("data"), dict) else {}
    with world.store.transaction() as tx:
        visible = [device for device in _candidates(tx, body) if may_read(caller, device)]
        if method not in ("GET", "HEAD") and visible and not any(may_write(caller, d) for d in visible):
            raise ApiError(403)
        reading = method in ("GET", "HEAD")
        online = [device for device in visible if is_online(device) and (reading or may_write(caller, device))]
        if not online:
            raise not_found(NO_ONLINE_DEVICE)
        answers = [perform(world, tx, device, request.params["path"], method, data) for device in online]
    if len(answers) == 1:
        return answers[0]
    return json_response([{"statusCode": answer.status, "body": _decoded(answer)} for answer in answers], status=207)


def _decoded(answer: Response):
    try:
        return json.loads(answer.body) if answer.body else None
    except ValueError:
        return answer.body.decode("utf-8", "replace")


def register(router) -> None:
    router.add("POST", "^/supervisor(?P<path>/.+)$", proxy)
