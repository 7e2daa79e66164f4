"""Identity of the caller: `/user/v1/whoami` (users) and `/actor/v1/whoami` (any actor)."""
from __future__ import annotations

from ..auth.caller import APPLICATION, DEVICE, USER, USER_KEY
from ..errors import unauthorized
from ..web.response import json_response


def _user_row(world, caller) -> dict:
    with world.store.transaction() as tx:
        user = tx.get("user", caller.user_id)
    if user is None:
        raise unauthorized()
    return user


def user_whoami(world, request):
    caller = request.caller
    if caller is None or caller.kind not in (USER, USER_KEY):
        raise unauthorized()
    user = _user_row(world, caller)
    return json_response({"id": user["id"], "username": user.get("username"), "email": user.get("email")})


def actor_whoami(world, request):
    caller = request.caller
    kind = caller.kind if caller is not None else None
    if kind in (USER, USER_KEY):
        user = _user_row(world, caller)
        return json_response({"id": user.get("actor"), "actorType": "user", "actorTypeId": user["id"],
                              "username": user.get("username"), "email": user.get("email")})
    if kind == APPLICATION:
        with world.store.transaction() as tx:
            app = tx.get("application", caller.application_id)
        if app is None:
            raise unauthorized()
        return json_response({"id": app.get("actor"), "actorType": "application", "actorTypeId": app["id"],
                              "slug": app.get("slug")})
    if kind == DEVICE:
        with world.store.transaction() as tx:
            device = tx.get("device", caller.device_id)
        if device is None:
            raise unauthorized()
        return json_response({"id": device.get("actor"), "actorType": "device", "actorTypeId": device["id"],
                              "uuid": device.get("uuid")})
    raise unauthorized()


def register(router) -> None:
    router.add("GET", "/user/v1/whoami", user_whoami)
    router.add("GET", "/actor/v1/whoami", actor_whoami)
