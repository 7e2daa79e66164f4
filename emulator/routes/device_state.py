"""Target state reads: `GET /device/v2/:uuid/state`, `/device/v3/:uuid/state`, and the fleet-level
`/device/v3/fleet/:uuid/state`. A read made with the device's own key is its heartbeat."""
from __future__ import annotations

from ..auth.caller import ADMIN, DEVICE
from ..errors import unauthorized
from ..web.response import empty_response, json_response
from .device_lookup import device_by_uuid, require_readable
from .guards import can_read_app
from .target_state import POLL_INTERVAL, config_vars, device_state_v2, device_state_v3, fleet_state_v3


def record_heartbeat(tx, device: dict) -> None:
    """The supervisor's poll marks the device online for the API (`api_heartbeat_state`) and restarts
    the window after which it times out."""
    poll_interval_ms = int(config_vars(tx, device.get("belongs_to__application"), device["id"])[POLL_INTERVAL])
    tx.world.heartbeat.beat(device["id"], poll_interval_ms)
    if device.get("api_heartbeat_state") != "online":
        tx.update("device", device["id"], {"api_heartbeat_state": "online",
                                           "changed_api_heartbeat_state_on__date": tx.now()})


def _device_state(world, request, build):
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, request.params["uuid"])
        if device is None:
            return empty_response(304)   # the real API answers unknown devices before checking credentials
        require_readable(request.caller, device)
        if request.caller.kind == DEVICE:
            record_heartbeat(tx, device)
        state = build(tx, device)
    return json_response(state)


def state_v2(world, request):
    return _device_state(world, request, device_state_v2)


def state_v3(world, request):
    return _device_state(world, request, device_state_v3)


def fleet_state(world, request):
    caller = request.caller
    with world.store.transaction() as tx:
        apps = tx.find("application", uuid=request.params["uuid"])
        if not apps or not (caller.kind == ADMIN or can_read_app(caller, apps[0]["id"])):
            raise unauthorized()
        app = apps[0]
        commit = request.query().get("releaseUuid")
        if commit:
            found = tx.find("release", belongs_to__application=app["id"], commit=commit)
            release = found[0] if found else None
        else:
            release = tx.get("release", app["should_be_running__release"]) if app.get("should_be_running__release") else None
        state = fleet_state_v3(tx, app, release)
    return json_response(state)


def register(router) -> None:
    router.add("GET", "/device/v2/{uuid}/state", state_v2)
    router.add("GET", "/device/v3/{uuid}/state", state_v3)
    router.add("GET", "^/device/v3/fleet/(?P<uuid>[^/]+)/state/?$", fleet_state)
