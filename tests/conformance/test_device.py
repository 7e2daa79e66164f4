"""models.device: registration, lookups, setters, pins, keys, local mode and lock override."""
from __future__ import annotations

import time

import pytest
import requests
from balena import exceptions


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet("raspberrypi3")


@pytest.fixture(scope="module")
def device(factory, app):
    return factory.online_device(app)


def test_generate_uuid_is_62_hex_chars(balena):
    uuid = balena.models.device.generate_uuid()
    assert len(uuid) == 62 and int(uuid, 16) >= 0


def test_register_stores_device_and_returns_its_key(balena, admin, factory, app):
    uuid = balena.models.device.generate_uuid()
    registered = balena.models.device.register(app["slug"], uuid)
    assert set(registered) == {"id", "uuid", "api_key"}
    assert registered["uuid"] == uuid
    stored = admin.one(f"device({registered['id']})?$select=uuid,belongs_to__application"
                       "&$expand=is_of__device_type($select=slug)")
    assert stored["uuid"] == uuid
    assert stored["belongs_to__application"] == {"__id": app["id"]}
    assert stored["is_of__device_type"][0]["slug"] == "raspberrypi3"
    answer = requests.get(f"{factory.url}/actor/v1/whoami",
                          headers={"Authorization": f"Bearer {registered['api_key']}"}, timeout=30)
    assert answer.status_code == 200
    assert answer.json()["actorType"] == "device" and answer.json()["uuid"] == uuid


def test_register_with_compatible_and_incompatible_type(balena, admin, app):
    """An aarch64 device may join an armv7hf fleet; an rpi (or amd64) one may not (SDK check)."""
    uuid = balena.models.device.generate_uuid()
    registered = balena.models.device.register(app["id"], uuid, "raspberrypi4-64")
    stored = admin.one(f"device({registered['id']})?$select=id&$expand=is_of__device_type($select=slug)")
    assert stored["is_of__device_type"][0]["slug"] == "raspberrypi4-64"
    for incompatible in ("raspberry-pi", "intel-nuc"):
        with pytest.raises(exceptions.InvalidDeviceType):
            balena.models.device.register(app["id"], balena.models.device.generate_uuid(), incompatible)


def test_register_duplicate_uuid(balena, device, app):
    """`/device/register` answers 409; `request()` ignores the status, so the SDK returns the
    error text instead of raising (recordings seq 133 and its step)."""
    answer = balena.models.device.register(app["id"], device["uuid"])
    assert isinstance(answer, str) and "unique" in answer


def test_get_variants(balena, device, app, credentials):
    by_id = balena.models.device.get(device["id"])
    by_uuid = balena.models.device.get(device["uuid"])
    assert by_id["id"] == by_uuid["id"] == device["id"]
    assert by_id["belongs_to__application"] == {"__id": app["id"]}
    assert by_id["is_online"] is True
    # Online through the API but not over the VPN: the real rules say reduced functionality
    # (data model §3.1 case 7; recordings seq 172 after a state report and a state poll).
    assert by_id["overall_status"] == "reduced-functionality"
    selected = balena.models.device.get(device["uuid"], {"$select": ["id", "uuid"]})
    assert set(selected) == {"id", "uuid"}
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.get(999999)
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.get("0" * 32)
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.device.get("abc1234")

    everything = balena.models.device.get_all({"$select": ["id", "device_name"]})
    names = [d["device_name"] for d in everything]
    assert device["id"] in [d["id"] for d in everything] and names == sorted(names)
    in_app = balena.models.device.get_all_by_application(app["slug"], {"$select": "id"})
    assert device["id"] in [d["id"] for d in in_app]
    assert all(set(d) == {"id"} for d in in_app)
    in_org = balena.models.device.get_all_by_organization(credentials["organization"], {"$select": "id"})
    assert {d["id"] for d in in_app} <= {d["id"] for d in in_org}
    assert balena.models.device.has(device["uuid"]) is True
    assert balena.models.device.has("f" * 32) is False


def test_name_and_rename(balena, admin, factory, app):
    registered = factory.device(app)
    generated = admin.one(f"device({registered['id']})?$select=device_name")["device_name"]
    assert isinstance(generated, str) and generated, "the API names a new device"
    assert balena.models.device.get_name(registered["uuid"]) == generated
    balena.models.device.rename(registered["uuid"], "conf-renamed-device")
    assert admin.one(f"device({registered['id']})?$select=device_name")["device_name"] == "conf-renamed-device"
    found = balena.models.device.get_by_name("conf-renamed-device")
    assert isinstance(found, list) and registered["id"] in [d["id"] for d in found]
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.get_by_name("no-such-device-name")
    assert balena.models.device.get_application_name(registered["id"]) == app["app_name"]
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.rename("0" * 32, "x")


def test_status_fields_and_metrics(balena, factory, app):
    online = factory.online_device(app, memory_usage=512, memory_total=1024, cpu_temp=45,
                                   storage_block_device="mmcblk0p6", cpu_id="conf-cpu")
    assert balena.models.device.is_online(online["uuid"]) is True
    assert isinstance(balena.models.device.get_status(online["uuid"]), str)
    assert balena.models.device.get_local_ip_address(online["uuid"]) == ["192.0.2.10", "198.51.100.7"]
    assert balena.models.device.get_mac_address(online["uuid"]) == ["02:00:00:00:00:01"]
    metrics = balena.models.device.get_metrics(online["uuid"])
    assert metrics["memory_usage"] == 512 and metrics["memory_total"] == 1024
    assert metrics["cpu_temp"] == 45 and metrics["cpu_id"] == "conf-cpu"
    offline = factory.device(app)
    assert balena.models.device.is_online(offline["id"]) is False
    assert balena.models.device.get_status(offline["id"]) == "configuring"
    with pytest.raises(exceptions.DeviceOffline):
        balena.models.device.get_local_ip_address(offline["id"])


def test_set_note_single_and_list(balena, admin, factory, app):
    first, second = factory.device(app), factory.device(app)
    balena.models.device.set_note(first["uuid"], "a note")
    assert admin.one(f"device({first['id']})?$select=note")["note"] == "a note"
    balena.models.device.set_note([first["id"], second["id"]], "bulk note")
    rows = admin.rows(f"device?$select=note&$filter=id in ({first['id']}, {second['id']})")
    assert [row["note"] for row in rows] == ["bulk note", "bulk note"]
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.set_note([first["id"], 999999], "x")


def test_custom_location(balena, admin, factory, app):
    registered = factory.device(app)
    balena.models.device.set_custom_location(registered["id"], {"latitude": 52.37, "longitude": 4.89})
    stored = admin.one(f"device({registered['id']})?$select=custom_latitude,custom_longitude")
    assert stored == {"custom_latitude": "52.37", "custom_longitude": "4.89"}
    balena.models.device.unset_custom_location([registered["id"]])
    stored = admin.one(f"device({registered['id']})?$select=custom_latitude,custom_longitude")
    assert stored == {"custom_latitude": "", "custom_longitude": ""}


def test_remove_and_deactivate(balena, admin, factory, app):
    gone, inactive = factory.device(app), factory.device(app)
    balena.models.device.remove(gone["uuid"])
    assert admin.rows(f"device?$select=id&$filter=id eq {gone['id']}") == []
    balena.models.device.deactivate(inactive["id"])
    assert admin.one(f"device({inactive['id']})?$select=is_active")["is_active"] is False
    with pytest.raises(exceptions.DeviceNotFound):
        balena.models.device.remove(999999)


def test_move_between_compatible_fleets(balena, admin, factory, app):
    """armv7hf devices may move to an aarch64 fleet (SDK check), not to an amd64 one."""
    target = factory.fleet("raspberrypi4-64")
    incompatible = factory.fleet("intel-nuc")
    first, second = factory.device(app), factory.device(app)
    balena.models.device.move(first["uuid"], target["slug"])
    balena.models.device.move([second["id"]], target["id"])
    rows = admin.rows(f"device?$select=belongs_to__application&$filter=id in ({first['id']}, {second['id']})")
    assert rows == [{"belongs_to__application": {"__id": target["id"]}}] * 2
    with pytest.raises(exceptions.IncompatibleApplication):
        balena.models.device.move(first["id"], incompatible["id"])


def test_device_urls(balena, admin, factory, app, emulator_access):
    registered = factory.device(app)
    assert balena.models.device.has_device_url(registered["id"]) is False
    with pytest.raises(exceptions.DeviceNotWebAccessible):
        balena.models.device.get_device_url(registered["id"])
    balena.models.device.enable_device_url(registered["uuid"])
    assert admin.one(f"device({registered['id']})?$select=is_web_accessible")["is_web_accessible"] is True
    assert balena.models.device.has_device_url(registered["id"]) is True
    url_base = balena.models.config.get_all()["deviceUrlsBase"]
    assert balena.models.device.get_device_url(registered["id"]) == f"https://{registered['uuid']}.{url_base}"
    balena.models.device.disable_device_url([registered["id"]])
    assert balena.models.device.has_device_url(registered["id"]) is False


def test_support_access(balena, admin, factory, app):
    registered = factory.device(app)
    balena.models.device.grant_support_access(registered["id"], int((time.time() + 3600) * 1000))
    stored = admin.one(f"device({registered['id']})?$select=is_accessible_by_support_until__date")
    assert stored["is_accessible_by_support_until__date"] is not None
    balena.models.device.revoke_support_access([registered["id"]])
    stored = admin.one(f"device({registered['id']})?$select=is_accessible_by_support_until__date")
    assert stored["is_accessible_by_support_until__date"] is None


def test_generate_device_key(balena, factory, app):
    registered = factory.device(app)
    key = balena.models.device.generate_device_key(registered["uuid"], "conf-key", "described")
    assert isinstance(key, str) and len(key) >= 16
    keys = balena.models.api_key.get_device_api_keys_by_device(registered["id"])
    assert "conf-key" in [k["name"] for k in keys]
    answer = requests.get(f"{factory.url}/actor/v1/whoami",
                          headers={"Authorization": f"Bearer {key.strip(chr(34))}"}, timeout=30)
    assert answer.json()["uuid"] == registered["uuid"]


def test_release_pinning_and_service_details(balena, admin, factory):
    app = factory.fleet()
    old, new = factory.release(app), factory.release(app)
    first, second = factory.device(app), factory.device(app)
    factory.install(first, old, "main")
    assert balena.models.device.is_tracking_application_release(first["id"]) is True
    balena.models.device.pin_to_release(first["uuid"], old["release"]["commit"])
    stored = admin.one(f"device({first['id']})?$select=is_pinned_on__release")
    assert stored["is_pinned_on__release"] == {"__id": old["release"]["id"]}
    assert balena.models.device.is_tracking_application_release(first["id"]) is False
    balena.models.device.pin_to_release([first["id"], second["id"]], new["release"]["id"])
    rows = admin.rows(f"device?$select=is_pinned_on__release&$filter=id in ({first['id']}, {second['id']})")
    assert rows == [{"is_pinned_on__release": {"__id": new["release"]["id"]}}] * 2
    balena.models.device.track_application_release(first["id"])
    assert admin.one(f"device({first['id']})?$select=is_pinned_on__release")["is_pinned_on__release"] is None
    with pytest.raises(exceptions.ReleaseNotFound):
        balena.models.device.pin_to_release(first["id"], "f" * 32)

    details = balena.models.device.get_with_service_details(first["uuid"])
    assert "image_install" not in details
    (install,) = details["current_services"]["main"]
    assert install["commit"] == old["release"]["commit"]
    assert install["service_id"] == old["services"]["main"]["id"]


def test_pin_to_supervisor_release(balena, admin, factory, app, device):
    supervisors = balena.models.os.get_supervisor_releases_for_cpu_architecture("armv7hf")
    assert supervisors, "the demo world has supervisor releases for armv7hf"
    target = supervisors[0]
    balena.models.device.pin_to_supervisor_release(device["uuid"], target["raw_version"])
    stored = admin.one(f"device({device['id']})?$select=should_be_managed_by__release")
    assert stored["should_be_managed_by__release"] == {"__id": target["id"]}


def test_pin_to_os_release(balena, admin, factory, app):
    registered = factory.online_device(app, os_version="balenaOS 2.88.4", os_variant="prod")
    available = balena.models.os.get_available_os_versions("raspberrypi3")
    newer = [v for v in available if v.get("variant") == "prod"
             and balena.models.os.is_supported_os_update("raspberrypi3", "2.88.4", v["raw_version"])]
    assert newer, [v["raw_version"] for v in available]
    target = newer[0]
    balena.models.device.pin_to_os_release(registered["uuid"], target["raw_version"])
    stored = admin.one(f"device({registered['id']})?$select=should_be_operated_by__release")
    assert stored["should_be_operated_by__release"] == {"__id": target["id"]}
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.device.pin_to_os_release(registered["uuid"], "99.99.99")


def test_local_mode(balena, admin, factory, app):
    registered = factory.online_device(app, os_variant="dev", os_version="balenaOS 5.1.20")
    support = balena.models.device.get_local_mode_support(registered["id"])
    assert support == {"supported": True, "message": "Supported"}
    assert balena.models.device.is_in_local_mode(registered["uuid"]) is False
    balena.models.device.enable_local_mode(registered["uuid"])
    assert balena.models.device.is_in_local_mode(registered["uuid"]) is True
    stored = admin.rows(f"device_config_variable?$select=value&$filter=(device eq {registered['id']}) "
                        "and (name eq 'RESIN_SUPERVISOR_LOCAL_MODE')")
    assert stored == [{"value": "1"}]
    balena.models.device.disable_local_mode(registered["uuid"])
    assert balena.models.device.is_in_local_mode(registered["uuid"]) is False
    never_seen = factory.device(app)
    assert balena.models.device.get_local_mode_support(never_seen["id"])["supported"] is False


def test_lock_override(balena, admin, factory, app):
    registered = factory.device(app)
    assert balena.models.device.has_lock_override(registered["id"]) is False
    balena.models.device.enable_lock_override(registered["uuid"])
    assert balena.models.device.has_lock_override(registered["uuid"]) is True
    balena.models.device.disable_lock_override(registered["uuid"])
    assert balena.models.device.has_lock_override(registered["uuid"]) is False
    stored = admin.rows(f"device_config_variable?$select=value&$filter=(device eq {registered['id']}) "
                        "and (name eq 'RESIN_OVERRIDE_LOCK')")
    assert stored == [{"value": "0"}]


def test_dashboard_url_is_built_client_side(balena):
    assert balena.models.device.get_dashboard_url("abc").endswith("/devices/abc/summary")


def test_supervisor_target_state(balena, factory):
    app = factory.fleet()
    made = factory.release(app)
    registered = factory.device(app)
    balena.models.application.config_var.set(app["id"], "BALENA_SUPERVISOR_PERSISTENT_LOGGING", "true")
    state = balena.models.device.get_supervisor_target_state(registered["uuid"])
    assert set(state) == {"local", "dependent"}
    config = state["local"]["config"]
    assert config["BALENA_SUPERVISOR_PERSISTENT_LOGGING"] == "true", "the fleet's own config variable"
    assert config["RESIN_SUPERVISOR_NATIVE_LOGGER"] == "true", "the supervisor default balenaCloud adds"
    assert config["RESIN_SUPERVISOR_POLL_INTERVAL"] == "600000"
    fleet_state = balena.models.device.get_supervisor_target_state_for_app(app["id"])
    assert isinstance(fleet_state, dict) and fleet_state
    release_uuid = balena.pine.get({"resource": "release", "id": made["release"]["id"],
                                    "options": {"$select": "commit"}})["commit"]
    pinned = balena.models.device.get_supervisor_target_state_for_app(app["id"], release_uuid)
    assert isinstance(pinned, dict)


def test_history(balena, factory, app):
    registered = factory.device(app)
    balena.models.device.rename(registered["id"], "conf-history")
    by_device = balena.models.device.history.get_all_by_device(registered["uuid"])
    assert by_device and all(h["uuid"] == registered["uuid"] for h in by_device if "uuid" in h)
    by_id = balena.models.device.history.get_all_by_device(registered["id"])
    assert len(by_id) == len(by_device)
    by_app = balena.models.device.history.get_all_by_application(app["id"])
    assert len(by_app) >= len(by_device)
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.device.history.get_all_by_device(registered["id"], from_date="yesterday")
