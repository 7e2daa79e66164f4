"""Target state reads (v2, v3, fleet) and the supervisor's state and tag reports."""
from __future__ import annotations

import requests

ONLINE = "1" * 32


def test_v3_state_shape_and_layered_environment(api):
    response = api.get(f"/device/v3/{ONLINE}/state", headers=api.key("device_online"))
    assert response.status_code == 200
    state = response.json()[ONLINE]
    assert state["name"] == "online-one"
    assert state["config"] == {"BALENA_SUPERVISOR_POLL_INTERVAL": "900000",
                               "RESIN_SUPERVISOR_NATIVE_LOGGER": "true",
                               "RESIN_SUPERVISOR_POLL_INTERVAL": "600000"}
    app = state["apps"][api.row("application", api.ids["fleet_one"])["uuid"]]
    assert {k: app[k] for k in ("id", "name", "is_host", "class")} == {
        "id": api.ids["fleet_one"], "name": "fleet-one", "is_host": False, "class": "fleet"}
    release = app["releases"]["a" * 32]
    web = release["services"]["web"]
    assert release["id"] == api.ids["release"] and web["image_id"] == api.ids["web_image"]
    assert web["image"] == "registry.example/v2/aaaaaaaaweb@sha256:aaaaaaaa"
    assert web["environment"] == {"APP_VAR": "device", "SVC_VAR": "svc"}
    assert web["composition"] == {"restart": "always"}


def test_v2_state_shape(api):
    state = api.get(f"/device/v2/{ONLINE}/state", headers=api.session("alice")).json()
    assert set(state) == {"local", "dependent"} and state["dependent"] == {"apps": {}, "devices": {}}
    app = state["local"]["apps"][str(api.ids["fleet_one"])]
    assert app["commit"] == "a" * 32 and app["releaseId"] == api.ids["release"]
    service = app["services"][str(api.ids["web"])]
    assert service["serviceName"] == "web" and service["running"] is True and service["imageId"] == api.ids["web_image"]


def test_state_reads_drive_the_heartbeat_only_for_the_device_key(api):
    with api.world.store.transaction() as tx:
        tx.update("device", api.ids["offline"], {"api_heartbeat_state": "unknown"})
    api.get(f"/device/v3/{'2' * 32}/state", headers=api.session("alice"))
    assert api.row("device", api.ids["offline"])["api_heartbeat_state"] == "unknown"
    api.get(f"/device/v3/{'2' * 32}/state", headers=api.key("device_offline"))
    assert api.row("device", api.ids["offline"])["api_heartbeat_state"] == "online"


def test_state_access(api):
    assert api.get(f"/device/v3/{'f' * 32}/state", headers=api.key("device_online")).status_code == 304
    assert api.get(f"/device/v3/{'3' * 32}/state", headers=api.key("device_online")).status_code == 401
    assert api.get(f"/device/v2/{'3' * 32}/state", headers=api.session("alice")).status_code == 401
    assert api.get(f"/device/v2/{ONLINE}/state").status_code == 401


def test_fleet_state(api):
    app_uuid = api.row("application", api.ids["fleet_one"])["uuid"]
    state = api.get(f"/device/v3/fleet/{app_uuid}/state/?releaseUuid=", headers=api.session("alice")).json()
    assert state[app_uuid]["apps"][app_uuid]["releases"]["a" * 32]["services"]["web"]["environment"] == {
        "APP_VAR": "fleet", "SVC_VAR": "svc"}
    assert api.get(f"/device/v3/fleet/{app_uuid}/state", headers=api.session("bob")).status_code == 401


def test_v3_report_updates_the_device_and_its_image_installs(api):
    app_uuid = api.row("application", api.ids["fleet_one"])["uuid"]
    report = {ONLINE: {
        "status": "Idle", "os_version": "balenaOS 5.1.20", "cpu_id": "ABC", "memory_usage": 2 ** 40,
        "ip_address": "192.0.2.10 198.51.100.7", "is_online": True,
        "apps": {app_uuid: {"release_uuid": "a" * 32, "releases": {"a" * 32: {
            "update_status": "done",
            "services": {"web": {"image": "registry.example/v2/aaaaaaaaweb@sha256:aaaaaaaa", "status": "Running",
                                 "download_progress": 100}}}}}},
    }}
    response = api.patch("/device/v3/state", json=report, headers=api.key("device_online"))
    assert response.status_code == 200 and response.content == b""
    device = api.row("device", api.ids["online"])
    assert device["cpu_id"] == "abc" and device["memory_usage"] == 2 ** 31 - 1
    assert device["is_running__release"] == api.ids["release"] and device["update_status"] == "done"
    assert device["last_connectivity_event"]
    with api.world.store.transaction() as tx:
        installs = tx.find("image_install", device=api.ids["online"])
    assert [(i["installs__image"], i["status"], i["is_provided_by__release"]) for i in installs] == [
        (api.ids["web_image"], "Running", api.ids["release"])]


def test_v3_report_refusals(api):
    assert api.patch("/device/v3/state", json={}, headers=api.key("device_online")).status_code == 401
    other = {"3" * 32: {"status": "Idle"}}
    assert api.patch("/device/v3/state", json=other, headers=api.key("device_online")).status_code == 401
    unknown_image = {ONLINE: {"apps": {api.row("application", api.ids["fleet_one"])["uuid"]: {"releases": {
        "a" * 32: {"services": {"web": {"image": "nowhere/x"}}}}}}}}
    response = api.patch("/device/v3/state", json=unknown_image, headers=api.key("device_online"))
    assert (response.status_code, response.json()) == (400, "Invalid request: no image is stored at nowhere/x")


def test_v2_report_and_tags(api):
    local = {"local": {"status": "Downloading", "download_progress": 40, "is_on__commit": "a" * 32}}
    assert api.patch(f"/device/v2/{ONLINE}/state", json=local, headers=api.key("device_online")).status_code == 200
    device = api.row("device", api.ids["online"])
    assert device["status"] == "Downloading" and device["download_progress"] == 40
    tags = {ONLINE: {"location": "lab", "rack": "3"}}
    assert api.patch("/device/v3/tags", json=tags, headers=api.key("device_online")).status_code == 200
    assert api.patch("/device/v3/tags", json={ONLINE: {"location": "roof"}},
                     headers=api.key("device_online")).status_code == 200
    with api.world.store.transaction() as tx:
        stored = {t["tag_key"]: t["value"] for t in tx.find("device_tag", device=api.ids["online"])}
    assert stored == {"location": "roof", "rack": "3"}
    empty = api.patch("/device/v3/tags", json={ONLINE: {}}, headers=api.key("device_online"))
    assert empty.status_code == 400 and empty.json() == "No tags were sent to be updated."
    assert requests.patch(api.url + "/device/v3/tags", json={"3" * 32: {"a": "b"}},
                          headers=api.key("device_online"), timeout=10).status_code == 401


def test_a_provisioning_key_reads_no_state(api):
    assert api.get(f"/device/v3/{ONLINE}/state", headers=api.key("provisioning")).status_code == 401
    app_uuid = api.row("application", api.ids["fleet_one"])["uuid"]
    assert api.get(f"/device/v3/fleet/{app_uuid}/state", headers=api.key("device_online")).status_code == 200
