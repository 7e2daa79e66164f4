# -*- coding: utf-8 -*-
"""``balena.logs`` against the emulator: history, and live subscriptions over the NDJSON stream."""

from __future__ import annotations

import threading
import time

import pytest
import requests

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import DeviceNotFound, InvalidParameter
from sdk_helpers import logged_in, requests_matching


def write_logs(emulator, *messages):
    device = emulator.credentials["device"]
    now = int(time.time() * 1000)
    lines = [{"message": message, "timestamp": now + index} for index, message in enumerate(messages)]
    answer = requests.post("%s/device/v2/%s/logs" % (emulator.url, device["uuid"]), json=lines,
                           headers={"Authorization": "Bearer " + device["api_key"]}, timeout=10)
    assert answer.status_code in (200, 201), answer.text


def wait_for(condition, seconds=10.0):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if condition():
            return True
        time.sleep(0.05)
    return False


def test_history_by_uuid_and_by_id(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    write_logs(fresh_emulator, "first line", "second line")
    fresh_emulator.clear_request_log()
    messages = [entry["message"] for entry in sdk.logs.history(uuid)]
    assert messages[-2:] == ["first line", "second line"]
    assert not requests_matching(fresh_emulator, "GET", "/v7/device")  # a full uuid needs no lookup
    device_id = sdk.pine.get({"resource": "device", "id": {"uuid": uuid}, "options": {"$select": "id"}})["id"]
    assert [entry["message"] for entry in sdk.logs.history(device_id, count=1)] == ["second line"]


def test_history_of_unknown_devices(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    with pytest.raises(DeviceNotFound):
        sdk.logs.history("f" * 32)
    with pytest.raises(DeviceNotFound):
        sdk.logs.history(999999)
    with pytest.raises(InvalidParameter):
        sdk.logs.history("abc1234")


def test_subscribe_receives_new_lines_and_stops(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    received = []
    errors = []
    sdk.logs.subscribe(uuid, received.append, errors.append)
    time.sleep(0.5)
    write_logs(fresh_emulator, "live one")
    assert wait_for(lambda: any(entry["message"] == "live one" for entry in received)), (received, errors)
    assert threading.current_thread() is threading.main_thread()
    sdk.logs.stop()
    count = len(received)
    write_logs(fresh_emulator, "after stop")
    time.sleep(0.5)
    assert len(received) == count
    assert errors == []


def test_subscribe_again_after_stop(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    sdk.logs.subscribe(uuid, lambda entry: None)
    sdk.logs.stop()
    received = []
    sdk.logs.subscribe(uuid, received.append)
    time.sleep(0.5)
    write_logs(fresh_emulator, "second life")
    assert wait_for(lambda: any(entry["message"] == "second life" for entry in received))
    sdk.logs.unsubscribe(uuid)


def test_subscribe_with_history_count(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    write_logs(fresh_emulator, "old a", "old b")
    received = []
    sdk.logs.subscribe(uuid, received.append, count=2)
    assert wait_for(lambda: [entry["message"] for entry in received][:2] == ["old a", "old b"]), received
    assert sdk.logs.unsubscribe_all() is None
    write_logs(fresh_emulator, "after unsubscribing")
    time.sleep(0.5)
    assert "after unsubscribing" not in [entry["message"] for entry in received]


def test_subscribe_to_an_unknown_device_raises_at_once(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    with pytest.raises(DeviceNotFound):
        sdk.logs.subscribe("f" * 32, lambda entry: None)


def test_unsubscribe_stops_every_subscription_of_that_device(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    first, second = [], []
    sdk.logs.subscribe(uuid, first.append)
    sdk.logs.subscribe(uuid, second.append)
    time.sleep(0.5)
    sdk.logs.unsubscribe(uuid)
    write_logs(fresh_emulator, "nobody listens")
    time.sleep(0.5)
    assert first == [] and second == []
