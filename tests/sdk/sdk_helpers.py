# -*- coding: utf-8 -*-
"""Small helpers shared by the SDK's live tests against the emulator."""

from __future__ import annotations

import time

from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena


def sdk_for(emulator, **settings):
    """A logged-out SDK pointed at ``emulator``, keeping nothing on disk."""
    values = {"data_directory": False, "api_endpoint": emulator.url, "retry_backoff": "50"}
    values.update(settings)
    return Balena(values)


def logged_in(emulator, **settings):
    sdk = sdk_for(emulator, **settings)
    sdk.auth.login(username=emulator.credentials["username"], password=emulator.credentials["password"])
    return sdk


def requests_seen(emulator):
    log = emulator.request_log()
    return log["requests"] if isinstance(log, dict) else log


def requests_matching(emulator, method, fragment):
    return [entry for entry in requests_seen(emulator) if entry["method"] == method and fragment in entry["path"]]


def settled_requests(emulator, method, fragment, expected, seconds=3.0):
    """The matching requests once ``expected`` of them are logged (the log is written just after answering)."""
    deadline = time.monotonic() + seconds
    found = requests_matching(emulator, method, fragment)
    while len(found) < expected and time.monotonic() < deadline:
        time.sleep(0.05)
        found = requests_matching(emulator, method, fragment)
    return found
