"""The computed device fields, evaluated by the engine's SQL (data model §3.1 and §3.2)."""
from __future__ import annotations

import pytest

FIELDS = "$select=overall_status,overall_progress,should_be_running__release,is_frozen"


def device_state(world, tenants, **state):
    device = tenants.alice.device
    with world.store.transaction() as tx:
        if state:
            tx.execute("UPDATE device SET " + ", ".join(f'"{name}" = ?' for name in state) + " WHERE id = ?",
                       (*state.values(), device))
    return world.odata.read(tenants.admin, "device", f"{FIELDS}&$filter=id eq {device}")[0]


@pytest.mark.parametrize("state, status", [
    ({}, "configuring"),
    ({"is_active": 0}, "inactive"),
    ({"provisioning_state": "Post-Provisioning"}, "post-provisioning"),
    ({"last_connectivity_event": "2024-01-01T00:00:00.000Z", "api_heartbeat_state": "offline"}, "disconnected"),
    ({"is_connected_to_vpn": 1, "api_heartbeat_state": "online"}, "operational"),
    ({"is_connected_to_vpn": 1, "api_heartbeat_state": "timeout"}, "reduced-functionality"),
    ({"is_connected_to_vpn": 1, "api_heartbeat_state": "offline"}, "reduced-functionality"),
    ({"last_connectivity_event": "2024-01-01T00:00:00.000Z", "api_heartbeat_state": "online"},
     "reduced-functionality"),
    ({"is_connected_to_vpn": 1, "api_heartbeat_state": "online", "status": "Downloading",
      "download_progress": 40}, "updating"),
    ({"is_connected_to_vpn": 1, "api_heartbeat_state": "online", "provisioning_progress": 10}, "configuring"),
])
def test_overall_status(world, tenants, state, status):
    assert device_state(world, tenants, **state)["overall_status"] == status


def test_vpn_control_false_makes_an_online_device_without_vpn_operational(world, tenants):
    with world.store.transaction() as tx:
        tx.insert("application_config_variable", {"application": tenants.alice.app,
                                                  "name": "RESIN_SUPERVISOR_VPN_CONTROL", "value": "false"})
    state = {"last_connectivity_event": "2024-01-01T00:00:00.000Z", "api_heartbeat_state": "online"}
    assert device_state(world, tenants, **state)["overall_status"] == "operational"
    with world.store.transaction() as tx:
        tx.insert("device_config_variable", {"device": tenants.alice.device,
                                             "name": "BALENA_SUPERVISOR_VPN_CONTROL", "value": "true"})
    assert device_state(world, tenants)["overall_status"] == "reduced-functionality"


def test_progress_averages_the_downloading_images(world, tenants):
    alice = tenants.alice
    with world.store.transaction() as tx:
        service = tx.insert("service", {"application": alice.app, "service_name": "main"})
        release = tx.insert("release", {"belongs_to__application": alice.app, "commit": "a" * 32, "composition": {},
                                        "status": "success", "source": "cloud",
                                        "start_timestamp": "2024-01-01T00:00:00Z"})
        for progress in (50, None, 75):
            image = tx.insert("image", {"is_a_build_of__service": service, "status": "success",
                                        "start_timestamp": "2024-01-01T00:00:00Z",
                                        "push_timestamp": "2024-01-01T00:00:00Z"})
            tx.insert("image_install", {"device": alice.device, "installs__image": image,
                                        "install_date": "2024-01-01T00:00:00Z", "download_progress": progress,
                                        "status": "Downloading" if progress else "Running",
                                        "is_provided_by__release": release})
    row = device_state(world, tenants, is_connected_to_vpn=1, api_heartbeat_state="online")
    assert (row["overall_status"], row["overall_progress"]) == ("updating", 75)
    assert row["should_be_running__release"] == {"__id": release}
    assert row["is_frozen"] is False


def test_target_release_is_the_pin_first(world, tenants):
    alice = tenants.alice
    with world.store.transaction() as tx:
        release = tx.insert("release", {"belongs_to__application": alice.app, "commit": "a" * 32, "composition": {},
                                        "status": "success", "source": "cloud",
                                        "start_timestamp": "2024-01-01T00:00:00Z"})
        pinned = tx.insert("release", {"belongs_to__application": alice.app, "commit": "b" * 32, "composition": {},
                                       "status": "success", "source": "cloud",
                                       "start_timestamp": "2023-01-01T00:00:00Z"})
        tx.update("device", alice.device, {"is_pinned_on__release": pinned})
    assert device_state(world, tenants)["should_be_running__release"] == {"__id": pinned}
    assert release != pinned
