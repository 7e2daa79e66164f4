# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""logs.history, after the demo device wrote a few lines with its own key."""

from __future__ import annotations

import time

from parity_scenario import Setup, Step


def _write_lines(w):
    now_ms = int(time.time() * 1000)
    lines = [{"message": "parity line %d" % number, "timestamp": now_ms + number, "isStdErr": number == 2}
             for number in range(1, 5)]
    device = w.credentials["device"]
    w.raw("POST", "/device/v2/%s/logs" % device["uuid"], token=device["api_key"], json=lines)


STEPS = [
    Setup("the demo device writes four log lines", _write_lines),
    Step("models.device.get_all_by_application", lambda sdk, w: sdk.models.device.get_all_by_application(
        w.credentials["fleet"], {"$select": ["id"], "$filter": {"uuid": w.credentials["device"]["uuid"]}}),
        "the demo device's id", keep="fleet_devices"),
    Step("logs.history", lambda sdk, w: sdk.logs.history(w.credentials["device"]["uuid"])),
    Step("logs.history", lambda sdk, w: sdk.logs.history(w.credentials["device"]["uuid"], 2), "last two"),
    Step("logs.history", lambda sdk, w: sdk.logs.history(w.credentials["device"]["uuid"], "all"), "all"),
    Step("logs.history", lambda sdk, w: sdk.logs.history(w.kept["fleet_devices"][0]["id"], 1), "by id"),
    Step("logs.history", lambda sdk, w: sdk.logs.history("0" * 32), "missing device"),
]
