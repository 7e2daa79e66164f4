# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fixtures for the live model tests: SDK instances logged in to an emulator."""

from __future__ import annotations

import os
import sys
import time

import pytest
import requests

sys.path.insert(0, os.path.dirname(os.path.dirname(__file__)))

from sdk_helpers import logged_in  # noqa: E402  pylint: disable=wrong-import-position


class Demo:
    """The demo world of an emulator and raw access to its API, to check effects independently of the SDK."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.credentials = emulator.credentials
        self.fleet = self.credentials["fleet"]
        self.device_uuid = self.credentials["device"]["uuid"]
        self.offline_uuid = self.credentials["offline_device"]["uuid"]
        self.organization = self.credentials["organization"]
        self.shared_organization = self.credentials["shared_organization"]
        self.username = self.credentials["username"]

    def odata(self, path, token=None):
        """``GET /v7/<path>`` as the demo user; the ``d`` list."""
        response = requests.get(
            self.emulator.url + "/v7/" + path,
            headers={"Authorization": "Bearer " + (token or self.credentials["api_key"])}, timeout=30,
        )
        response.raise_for_status()
        return response.json()["d"]

    def one(self, path):
        rows = self.odata(path)
        assert len(rows) == 1, rows
        return rows[0]

    def requests_sent(self):
        """The emulator's request log, once it has settled (the last entry may land just after its response)."""
        previous = None
        for _attempt in range(20):
            log = self.emulator.request_log()
            entries = log["requests"] if isinstance(log, dict) else log
            entries = [entry for entry in entries if not entry["path"].startswith("/_emulator")]
            if previous is not None and len(entries) == len(previous):
                return entries
            previous = entries
            time.sleep(0.05)
        return previous


@pytest.fixture(scope="module")
def shared_sdk(emulator):
    """Logged in to the session's emulator: for tests that only read."""
    return logged_in(emulator)


@pytest.fixture(scope="module")
def shared_demo(emulator):
    return Demo(emulator)


@pytest.fixture
def sdk(fresh_emulator):
    """Logged in to an emulator of its own: for tests that change data."""
    return logged_in(fresh_emulator)


@pytest.fixture
def demo(fresh_emulator):
    return Demo(fresh_emulator)
