"""models.application: the fleet itself (lookups, create/rename/remove, tracking, keys, actions)."""
from __future__ import annotations

import time

import pytest
from balena import exceptions

from .world_factory import unique_name


def test_create_default_class_is_fleet_and_is_stored(balena, admin, credentials):
    name = unique_name("conf-create-")
    app = balena.models.application.create(name, "raspberrypi3", credentials["organization"])
    assert app["app_name"] == name
    assert isinstance(app["id"], int)
    assert app["slug"] == f"{credentials['organization']}/{name}".lower()
    stored = admin.one(f"application({app['id']})?$select=app_name,is_of__class,slug,uuid"
                       "&$expand=is_for__device_type($select=slug),organization($select=handle)")
    assert stored["app_name"] == name
    assert stored["is_for__device_type"][0]["slug"] == "raspberrypi3"
    assert stored["organization"][0]["handle"] == credentials["organization"]
    assert len(stored["uuid"]) == 32
    assert stored["is_of__class"] == "fleet"


@pytest.mark.parametrize("application_class", ["fleet", "app", "block"])
def test_create_with_class(balena, admin, credentials, application_class):
    app = balena.models.application.create(unique_name("conf-class-"), "intel-nuc",
                                           credentials["organization"], application_class)
    assert admin.one(f"application({app['id']})?$select=is_of__class")["is_of__class"] == application_class


def test_create_by_alias_and_org_id(balena, admin, credentials):
    org_id = balena.models.organization.get(credentials["organization"])["id"]
    app = balena.models.application.create(unique_name("conf-alias-"), "raspberry-pi2", org_id)
    stored = admin.one(f"application({app['id']})?$select=id&$expand=is_for__device_type($select=slug)")
    assert stored["is_for__device_type"][0]["slug"] == "raspberry-pi2"


def test_create_errors(balena, credentials, factory):
    with pytest.raises(exceptions.InvalidDeviceType):
        balena.models.application.create(unique_name("conf-bad-"), "no-such-board",
                                         credentials["organization"])
    with pytest.raises(exceptions.OrganizationNotFound):
        balena.models.application.create(unique_name("conf-bad-"), "raspberrypi3", "no-such-org-x")
    app = factory.fleet()
    with pytest.raises(exceptions.RequestError) as duplicate:
        balena.models.application.create(app["app_name"].upper(), "raspberrypi3",
                                         credentials["organization"])
    assert duplicate.value.status_code == 409
    assert "unique" in duplicate.value.body.lower()


def test_get_by_id_slug_uuid_and_missing(balena, factory):
    app = factory.fleet()
    by_id = balena.models.application.get(app["id"])
    by_slug = balena.models.application.get(app["slug"])
    by_uuid = balena.models.application.get(by_id["uuid"])
    assert by_id["id"] == by_slug["id"] == by_uuid["id"] == app["id"]
    assert balena.models.application.get(app["slug"].upper())["id"] == app["id"]
    selected = balena.models.application.get(app["id"], {"$select": ["id", "app_name"]})
    assert set(selected) == {"id", "app_name"}
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.get(999999)
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.get("nobody/no-such-fleet")
    with pytest.raises(exceptions.RequestError) as beyond_32_bits:   # an error, as PostgreSQL gives, not "not found"
        balena.models.application.get(2 ** 31)
    assert beyond_32_bits.value.status_code == 400 and "out of range for type integer" in beyond_32_bits.value.message


def test_get_directly_accessible_and_context(balena, factory):
    app = factory.fleet()
    assert balena.models.application.get_directly_accessible(app["slug"])["id"] == app["id"]
    assert balena.models.application.get(app["id"], context="directly_accessible")["id"] == app["id"]


def test_get_all_variants_list_own_fleets_sorted(balena, factory, credentials):
    first, second = factory.fleet(), factory.fleet()
    everything = balena.models.application.get_all()
    names = [app["app_name"] for app in everything]
    assert {first["app_name"], second["app_name"]} <= set(names)
    assert names == sorted(names)
    direct = balena.models.application.get_all_directly_accessible({"$select": ["id", "slug"]})
    assert {first["id"], second["id"]} <= {app["id"] for app in direct}
    assert all(set(app) == {"id", "slug"} for app in direct)
    in_org = balena.models.application.get_all_by_organization(credentials["organization"])
    assert {first["id"], second["id"]} <= {app["id"] for app in in_org}
    assert all(app["organization"]["__id"] == in_org[0]["organization"]["__id"] for app in in_org)
    without_context = balena.models.application.get_all({"$select": "id"}, context=None)
    assert {first["id"], second["id"]} <= {app["id"] for app in without_context}


def test_get_all_hides_public_host_fleets(balena):
    """Host OS and supervisor fleets are public, but not 'directly accessible' to a user."""
    direct = balena.models.application.get_all({"$select": ["id", "is_host", "is_public"]})
    assert not any(app["is_host"] for app in direct)


def test_get_by_name_has_has_any_get_id(balena, factory):
    app = factory.fleet()
    assert balena.models.application.get_by_name(app["app_name"])["id"] == app["id"]
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.get_by_name("no-such-fleet-name")
    assert balena.models.application.has(app["slug"]) is True
    assert balena.models.application.has("nobody/nothing-here") is False
    assert balena.models.application.has_any() is True
    assert balena.models.application.get_id(app["slug"]) == app["id"]
    assert balena.models.application.get_id(app["id"]) == app["id"]


def test_get_dashboard_url_is_built_client_side(balena):
    url = balena.models.application.get_dashboard_url(42)
    assert url.endswith("/apps/42")


def test_get_with_device_service_details(balena, factory):
    app = factory.fleet()
    device = factory.device(app)
    made = factory.release(app, services=("main", "db"))
    factory.install(device, made, "main")
    details = balena.models.application.get_with_device_service_details(app["id"])
    assert details["id"] == app["id"]
    (owned,) = [d for d in details["owns__device"] if d["id"] == device["id"]]
    assert "image_install" not in owned
    services = owned["current_services"]
    assert list(services) == ["main"]
    install = services["main"][0]
    assert install["commit"] == made["release"]["commit"]
    assert install["status"] == "Running"
    assert install["download_progress"] == 100


def test_rename(balena, admin, factory):
    app = factory.fleet()
    new_name = unique_name("conf-renamed-")
    balena.models.application.rename(app["id"], new_name)
    stored = admin.one(f"application({app['id']})?$select=app_name,slug")
    assert stored["app_name"] == new_name
    assert stored["slug"].endswith("/" + new_name.lower())


def test_remove_by_id_slug_and_list(balena, admin, factory):
    one, two, three = factory.fleet(), factory.fleet(), factory.fleet()
    balena.models.application.remove(one["id"])
    balena.models.application.remove(two["slug"])
    assert admin.rows(f"application?$select=id&$filter=id in ({one['id']}, {two['id']})") == []
    four = factory.fleet()
    balena.models.application.remove([three["id"], four["id"]])
    assert admin.rows(f"application?$select=id&$filter=id in ({three['id']}, {four['id']})") == []
    with pytest.raises(exceptions.ApplicationNotFound):
        balena.models.application.remove(999999)


def test_remove_deletes_the_fleets_devices(balena, admin, factory):
    app = factory.fleet()
    device = factory.device(app)
    balena.models.application.remove(app["id"])
    assert admin.rows(f"device?$select=id&$filter=id eq {device['id']}") == []


def test_tracking_without_releases_raises_index_error(balena, factory):
    """As the real server: nothing to expand, and the SDK indexes an empty list (seq 99, 100)."""
    app = factory.fleet()
    assert balena.models.application.will_track_new_releases(app["id"]) is True
    with pytest.raises(IndexError):
        balena.models.application.is_tracking_latest_release(app["id"])
    with pytest.raises(IndexError):
        balena.models.application.get_target_release_hash(app["id"])


def test_pin_track_and_target_release(balena, admin, factory):
    app = factory.fleet()
    old = factory.release(app)
    new = factory.release(app)
    assert balena.models.application.get_target_release_hash(app["id"]) == new["release"]["commit"]
    assert balena.models.application.is_tracking_latest_release(app["id"]) is True

    balena.models.application.pin_to_release(app["id"], old["release"]["commit"])
    stored = admin.one(f"application({app['id']})?$select=should_track_latest_release,"
                       "should_be_running__release")
    assert stored["should_track_latest_release"] is False
    assert stored["should_be_running__release"] == {"__id": old["release"]["id"]}
    assert balena.models.application.will_track_new_releases(app["id"]) is False
    assert balena.models.application.is_tracking_latest_release(app["id"]) is False
    assert balena.models.application.get_target_release_hash(app["id"]) == old["release"]["commit"]

    balena.models.application.track_latest_release(app["slug"])
    stored = admin.one(f"application({app['id']})?$select=should_track_latest_release,"
                       "should_be_running__release")
    assert stored["should_track_latest_release"] is True
    assert stored["should_be_running__release"] == {"__id": new["release"]["id"]}
    assert balena.models.application.is_tracking_latest_release(app["id"]) is True


def test_pin_to_unknown_release(balena, factory):
    app = factory.fleet()
    factory.release(app)
    with pytest.raises(exceptions.ReleaseNotFound):
        balena.models.application.pin_to_release(app["id"], "f" * 32)


def test_new_successful_release_becomes_the_target(balena, factory):
    app = factory.fleet()
    factory.release(app)
    latest = factory.release(app)
    factory.release(app, status="failed")
    assert balena.models.application.get_target_release_hash(app["id"]) == latest["release"]["commit"]


def test_generate_provisioning_key(balena, admin, factory):
    app = factory.fleet()
    key = balena.models.application.generate_provisioning_key(app["id"])
    assert isinstance(key, str) and len(key) >= 16 and not key.startswith('"')
    named = balena.models.application.generate_provisioning_key(
        app["slug"], "conf-prov", "for conformance", "2030-01-01T00:00:00.000Z")
    assert named != key
    keys = balena.models.api_key.get_provisioning_api_keys_by_application(app["id"])
    assert len(keys) == 2
    (described,) = [k for k in keys if k["name"] == "conf-prov"]
    assert described["description"] == "for conformance"
    assert described["expiry_date"].startswith("2030-01-01")


def test_support_access(balena, admin, factory):
    app = factory.fleet()
    until = int((time.time() + 3600) * 1000)
    balena.models.application.grant_support_access(app["id"], until)
    stored = admin.one(f"application({app['id']})?$select=is_accessible_by_support_until__date")
    assert stored["is_accessible_by_support_until__date"] is not None
    balena.models.application.revoke_support_access(app["id"])
    stored = admin.one(f"application({app['id']})?$select=is_accessible_by_support_until__date")
    assert stored["is_accessible_by_support_until__date"] is None
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.application.grant_support_access(app["id"], 1000)


def test_enable_and_disable_device_urls(balena, admin, factory):
    app = factory.fleet()
    devices = [factory.device(app), factory.device(app)]
    balena.models.application.enable_device_urls(app["id"])
    rows = admin.rows(f"device?$select=is_web_accessible&$filter=belongs_to__application eq {app['id']}")
    assert [row["is_web_accessible"] for row in rows] == [True] * len(devices)
    balena.models.application.disable_device_urls(app["slug"])
    rows = admin.rows(f"device?$select=is_web_accessible&$filter=belongs_to__application eq {app['id']}")
    assert [row["is_web_accessible"] for row in rows] == [False] * len(devices)


def test_fleet_wide_supervisor_actions(balena, factory):
    """purge / reboot / shutdown / restart go through `request()`, which ignores the status:
    the SDK returns without error whatever the server says. The fleet exists and has an online
    device, so the emulator is expected to accept them."""
    app = factory.fleet()
    factory.online_device(app)
    assert balena.models.application.purge(app["id"]) is None
    assert balena.models.application.reboot(app["id"], {"force": True}) is None
    assert balena.models.application.shutdown(app["id"], {"force": False}) is None
    balena.models.application.restart(app["id"])
