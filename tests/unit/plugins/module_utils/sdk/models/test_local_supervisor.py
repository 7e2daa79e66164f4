# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Device actions go straight to the local supervisor when the code runs on the device itself."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError, SupervisorLocked

LOCAL_UUID = "a" * 32


@pytest.fixture
def on_device(monkeypatch):
    monkeypatch.setenv("BALENA_SUPERVISOR_ADDRESS", "http://127.0.0.1:48484")
    monkeypatch.setenv("BALENA_SUPERVISOR_API_KEY", "local-key")
    monkeypatch.setenv("BALENA_APP_ID", "12")
    monkeypatch.setenv("BALENA_DEVICE_UUID", LOCAL_UUID)


def test_actions_without_a_device_use_the_local_supervisor(on_device, models, api):
    models.device.ping()
    models.device.reboot(force=True)
    models.device.restart_service(LOCAL_UUID, 7)
    models.device.purge()
    assert [(c.method, c.path, c.endpoint, c.qs, c.send_token) for c in api.calls] == [
        ("GET", "/ping", "http://127.0.0.1:48484", {"apikey": "local-key"}, False),
        ("POST", "/v1/reboot", "http://127.0.0.1:48484", {"apikey": "local-key"}, False),
        ("POST", "/v2/applications/12/restart-service", "http://127.0.0.1:48484", {"apikey": "local-key"}, False),
        ("POST", "/v1/purge", "http://127.0.0.1:48484", {"apikey": "local-key"}, False),
    ]
    assert [c.body for c in api.calls[1:]] == [{"force": True}, {"imageId": 7}, {"appId": "12"}]


def test_another_device_still_goes_through_the_api(on_device, models, api):
    api.on("GET", r"^/v7/device\(5\)", {"d": [{"id": 5, "belongs_to__application": [{"id": 3}]}]})
    models.device.shutdown(5)
    assert api.paths() == ["GET /v7/device(5)?$select=id&$expand=belongs_to__application($select=id)", "POST /supervisor/v1/shutdown"]


def test_local_supervisor_lock(on_device, models, api):
    api.on("POST", r"^/v1/update", RequestError("locked", status_code=423))
    with pytest.raises(SupervisorLocked):
        models.device.update()
