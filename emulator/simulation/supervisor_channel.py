"""How a simulated device talks to the API: through the same state endpoints a supervisor uses, called
in-process with the device's own identity (so they are not in the request log, which shows clients)."""
from __future__ import annotations

import json
from email.message import Message

from ..auth.caller import DEVICE, Caller
from ..routes import device_state, device_state_report
from ..web.request import Request


def _caller(tx, device_id: int) -> Caller | None:
    device = tx.get("device", device_id)
    if device is None:
        return None
    app = device.get("belongs_to__application")
    return Caller(kind=DEVICE, actor_id=device.get("actor"), device_id=device_id, application_id=app,
                  app_ids=frozenset([app]) if app else frozenset())


def _request(world, device_id: int, method: str, target: str, body=None) -> Request | None:
    with world.store.transaction() as tx:
        caller = _caller(tx, device_id)
    if caller is None:
        return None
    headers = Message()
    headers["Content-Type"] = "application/json"
    payload = json.dumps(body).encode() if body is not None else b""
    return Request(method, target, headers, payload, {}, caller)


def poll_target_state(world, device_id: int, uuid: str) -> dict | None:
    """`GET /device/v3/<uuid>/state` as the device: its heartbeat, and what it should run."""
    request = _request(world, device_id, "GET", f"/device/v3/{uuid}/state")
    if request is None:
        return None
    request.params = {"uuid": uuid}
    response = device_state.state_v3(world, request)
    if response.status != 200:
        return None
    return json.loads(response.body).get(uuid)


def report_state(world, device_id: int, uuid: str, report: dict) -> None:
    """`PATCH /device/v3/state` as the device."""
    request = _request(world, device_id, "PATCH", "/device/v3/state", {uuid: report})
    if request is not None:
        device_state_report.report_v3(world, request)


def set_vpn_connection(world, device_id: int, connected: bool) -> None:
    """What the VPN service records when the device connects or drops (it sets `is_online` too)."""
    with world.store.transaction() as tx:
        tx.update("device", device_id, {"is_connected_to_vpn": connected})
