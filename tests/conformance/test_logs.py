"""balena.logs: history and the NDJSON stream, fed by a device writing with its own key."""
from __future__ import annotations

import json
import subprocess
import sys
import time
from pathlib import Path

import pytest
import requests
from balena import exceptions


@pytest.fixture(scope="module")
def device_with_logs(factory):
    device = factory.device(factory.fleet())
    now = int(time.time() * 1000)
    lines = [{"message": f"log line {n}", "timestamp": now + n, "isSystem": n == 0, "isStderr": False}
             for n in range(4)]
    answer = requests.post(f"{factory.url}/device/v2/{device['uuid']}/logs", json=lines,
                           headers={"Authorization": f"Bearer {device['api_key']}"}, timeout=30)
    assert answer.status_code == 201
    return device


def test_history(balena, device_with_logs):
    logs = balena.logs.history(device_with_logs["uuid"])
    assert [log["message"] for log in logs] == [f"log line {n}" for n in range(4)]
    for log in logs:
        assert {"createdAt", "timestamp", "isSystem", "isStdErr", "message"} <= set(log)
    assert logs[0]["isSystem"] is True and logs[1]["isSystem"] is False
    assert [log["message"] for log in balena.logs.history(device_with_logs["id"], 2)] == \
        ["log line 2", "log line 3"]
    assert len(balena.logs.history(device_with_logs["uuid"], "all")) == 4
    with pytest.raises(exceptions.DeviceNotFound):
        balena.logs.history("0" * 32)


def test_a_user_cannot_write_logs(balena, device_with_logs, factory, credentials):
    answer = requests.post(f"{factory.url}/device/v2/{device_with_logs['uuid']}/logs",
                           json=[{"message": "x", "timestamp": 1}],
                           headers={"Authorization": f"Bearer {credentials['api_key']}"}, timeout=30)
    assert answer.status_code in (401, 403)


def test_subscribe_streams_history_then_new_lines(emulator_access, balena, device_with_logs):
    """subscribe/unsubscribe/unsubscribe_all/stop, in a child process (the reactor is one-shot)."""
    script = Path(__file__).with_name("log_subscriber.py")
    child = subprocess.run(
        [sys.executable, str(script), emulator_access.url, balena.auth.get_token(),
         device_with_logs["uuid"], "4"],
        capture_output=True, text=True, timeout=60, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    outcome = json.loads(child.stdout.strip().splitlines()[-1])
    assert outcome["errors"] == []
    assert [log["message"] for log in outcome["logs"]] == [f"log line {n}" for n in range(4)]
    balena.logs.unsubscribe_all()
