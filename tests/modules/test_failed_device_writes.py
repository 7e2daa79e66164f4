"""A device write the API refused is not blamed on read-only access: only a write the API
accepted and then did not store is; and an HTML error page is summed up, not pasted."""
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_device

from .module_runner import run_module

PINNED = ["1e3f89c20b47ec8b60e75a938cdf3f15", "49a345cdf10241f21e86a9e401676078"]


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_a_refused_pin_is_not_called_read_only_and_the_unsent_device_is_not_applied(fresh_emulator):
    fresh_emulator.inject_fault({"status": 400, "method": "PATCH", "path": "^/v7/device", "times": 1})
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuids=PINNED, track_fleet=False))
    assert result.get("failed") and not result["changed"], result
    assert "HTTP 400" in result["msg"] and "read-only" not in result["msg"], result["msg"]
    assert result["failure"]["code"] != "ReadOnlyAccess"
    assert sorted(result["not_applied"]) == sorted(PINNED) and result["applied"] == {}


def test_an_html_error_page_is_summed_up_by_its_status(fresh_emulator):
    uuid = PINNED[0]
    result = run_module(balena_device.main, dict(auth(fresh_emulator), uuid=uuid, note="x" * (600 * 1024)))
    assert result.get("failed") and not result["changed"], result["msg"][:300]
    assert "HTTP 413 from the balena API: Request Entity Too Large (PATCH /v7/device" in result["msg"], result["msg"][:300]
    assert "<" not in result["msg"] and "read-only" not in result["msg"]
    assert result["not_applied"] == {uuid: ["note"]}
