"""Proof for every entry of UNSERVED.md: the URL the SDK builds cannot point at the emulator."""
from __future__ import annotations

import pytest
from balena import balena_auth


class _Captured(Exception):
    pass


@pytest.fixture
def captured_requests(monkeypatch):
    """Let calls to the emulator through; capture (and stop) any call elsewhere."""
    seen = []
    real_request = balena_auth.requests.request

    def intercept(method, url, **kwargs):
        if url.startswith("https://actions."):
            seen.append((method, url, kwargs.get("json")))
            raise _Captured(url)
        return real_request(method, url, **kwargs)

    monkeypatch.setattr(balena_auth.requests, "request", intercept)
    return seen


@pytest.fixture(scope="module")
def device_to_update(factory, balena):
    app = factory.fleet("raspberrypi3")
    device = factory.online_device(app, os_version="balenaOS 2.88.4", os_variant="prod")
    versions = balena.models.os.get_available_os_versions("raspberrypi3")
    targets = [v["raw_version"] for v in versions if v.get("variant") == "prod"
               and balena.models.os.is_supported_os_update("raspberrypi3", "2.88.4", v["raw_version"])]
    assert targets, "the demo world offers an OS update target for raspberrypi3"
    return device, targets[0]


def test_start_os_update_goes_to_the_https_actions_host(balena, captured_requests, device_to_update):
    device, target = device_to_update
    base = balena.models.config.get_all()["deviceUrlsBase"]
    with pytest.raises(Exception):
        balena.models.device.start_os_update(device["uuid"], target)
    assert captured_requests == [
        ("POST", f"https://actions.{base}/v2/{device['uuid']}/resinhup",
         {"parameters": {"target_version": target}})]
    with pytest.raises(Exception):
        balena.models.device.start_os_update(device["uuid"], target, run_detached=False)
    assert captured_requests[-1][1] == f"https://actions.{base}/v1/{device['uuid']}/resinhup"


def test_get_os_update_status_goes_to_the_https_actions_host(balena, captured_requests, device_to_update):
    device, _ = device_to_update
    base = balena.models.config.get_all()["deviceUrlsBase"]
    with pytest.raises(Exception):
        balena.models.device.get_os_update_status(device["uuid"])
    assert captured_requests == [("GET", f"https://actions.{base}/v1/{device['uuid']}/resinhup", None)]
