"""Restarting the application of a device or of a whole fleet: `POST /device/:id/restart`,
`/application/:id/restart` and the SDK's misspelled `/applcation/:id/restart`."""
from __future__ import annotations

from ..errors import not_found, unauthorized
from ..web.response import text_response
from .device_lookup import may_write
from .guards import int_param
from .supervisor_actions import NO_ONLINE_DEVICE, is_online, restart_application


def _restart(world, request, devices_of):
    caller = request.caller
    if caller is None or caller.kind == "guest":
        raise unauthorized()
    with world.store.transaction() as tx:
        devices = [device for device in devices_of(tx) if may_write(caller, device)]
        online = [device for device in devices if is_online(device)]
        if not online:
            raise not_found(NO_ONLINE_DEVICE)
        for device in online:
            restart_application(world, tx, device)
    return text_response("OK")


def restart_device(world, request):
    device_id = int_param(request.params["id"], "Device id must be a number")
    return _restart(world, request, lambda tx: [d for d in [tx.get("device", device_id)] if d is not None])


def restart_fleet(world, request):
    app_id = int_param(request.params["id"], "Application id must be a number")
    return _restart(world, request, lambda tx: tx.find("device", belongs_to__application=app_id))


def register(router) -> None:
    router.add("POST", "/device/{id}/restart", restart_device)
    router.add("POST", "/application/{id}/restart", restart_fleet)
    router.add("POST", "/applcation/{id}/restart", restart_fleet)
