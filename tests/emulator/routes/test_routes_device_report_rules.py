"""What a supervisor's state report leaves alone, as the real API does: the API heartbeat (only a
poll of the target state brings a device online) and the supervisor release a device is managed by."""
from __future__ import annotations

from routes_world import _release

OFFLINE = "2" * 32
STATUS_FIELDS = "api_heartbeat_state,overall_status,overall_progress,should_be_managed_by__release"


def _status(api) -> dict:
    response = api.get(f"/v7/device(uuid='{OFFLINE}')?$select={STATUS_FIELDS}", headers=api.admin())
    assert response.status_code == 200
    return response.json()["d"][0]


def _unseen_device(api) -> None:
    with api.world.store.transaction() as tx:
        tx.update("device", api.ids["offline"], {"api_heartbeat_state": "unknown", "is_connected_to_vpn": False})
        tx.execute("UPDATE device SET last_connectivity_event = NULL WHERE id = ?", (api.ids["offline"],))


def test_a_state_report_does_not_bring_the_device_online(api):
    _unseen_device(api)
    report = {OFFLINE: {"status": "Downloading", "download_progress": 75, "os_version": "balenaOS 5.1.20"}}
    assert api.patch("/device/v3/state", json=report, headers=api.key("device_offline")).status_code == 200
    assert _status(api) == {"api_heartbeat_state": "unknown", "overall_status": "configuring",
                            "overall_progress": None, "should_be_managed_by__release": None}
    assert api.get(f"/device/v3/{OFFLINE}/state", headers=api.key("device_offline")).status_code == 200
    polled = _status(api)
    assert (polled["api_heartbeat_state"], polled["overall_status"], polled["overall_progress"]) == (
        "online", "updating", 75)


def test_a_reported_supervisor_version_does_not_pick_the_supervisor_release(api):
    with api.world.store.transaction() as tx:
        organization = tx.insert("organization", {"name": "balenaOS", "handle": "balena_os"})
        fleet = tx.insert("application", {"app_name": "armv7hf-supervisor", "organization": organization,
                                          "is_for__device_type": api.ids["rpi3"], "is_public": True})
        tx.execute("UPDATE application SET slug = 'balena_os/armv7hf-supervisor' WHERE id = ?", (fleet,))
        service = tx.insert("service", {"application": fleet, "service_name": "balena-supervisor"})
        _release(tx, fleet, "5" * 32, {"balena-supervisor": service}, semver="16.2.0")
    report = {OFFLINE: {"supervisor_version": "16.2.0"}}
    assert api.patch("/device/v3/state", json=report, headers=api.key("device_offline")).status_code == 200
    device = api.row("device", api.ids["offline"])
    assert device["supervisor_version"] == "16.2.0"
    assert device["should_be_managed_by__release"] is None
