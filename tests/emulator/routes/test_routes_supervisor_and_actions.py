"""The supervisor proxy and device actions: answers for online devices, effects, refusals."""
from __future__ import annotations

ONLINE, OFFLINE, FOREIGN = "1" * 32, "2" * 32, "3" * 32


def _messages(api, uuid):
    return [entry["message"] for entry in api.get(f"/device/v2/{uuid}/logs", headers=api.admin()).json()]


def test_offline_or_invisible_devices_are_not_found(api):
    headers = api.session("alice")
    for body in ({"uuid": OFFLINE}, {"uuid": FOREIGN}, {"deviceId": api.ids["offline"], "appId": api.ids["fleet_one"]}):
        refused = api.post("/supervisor/v1/blink", json=body, headers=headers)
        assert refused.status_code == 404 and refused.json() == "No online device(s) found"
    ping = api.post("/supervisor//ping", json={"method": "GET", "deviceId": api.ids["offline"],
                                               "appId": api.ids["fleet_one"]}, headers=headers)
    assert ping.status_code == 404


def test_blink_ping_and_state_of_an_online_device(api):
    headers = api.session("alice")
    blink = api.post("/supervisor/v1/blink", json={"uuid": ONLINE}, headers=headers)
    assert blink.status_code == 200 and blink.json() == {"Data": "OK", "Error": None}
    assert "Identifying device (blinking its LED)" in _messages(api, ONLINE)
    ping = api.post("/supervisor//ping", json={"method": "GET", "deviceId": api.ids["online"],
                                               "appId": api.ids["fleet_one"]}, headers=headers)
    assert ping.status_code == 200 and ping.text == "OK"
    state = api.post("/supervisor/v1/device", json={"uuid": ONLINE, "method": "GET"}, headers=headers).json()
    assert state["api_port"] == 48484 and state["status"]


def test_filters_are_validated(api):
    headers = api.session("alice")
    assert api.post("/supervisor/v1/blink", json={}, headers=headers).json() == "At least one filter must be specified"
    assert api.post("/supervisor/v1/blink", json={"deviceId": "x"}, headers=headers).json() == \
        "Device ID must be a valid integer if specified"
    assert api.post("/supervisor/v1/blink", json={"uuid": ONLINE}).status_code == 401


def test_service_actions_change_the_install_status(api):
    with api.world.store.transaction() as tx:
        tx.insert("image_install", {"device": api.ids["foreign"], "installs__image": api.ids["web_image"],
                                    "install_date": tx.now(), "status": "Running",
                                    "is_provided_by__release": api.ids["release"]})
    headers = api.session("bob")
    body = {"deviceId": api.ids["foreign"], "appId": api.ids["fleet_b"],
            "data": {"appId": api.ids["fleet_b"], "imageId": api.ids["web_image"]}}
    stop = api.post(f"/supervisor/v2/applications/{api.ids['fleet_b']}/stop-service", json=body, headers=headers)
    assert stop.status_code == 200
    with api.world.store.transaction() as tx:
        assert tx.find("image_install", device=api.ids["foreign"])[0]["status"] == "Stopped"


def test_restart_endpoints(api):
    headers = api.session("alice")
    assert api.post(f"/device/{api.ids['online']}/restart", headers=headers).text == "OK"
    assert api.post(f"/applcation/{api.ids['fleet_one']}/restart", headers=headers).status_code == 200
    assert api.post(f"/application/{api.ids['fleet_one']}/restart", headers=headers).status_code == 200
    assert _messages(api, ONLINE).count("Restarting application") >= 3
    refused = api.post(f"/device/{api.ids['offline']}/restart", headers=headers)
    assert refused.status_code == 404 and refused.json() == "No online device(s) found"


def test_os_update_moves_the_device_to_the_target_release(api):
    headers = api.session("bob")
    response = api.post(f"/v2/{FOREIGN}/resinhup", json={"parameters": {"target_version": "6.0.1"}}, headers=headers)
    assert response.status_code == 200 and response.json()["status"] == "done"
    device = api.row("device", api.ids["foreign"])
    assert device["should_be_operated_by__release"] == api.ids["os_new"]
    assert device["os_version"] == "balenaOS 6.0.1"
    status = api.get(f"/actions/v1/{FOREIGN}/resinhup", headers=headers).json()
    assert status["parameters"]["target_version"] == "6.0.1"
    unknown = api.post(f"/v2/{FOREIGN}/resinhup", json={"parameters": {"target_version": "9.9.9"}}, headers=headers)
    assert unknown.status_code == 400


def test_shutdown_takes_the_device_offline(api):
    headers = api.session("bob")
    response = api.post("/supervisor/v1/shutdown", json={"deviceId": api.ids["foreign"], "appId": api.ids["fleet_b"],
                                                         "data": {"force": True}}, headers=headers)
    assert response.status_code == 200
    device = api.row("device", api.ids["foreign"])
    assert device["is_online"] is False and device["status"] == "Shutting down"
    assert "Shutting down (forced)" in _messages(api, FOREIGN)
    again = api.post("/supervisor/v1/reboot", json={"deviceId": api.ids["foreign"]}, headers=headers)
    assert again.status_code == 404
