"""Device actions through the supervisor proxy.

The SDK sends them with `request()`, which ignores the HTTP status, so what the API answered is
read back from the emulator's request log: 200 for an online device, and for an offline one the
real API's refusal (404 "No online device(s) found", recordings seq 250, 252, 704).
"""
from __future__ import annotations

import pytest


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


@pytest.fixture
def online(factory, app):
    """A new online device for every test: a shutdown really takes a device offline."""
    return factory.online_device(app)


@pytest.fixture(scope="module")
def offline(factory, app):
    """A provisioned device (it reported its supervisor version once) that is now offline."""
    return factory.online_device(app, is_online=False)


@pytest.fixture(scope="module")
def made(factory, app):
    return factory.release(app)


_LOG_START = {}


@pytest.fixture(autouse=True)
def log_start(emulator_access):
    """Where the request log stood when the test began: `answered` looks only past it."""
    _LOG_START["index"] = len(emulator_access.request_log())


def answered(emulator_access, method: str, path: str) -> int:
    """Status of the most recent `method path` the emulator served during this test (the emulator
    logs a request before answering it, so the entry is there once the SDK call returned)."""
    entries = emulator_access.request_log()[_LOG_START["index"]:]
    for entry in reversed(entries):
        if entry["method"] == method and entry["path"].split("?")[0] == path:
            return entry["status"]
    raise AssertionError(f"the emulator never saw {method} {path}")


ACTIONS = [
    ("ping", "/supervisor//ping", ()),
    ("identify", "/supervisor/v1/blink", ()),
    ("restart_application", "/supervisor/v1/restart", ()),
    ("reboot", "/supervisor/v1/reboot", ()),
    ("shutdown", "/supervisor/v1/shutdown", ()),
    ("purge", "/supervisor/v1/purge", ()),
    ("update", "/supervisor/v1/update", ()),
]


@pytest.mark.parametrize("method_name,path,extra", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_action_on_online_device_is_accepted(balena, emulator_access, online, method_name, path, extra):
    getattr(balena.models.device, method_name)(online["uuid"], *extra)
    assert answered(emulator_access, "POST", path) == 200


@pytest.mark.parametrize("method_name,path,extra", ACTIONS, ids=[a[0] for a in ACTIONS])
def test_action_on_offline_device_is_refused(balena, emulator_access, offline, method_name, path, extra):
    getattr(balena.models.device, method_name)(offline["uuid"], *extra)
    assert answered(emulator_access, "POST", path) == 404


def test_reboot_and_shutdown_with_force(balena, emulator_access, online):
    balena.models.device.reboot(online["id"], force=True)
    assert answered(emulator_access, "POST", "/supervisor/v1/reboot") == 200
    with pytest.raises(ValueError):
        balena.models.device.reboot(online["id"], force="yes")
    balena.models.device.shutdown(online["uuid"], force=True)
    assert answered(emulator_access, "POST", "/supervisor/v1/shutdown") == 200


def test_shutdown_takes_the_device_offline(balena, admin, online):
    balena.models.device.shutdown(online["uuid"])
    assert balena.models.device.is_online(online["uuid"]) is False


def test_get_supervisor_state(balena, online, offline):
    state = balena.models.device.get_supervisor_state(online["uuid"])
    assert isinstance(state, dict) and state
    with pytest.raises(Exception, match="No online device"):
        balena.models.device.get_supervisor_state(offline["uuid"])


@pytest.mark.parametrize("method_name,verb", [("start_service", "start"), ("stop_service", "stop"),
                                              ("restart_service", "restart")])
def test_service_actions(balena, emulator_access, factory, app, online, made, method_name, verb):
    factory.install(online, made, "main")
    image_id = made["images"]["main"]["id"]
    getattr(balena.models.device, method_name)(online["uuid"], image_id)
    assert answered(emulator_access, "POST", f"/supervisor/v2/applications/{app['id']}/{verb}-service") == 200


def test_deprecated_application_calls(balena, emulator_access, app, online, offline):
    info = balena.models.device.get_application_info(online["uuid"])
    assert isinstance(info, dict)
    assert answered(emulator_access, "POST", f"/supervisor/v1/apps/{app['id']}") == 200
    balena.models.device.stop_application(online["uuid"])
    assert answered(emulator_access, "POST", f"/supervisor/v1/apps/{app['id']}/stop") == 200
    balena.models.device.start_application(online["uuid"])
    assert answered(emulator_access, "POST", f"/supervisor/v1/apps/{app['id']}/start") == 200
    balena.models.device.start_application(offline["uuid"])
    assert answered(emulator_access, "POST", f"/supervisor/v1/apps/{app['id']}/start") == 404


def test_restart_application_on_old_supervisor_uses_the_device_restart_route(balena, emulator_access,
                                                                             factory, app):
    old = factory.online_device(app, supervisor_version="6.0.0")
    balena.models.device.restart_application(old["uuid"])
    assert answered(emulator_access, "POST", f"/device/{old['id']}/restart") == 200


def test_fleet_actions_reach_the_supervisor_routes(balena, emulator_access, factory):
    app = factory.fleet()
    factory.online_device(app)
    balena.models.application.reboot(app["id"])
    assert answered(emulator_access, "POST", "/supervisor/v1/reboot") == 200
    balena.models.application.restart(app["id"])
    assert answered(emulator_access, "POST", f"/applcation/{app['id']}/restart") == 200
