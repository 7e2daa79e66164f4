"""Device logs: writing batches with the device key, history, and the NDJSON stream."""
from __future__ import annotations

import json
import threading
import time

import requests

UUID = "2" * 32   # the offline device: its log is not touched by the action tests


def _line(n, **extra):
    return {"message": f"line {n}", "timestamp": 1_700_000_000_000 + n, **extra}


def test_write_then_read_history(api):
    batch = [_line(0, isSystem=True), _line(1, isStdErr=True), _line(2, serviceId=api.ids["web"]),
             {**_line(3), "uuid": UUID}]
    response = api.post(f"/device/v2/{UUID}/logs", json=batch, headers=api.key("device_offline"))
    assert response.status_code == 201 and response.content == b""
    history = api.get(f"/device/v2/{UUID}/logs", headers=api.session("alice")).json()
    assert [entry["message"] for entry in history][-3:] == ["line 0", "line 1", "line 2"]
    first = history[-3]
    assert list(first) == ["createdAt", "timestamp", "isSystem", "isStdErr", "message"]
    assert first["isSystem"] is True and history[-2]["isStdErr"] is True
    assert history[-1]["serviceId"] == api.ids["web"]
    last_two = api.get(f"/device/v2/{UUID}/logs?count=2", headers=api.session("alice")).json()
    assert [entry["message"] for entry in last_two] == ["line 1", "line 2"]
    assert len(api.get(f"/device/v2/{UUID}/logs?count=all", headers=api.key("alice_key")).json()) >= 3


def test_write_refusals(api):
    headers = api.key("device_offline")
    too_many = api.post(f"/device/v2/{UUID}/logs", json=[_line(n) for n in range(11)], headers=headers)
    assert too_many.status_code == 400 and too_many.json() == "Batches cannot include more than 10 logs"
    old = api.post(f"/device/v2/{UUID}/logs", json=[{**_line(0), "is_stderr": True}], headers=headers)
    assert old.status_code == 400 and old.content == b""
    assert api.post(f"/device/v2/{UUID}/logs", json=[_line(0)], headers=api.key("device_online")).status_code == 401
    assert api.post(f"/device/v2/{UUID}/logs", json=[_line(0)], headers=api.session("alice")).status_code == 401


def test_read_refusals(api):
    assert api.get(f"/device/v2/{UUID}/logs", headers=api.key("device_offline")).status_code == 401
    hidden = api.get(f"/device/v2/{'3' * 32}/logs", headers=api.session("alice"))
    assert hidden.status_code == 404 and hidden.json() == f"No device with uuid {'3' * 32}"


def test_stream_sends_history_then_live_lines(api):
    api.post(f"/device/v2/{UUID}/logs", json=[_line(10)], headers=api.key("device_offline"))
    received = []
    with requests.get(f"{api.url}/device/v2/{UUID}/logs?stream=1&count=1", headers=api.session("alice"),
                      stream=True, timeout=10) as response:
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "application/x-ndjson"

        def write_later():
            api.post(f"/device/v2/{UUID}/logs", json=[_line(11)], headers=api.key("device_offline"))
        writer = threading.Timer(0.3, write_later)
        writer.start()
        started = time.monotonic()
        for raw in response.iter_lines():
            if raw:
                received.append(json.loads(raw)["message"])
            if len(received) == 2:
                break
        writer.join()
    assert received == ["line 10", "line 11"]
    assert time.monotonic() - started < 5
