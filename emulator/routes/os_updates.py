"""Host OS updates ("resinhup"), served on the paths of balenaCloud's actions service.

The official SDK sends these to `https://actions.<deviceUrlsBase>/{v1|v2}/<uuid>/resinhup`: a host
derived from `/config`, always over https, so it cannot reach a plain-http emulator by itself. The
same paths are served here (also under `/actions/`) so that clients that can choose the host reach
them (the collection's SDK with `actions_endpoint` set to `<api>/actions/`). Starting an update on
an online device moves it to the target OS release at once: it then reports that release's version
and variant. A simulated device is only given the new target, and updates itself; its status then
says `in_progress` until it runs the target, or `error` once it failed the update (the device's
`provisioning_state` says `OS update failed` then, until a new update starts).
"""
from __future__ import annotations

from ..simulation.device import OS_UPDATE_FAILED
from ..simulation.simulator import simulator
from ..errors import bad_request, not_found, unauthorized
from ..web.response import json_response
from .columns import column
from .device_lookup import device_by_uuid, may_read, may_write
from .guards import body_object
from .log_book import system_line
from .supervisor_actions import NO_ONLINE_DEVICE, is_online

ACTION = "resinhup"


def _host_release(tx, device: dict, version: str):
    """The host OS release of the device's type whose raw version (or semver) is `version`."""
    wanted = version[1:] if version.startswith("v") else version
    raw_version = column("release", "raw_version", "r")
    rows = tx.query(
        f'SELECT r.id, {raw_version} AS raw_version, {column("release", "semver", "r")} AS semver, '
        f'r.variant AS variant FROM "release" r '
        'JOIN "application" a ON a.id = r.belongs_to__application '
        "WHERE a.is_host = 1 AND a.is_for__device_type = ? AND r.status = 'success' "
        f"AND ({raw_version} = ? OR {column('release', 'semver', 'r')} = ?) ORDER BY r.id DESC LIMIT 1",
        (device.get("is_of__device_type"), wanted, wanted),
    )
    return rows[0] if rows else None


def _status(device: dict, state: str, target: str | None) -> dict:
    return {"action": ACTION, "status": state, "parameters": {"target_version": target},
            "device": device["uuid"]}


def start(world, request):
    caller = request.caller
    if caller is None or caller.kind == "guest":
        raise unauthorized()
    parameters = body_object(request).get("parameters") or {}
    target = parameters.get("target_version") if isinstance(parameters, dict) else None
    if not isinstance(target, str) or not target:
        raise bad_request("A target version is required")
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, request.params["uuid"])
        if device is None or not may_write(caller, device) or not is_online(device):
            raise not_found(NO_ONLINE_DEVICE)
        release = _host_release(tx, device, target)
        if release is None:
            raise bad_request(f"Unknown target version {target}")
        system_line(world, device["id"], f"Host OS update to {target} started")
        simulated = simulator(world).device(device["uuid"])
        if simulated is not None:
            # A simulated device finds the new host OS in its target state and runs it itself; a new
            # update is a new try, even of a target it failed before.
            simulated.failed.discard(release["id"])
            tx.update("device", device["id"], {"should_be_operated_by__release": release["id"], "provisioning_state": ""})
            return json_response(_status(device, "in_progress", target))
        # Otherwise the device reports at once what a real one would once updated: the release's
        # version and variant.
        variant = release.get("variant") or device.get("os_variant")
        tx.update("device", device["id"], {
            "should_be_operated_by__release": release["id"],
            "os_version": f"balenaOS {release.get('semver') or target.lstrip('v')}",
            "status": "Idle",
            **({"os_variant": variant} if variant else {}),
        })
        system_line(world, device["id"], f"Host OS updated to {target}")
    return json_response(_status(device, "done", target))


def status(world, request):
    caller = request.caller
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, request.params["uuid"])
        if device is None or caller is None or not may_read(caller, device):
            raise not_found(NO_ONLINE_DEVICE)
        current = None
        if device.get("should_be_operated_by__release"):
            rows = tx.query(f'SELECT {column("release", "raw_version", "r")} AS v FROM "release" r WHERE r.id = ?',
                            (device["should_be_operated_by__release"],))
            current = rows[0]["v"] if rows else None
    simulated = simulator(world).device(device["uuid"])
    if device.get("provisioning_state") == OS_UPDATE_FAILED:
        answer = dict(_status(device, "error", current), error=f"The host OS update to {current} failed")
        return json_response(answer)
    if simulated is not None and current and simulated.running_os != device["should_be_operated_by__release"]:
        return json_response(_status(device, "in_progress", current))
    return json_response(_status(device, "done" if current else "idle", current))


def register(router) -> None:
    for prefix in ("", "/actions"):
        for version in ("v1", "v2"):
            router.add("POST", f"{prefix}/{version}/{{uuid}}/{ACTION}", start)
            router.add("GET", f"{prefix}/{version}/{{uuid}}/{ACTION}", status)
