# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``models.device`` against the emulator."""

from __future__ import annotations

import datetime
import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions


def test_reading_devices(shared_sdk, shared_demo):
    device = shared_sdk.models.device
    everything = device.get_all()
    assert [d["device_name"] for d in everything] == sorted(d["device_name"] for d in everything)
    lobby = device.get(shared_demo.device_uuid)
    assert lobby["device_name"] == "lobby-screen"
    assert device.get(lobby["id"], {"$select": "uuid"})["uuid"] == shared_demo.device_uuid
    fleet_devices = device.get_all_by_application(shared_demo.fleet)
    assert "lobby-screen" in [d["device_name"] for d in fleet_devices]
    assert len(device.get_all_by_organization(shared_demo.organization)) > len(fleet_devices)
    assert [d["id"] for d in device.get_by_name("lobby-screen")] == [lobby["id"]]
    assert device.get_name(lobby["id"]) == "lobby-screen"
    assert device.get_application_name(shared_demo.device_uuid) == shared_demo.fleet.split("/")[1]
    assert device.has(shared_demo.device_uuid) and not device.has("f" * 32)
    assert device.is_online(shared_demo.device_uuid) is True
    assert device.is_online(shared_demo.offline_uuid) is False
    assert isinstance(device.get_status(shared_demo.device_uuid), str)
    assert device.has_device_url(lobby["id"]) == lobby["is_web_accessible"]
    assert device.is_tracking_application_release(lobby["id"]) is (lobby["is_pinned_on__release"] is None)
    assert device.get_local_ip_address(shared_demo.device_uuid) == (lobby["ip_address"] or "").split(" ") if lobby["ip_address"] else []
    assert device.get_mac_address(lobby["id"]) == (lobby["mac_address"].split(" ") if lobby["mac_address"] else [])
    metrics = device.get_metrics(lobby["id"])
    assert set(metrics) == {"memory_usage", "memory_total", "storage_block_device", "storage_usage", "storage_total",
                            "cpu_usage", "cpu_temp", "cpu_id", "is_undervolted"}
    assert device.get_dashboard_url(shared_demo.device_uuid).endswith("/devices/%s/summary" % shared_demo.device_uuid)
    assert len(device.generate_uuid()) == 62
    details = device.get_with_service_details(shared_demo.device_uuid)
    assert set(details["current_services"]) == {"player", "updater"}
    with pytest.raises(exceptions.DeviceOffline):
        device.get_local_ip_address(shared_demo.offline_uuid)
    with pytest.raises(exceptions.DeviceNotFound):
        device.get_by_name("no-such-device")
    with pytest.raises(exceptions.InvalidParameter):
        device.get("abc1234")


def test_device_setters_one_and_many(sdk, demo):
    device = sdk.models.device
    lobby = device.get(demo.device_uuid)
    fleet_ids = [d["id"] for d in device.get_all_by_application(demo.fleet)]
    device.rename(demo.device_uuid, "main-lobby")
    assert demo.one("device(%d)" % lobby["id"])["device_name"] == "main-lobby"
    device.set_note(fleet_ids, "checked")
    assert {d["note"] for d in demo.odata("device?$filter=id in (%s)" % ",".join(map(str, fleet_ids)))} == {"checked"}
    device.set_custom_location(demo.device_uuid, {"latitude": 51.5, "longitude": -0.12})
    row = demo.one("device(%d)" % lobby["id"])
    assert (row["custom_latitude"], row["custom_longitude"]) == ("51.5", "-0.12")
    device.unset_custom_location([demo.device_uuid])
    row = demo.one("device(%d)" % lobby["id"])
    assert (row["custom_latitude"], row["custom_longitude"]) == ("", "")
    device.enable_device_url(fleet_ids)
    assert device.has_device_url(lobby["id"]) is True
    assert device.get_device_url(demo.device_uuid).startswith("https://%s." % demo.device_uuid)
    device.disable_device_url(lobby["id"])
    with pytest.raises(exceptions.DeviceNotWebAccessible):
        device.get_device_url(lobby["id"])
    expiry = int(time.time() * 1000) + 3600 * 1000
    device.grant_support_access(demo.device_uuid, expiry)
    assert demo.one("device(%d)" % lobby["id"])["is_accessible_by_support_until__date"] is not None
    device.revoke_support_access([lobby["id"]])
    assert demo.one("device(%d)" % lobby["id"])["is_accessible_by_support_until__date"] is None
    with pytest.raises(exceptions.DeviceNotFound) as raised:
        device.set_note(fleet_ids + [987654], "x")
    assert raised.value.message == "Device not found: 987654"
    device.deactivate(demo.offline_uuid)
    assert demo.one("device(uuid='%s')" % demo.offline_uuid)["is_active"] is False
    device.remove([demo.offline_uuid])
    assert demo.odata("device(uuid='%s')" % demo.offline_uuid) == []


def test_pinning_devices_to_releases(sdk, demo):
    device = sdk.models.device
    releases = sdk.models.release.get_all_by_application(demo.fleet, {"$filter": {"status": "success"}})
    oldest = releases[-1]
    device.pin_to_release(demo.device_uuid, oldest["commit"])
    lobby = device.get(demo.device_uuid, {"$select": ["id", "is_pinned_on__release"]})
    assert lobby["is_pinned_on__release"]["__id"] == oldest["id"]
    assert device.is_tracking_application_release(demo.device_uuid) is False
    device.track_application_release(lobby["id"])
    assert device.is_tracking_application_release(demo.device_uuid) is True
    device.pin_to_release([lobby["id"]], oldest["id"])
    assert device.get(lobby["id"], {"$select": "is_pinned_on__release"})["is_pinned_on__release"]["__id"] == oldest["id"]
    with pytest.raises(exceptions.ReleaseNotFound):
        device.pin_to_release(lobby["id"], "0" * 32)


def test_pinning_to_a_supervisor_release(sdk, demo):
    device = sdk.models.device
    lobby = device.get(demo.device_uuid, {"$select": ["id"], "$expand": {"is_of__device_type": {"$select": "is_of__cpu_architecture"}}})
    arch_id = lobby["is_of__device_type"][0]["is_of__cpu_architecture"]["__id"]
    supervisors = sdk.models.os.get_supervisor_releases_for_cpu_architecture(arch_id)
    assert supervisors
    newest = supervisors[0]
    device.pin_to_supervisor_release(demo.device_uuid, newest["raw_version"])
    assert device.get(lobby["id"], {"$select": "should_be_managed_by__release"})["should_be_managed_by__release"]["__id"] == newest["id"]


def test_moving_devices(sdk, demo):
    device = sdk.models.device
    target = sdk.models.application.create("moved-here", "raspberrypi4-64", demo.organization)
    lobby = device.get(demo.device_uuid)
    device.move([demo.device_uuid], target["id"])
    assert demo.one("device(%d)" % lobby["id"])["belongs_to__application"]["__id"] == target["id"]
    device.move(lobby["id"], demo.fleet)
    assert device.get_application_name(lobby["id"]) == demo.fleet.split("/")[1]
    pi1_fleet = sdk.models.application.create("old-pis", "raspberry-pi", demo.organization)
    with pytest.raises(exceptions.IncompatibleApplication):
        device.move(lobby["id"], pi1_fleet["id"])


def test_supervisor_actions_reach_the_api(sdk, demo):
    device = sdk.models.device
    lobby = device.get(demo.device_uuid, {"$select": "id", "$expand": {"belongs_to__application": {"$select": "id"}}})
    image_id = device.get_with_service_details(lobby["id"])["current_services"]["player"][0]["image_id"]
    demo.emulator.clear_request_log()
    device.ping(demo.device_uuid)
    device.identify(lobby["id"])
    device.restart_application(demo.device_uuid)
    device.purge(lobby["id"])
    device.update(demo.device_uuid)
    device.start_service(lobby["id"], image_id)
    device.stop_service(demo.device_uuid, image_id)
    device.restart_service(lobby["id"], image_id)
    assert isinstance(device.get_supervisor_state(demo.device_uuid), dict)
    device.reboot(lobby["id"], force=True)
    device.shutdown(demo.device_uuid)
    sent = [(entry["method"], entry["path"]) for entry in demo.requests_sent() if entry["method"] == "POST"]
    app_id = lobby["belongs_to__application"][0]["id"]
    for path in ("/supervisor/ping", "/supervisor/v1/blink", "/supervisor/v1/restart", "/supervisor/v1/reboot",
                 "/supervisor/v1/shutdown", "/supervisor/v1/purge", "/supervisor/v1/update", "/supervisor/v1/device",
                 "/supervisor/v2/applications/%d/start-service" % app_id,
                 "/supervisor/v2/applications/%d/stop-service" % app_id,
                 "/supervisor/v2/applications/%d/restart-service" % app_id):
        assert ("POST", path) in sent
    with pytest.raises(exceptions.BalenaException):
        device.reboot(demo.offline_uuid)


def test_legacy_application_actions(sdk, demo):
    device = sdk.models.device
    device.get_application_info(demo.device_uuid)
    device.start_application(demo.device_uuid)
    device.stop_application(demo.device_uuid)
    app_id = sdk.models.application.get_id(demo.fleet)
    paths = [entry["path"] for entry in demo.requests_sent()]
    assert "/supervisor/v1/apps/%d" % app_id in paths
    assert "/supervisor/v1/apps/%d/start" % app_id in paths
    assert "/supervisor/v1/apps/%d/stop" % app_id in paths


def test_target_states(shared_sdk, shared_demo):
    device = shared_sdk.models.device
    state = device.get_supervisor_target_state(shared_demo.device_uuid)
    assert state["local"]["name"] == "lobby-screen"
    fleet_state = device.get_supervisor_target_state_for_app(shared_demo.fleet)
    assert isinstance(fleet_state, dict)


def test_registering_a_device_and_keys(sdk, demo):
    device = sdk.models.device
    uuid = device.generate_uuid()
    registered = device.register(demo.fleet, uuid)
    assert registered["uuid"] == uuid and registered["api_key"]
    assert demo.one("device(uuid='%s')?$select=id" % uuid)["id"] == registered["id"]
    other = device.register(sdk.models.application.get_id(demo.fleet), device.generate_uuid(), "raspberrypi4-64")
    assert demo.one("device(%d)?$expand=is_of__device_type($select=slug)" % other["id"])["is_of__device_type"][0]["slug"] == "raspberrypi4-64"
    with pytest.raises(exceptions.InvalidDeviceType):
        device.register(demo.fleet, device.generate_uuid(), "intel-nuc")


def test_device_keys(sdk, demo):
    device = sdk.models.device
    key = device.generate_device_key(demo.device_uuid, "bench", "for tests")
    assert isinstance(key, str) and key and '"' not in key
    assert "bench" in [k["name"] for k in sdk.models.api_key.get_device_api_keys_by_device(demo.device_uuid)]


def test_local_mode_and_lock_override(sdk, demo):
    device = sdk.models.device
    dev_device = device.get_by_name("roof-sensor")[0]
    assert device.get_local_mode_support(dev_device["id"]) == {"supported": True, "message": "Supported"}
    device.enable_local_mode(dev_device["uuid"])
    assert device.is_in_local_mode(dev_device["id"]) is True
    assert device.config_var.get(dev_device["id"], "RESIN_SUPERVISOR_LOCAL_MODE") == "1"
    device.disable_local_mode(dev_device["uuid"])
    assert device.is_in_local_mode(dev_device["uuid"]) is False
    support = device.get_local_mode_support(demo.device_uuid)
    assert support["supported"] is False
    with pytest.raises(exceptions.LocalModeError):
        device.enable_local_mode(demo.device_uuid)
    assert device.has_lock_override(demo.device_uuid) is False
    device.enable_lock_override(demo.device_uuid)
    assert device.has_lock_override(demo.device_uuid) is True
    device.disable_lock_override(demo.device_uuid)
    assert device.has_lock_override(demo.device_uuid) is False


def os_update_candidate(sdk):
    """An online demo device on an old balenaOS, and the versions it may update to."""
    device = sdk.models.device
    sensor = device.get_by_name("garage-sensor", {"$select": ["id", "uuid", "os_version", "os_variant"],
                                                  "$expand": {"is_of__device_type": {"$select": "slug"}}})[0]
    slug = sensor["is_of__device_type"][0]["slug"]
    current = sensor["os_version"].split(" ")[-1]
    targets = [v["raw_version"] for v in sdk.models.os.get_available_os_versions(slug)
               if v["variant"] == sensor["os_variant"] and sdk.models.os.is_supported_os_update(slug, current, v["raw_version"])]
    assert targets, "the demo data offers no OS update for %s %s" % (slug, sensor["os_version"])
    return sensor, targets


def test_os_updates(sdk, demo):
    device = sdk.models.device
    sensor, targets = os_update_candidate(sdk)
    device.pin_to_os_release(sensor["id"], targets[0])
    assert demo.one("device(%d)" % sensor["id"])["should_be_operated_by__release"] is not None
    with pytest.raises(exceptions.InvalidParameter):
        device.pin_to_os_release(sensor["id"], "99.0.0")
    with pytest.raises(exceptions.OsUpdateError):
        device.start_os_update(demo.offline_uuid, targets[0])


def test_os_update_requests_go_to_the_actions_host(sdk, demo):
    """start_os_update and get_os_update_status talk to https://actions.<deviceUrlsBase>, a host no
    emulator serves: the request must be aimed there (and fail to connect), never at the API."""
    device = sdk.models.device
    demo.emulator.clear_request_log()
    with pytest.raises(exceptions.ConnectionFailed) as raised:
        device.get_os_update_status(demo.device_uuid)
    assert raised.value.path.endswith("/v1/%s/resinhup" % demo.device_uuid)
    sensor, targets = os_update_candidate(sdk)
    with pytest.raises(exceptions.ConnectionFailed) as raised:
        device.start_os_update(sensor["uuid"], targets[0])
    assert raised.value.path.endswith("/v2/%s/resinhup" % sensor["uuid"])
    assert not [entry for entry in demo.requests_sent() if "resinhup" in entry["path"]]


def test_device_history(sdk, demo):
    history = sdk.models.device.history
    device_id = sdk.models.device.get(demo.device_uuid)["id"]
    sdk.models.device.rename(device_id, "history-maker")
    by_device = history.get_all_by_device(demo.device_uuid)
    assert by_device and all(row["uuid"] == demo.device_uuid for row in by_device)
    assert history.get_all_by_device(device_id, datetime.datetime(2000, 1, 1)) != []
    assert history.get_all_by_device(device_id, datetime.datetime(2000, 1, 1), datetime.datetime(2000, 1, 2)) == []
    by_fleet = history.get_all_by_application(demo.fleet)
    assert demo.device_uuid in [row["uuid"] for row in by_fleet]
    with pytest.raises(exceptions.InvalidParameter):
        history.get_all_by_device(device_id, "yesterday")
