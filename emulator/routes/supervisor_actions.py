"""What the missing supervisor would do: the answer it gives to each proxied call, and the visible
effect the emulator records for it (a system log line, and a state change where one makes sense)."""
from __future__ import annotations

import re

from ..simulation.simulator import simulator
from ..web.response import Response, json_response, text_response
from .log_book import system_line

NO_ONLINE_DEVICE = "No online device(s) found"
ACK = {"Data": "OK", "Error": None}

_SERVICE_ACTION = re.compile(r"^/v2/applications/(?P<app>\d+)/(?P<action>start|stop|restart)-service$")
_APP_ACTION = re.compile(r"^/v1/apps/(?P<app>\d+)(?:/(?P<action>start|stop))?$")
_SIMPLE_ACTIONS = {
    "/v1/blink": ("Identifying device (blinking its LED)", None),
    "/v1/reboot": ("Rebooting", {"status": "Rebooting"}),
    "/v1/shutdown": ("Shutting down", {"status": "Shutting down", "is_online": False, "is_connected_to_vpn": False,
                                       "api_heartbeat_state": "offline"}),
    "/v1/purge": ("Purging data", None),
    "/v1/restart": ("Restarting application", None),
    "/v1/update": ("Checking for updates", None),
}


def is_online(device: dict) -> bool:
    return bool(device.get("is_online") or device.get("is_connected_to_vpn"))


def normalise(path: str) -> str:
    """`/supervisor//ping` (the SDK's double slash) and friends, as the supervisor would route them."""
    return re.sub(r"/{2,}", "/", path).rstrip("/") or "/"


def _apply(tx, device: dict, changes: dict | None) -> None:
    if not changes:
        return
    values = dict(changes)
    if "is_online" in values:
        values["last_connectivity_event"] = tx.now()
    if "api_heartbeat_state" in values:
        values["changed_api_heartbeat_state_on__date"] = tx.now()
    tx.update("device", device["id"], values)


def _supervisor_status(tx, device: dict) -> dict:
    running = tx.get("release", device["is_running__release"]) if device.get("is_running__release") else None
    return {
        "api_port": device.get("api_port") or 48484,
        "ip_address": device.get("ip_address"),
        "os_version": device.get("os_version"),
        "supervisor_version": device.get("supervisor_version"),
        "update_pending": False,
        "update_failed": False,
        "update_downloaded": False,
        "status": device.get("status") or "Idle",
        "download_progress": device.get("download_progress"),
        "commit": running["commit"] if running else "unknown",
    }


def _set_service_state(tx, device: dict, image_id, status: str) -> None:
    if not isinstance(image_id, int):
        return
    for install in tx.find("image_install", device=device["id"], installs__image=image_id):
        tx.update("image_install", install["id"], {"status": status})


def perform(world, tx, device: dict, path: str, method: str, data: dict) -> Response:
    """Answers one proxied supervisor call for an online device and records its effect."""
    path = normalise(path)
    if path == "/ping":
        return text_response("OK")
    if path == "/v1/device":
        return json_response(_supervisor_status(tx, device))
    if path in _SIMPLE_ACTIONS:
        message, changes = _SIMPLE_ACTIONS[path]
        if path in ("/v1/reboot", "/v1/shutdown", "/v1/update") and data.get("force"):
            message += " (forced)"
        system_line(world, device["id"], message)
        # A simulated device goes offline and comes back by itself.
        if not (path == "/v1/reboot" and simulator(world).reboot(device["uuid"])):
            _apply(tx, device, changes)
        return json_response(ACK)
    service = _SERVICE_ACTION.match(path)
    if service:
        action = service["action"]
        image_id = data.get("imageId")
        system_line(world, device["id"], f"{action.capitalize()} service (image {image_id})")
        _set_service_state(tx, device, image_id, "Stopped" if action == "stop" else "Running")
        return text_response("OK")
    app_action = _APP_ACTION.match(path)
    if app_action:
        return _app_call(world, tx, device, int(app_action["app"]), app_action["action"], method)
    return Response(404, b"Not Found", "text/plain; charset=utf-8")


def _app_call(world, tx, device: dict, app_id: int, action: str | None, method: str) -> Response:
    container = f"{device['uuid'][:12]}{app_id:x}"
    if action is None:
        running = tx.get("release", device["is_running__release"]) if device.get("is_running__release") else None
        installs = tx.find("image_install", device=device["id"])
        return json_response({"appId": app_id, "commit": running["commit"] if running else None,
                              "imageId": installs[0]["installs__image"] if installs else None,
                              "containerId": container, "env": {}})
    system_line(world, device["id"], f"{'Starting' if action == 'start' else 'Stopping'} application {app_id}")
    for install in tx.find("image_install", device=device["id"]):
        tx.update("image_install", install["id"], {"status": "Running" if action == "start" else "Stopped"})
    return json_response({"containerId": container})


def restart_application(world, tx, device: dict) -> None:
    system_line(world, device["id"], "Restarting application")
