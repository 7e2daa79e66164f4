"""Test hooks of the device simulation under /_emulator/simulation (admin token only).

- `GET /_emulator/simulation`: the settings (each fault with `picked`, the uuids of the simulated
  devices it picks) and every simulated device's state.
- `PATCH /_emulator/simulation`: `every_device`, the timings (`notice_delay_s`, `download_s`,
  `poll_interval_s`, `reboot_s`) and `faults` (a list of `{kind, uuids?, fraction?, seed?}`, replacing
  the current ones).
- `PUT /_emulator/simulation/devices/<uuid>`: simulate this device; optional `online` (connect or
  drop it), per-device timings, and `fail_update` / `offline` (true/false) that override the faults;
  `fail_update: false` also lets the device try again a target it failed.
- `DELETE /_emulator/simulation/devices/<uuid>`: stop simulating it (it keeps its last state).
"""
from __future__ import annotations

from ..errors import ApiError, bad_request
from ..simulation.settings import FAULT_KINDS, TIMINGS, SimulationError, fault_pick, seconds
from ..simulation.simulator import simulator
from ..web.response import empty_response, json_response
from .guards import body_object
from .test_hooks import require_admin


def _state(sim) -> dict:
    devices = sim.devices()
    settings = sim.settings.as_dict()
    for shown, pick in zip(settings["faults"], sim.settings.faults):
        shown["picked"] = sorted(device.uuid for device in devices if pick.picks(device.uuid))
    return {**settings, "devices": [device.as_dict() for device in devices]}


def show(world, request):
    require_admin(request)
    return json_response(_state(simulator(world)))


def configure(world, request):
    require_admin(request)
    body = body_object(request)
    sim = simulator(world)
    unknown = set(body) - {"every_device", "faults", *TIMINGS}
    if unknown:
        raise bad_request(f"unknown simulation setting(s): {', '.join(sorted(unknown))}")
    try:
        timings = sim.settings.timings.updated({k: v for k, v in body.items() if k in TIMINGS})
        faults = sim.settings.faults
        if "faults" in body:
            if not isinstance(body["faults"], list):
                raise SimulationError("faults must be a list")
            faults = [fault_pick(rule) for rule in body["faults"]]
    except SimulationError as exc:
        raise bad_request(str(exc)) from exc
    if "every_device" in body and not isinstance(body["every_device"], bool):
        raise bad_request("every_device must be true or false")
    sim.settings.timings, sim.settings.faults = timings, faults
    if body.get("every_device"):
        sim.enable_every_device()
    elif "every_device" in body:
        sim.settings.every_device = False
    return json_response(_state(sim))


def _device_options(body: dict) -> dict:
    unknown = set(body) - {"online", *TIMINGS, *FAULT_KINDS}
    if unknown:
        raise bad_request(f"unknown simulated device option(s): {', '.join(sorted(unknown))}")
    options = {}
    for name, value in body.items():
        if name in TIMINGS:
            try:
                options[name] = seconds(name, value)
            except SimulationError as exc:
                raise bad_request(str(exc)) from exc
        elif not isinstance(value, bool):
            raise bad_request(f"{name} must be true or false")
        else:
            options[name] = value
    return options


def simulate_device(world, request):
    require_admin(request)
    options = _device_options(body_object(request))
    sim = simulator(world)
    device = sim.add(request.params["uuid"])
    if device is None:
        raise ApiError(404, f"No device {request.params['uuid']}")
    online = options.pop("online", None)
    if options.get("fail_update") is False:
        device.failed.clear()   # the cause is gone: the device tries its target again
    device.overrides.update(options)
    if online is True and not device.online:
        device.connect(0.0)
    elif online is False and device.online:
        device.disconnect()
    return json_response(device.as_dict())


def stop_simulating(world, request):
    require_admin(request)
    if not simulator(world).remove(request.params["uuid"]):
        raise ApiError(404, f"Device {request.params['uuid']} is not simulated")
    return empty_response(200)


def register(router) -> None:
    router.add("GET", "/_emulator/simulation", show)
    router.add("PATCH", "/_emulator/simulation", configure)
    router.add("PUT", "/_emulator/simulation/devices/{uuid}", simulate_device)
    router.add("DELETE", "/_emulator/simulation/devices/{uuid}", stop_simulating)
