"""Fleet and device hooks through the real store."""
from __future__ import annotations

import pytest
from hooks_world import COMMIT_A, COMMIT_B, add_release

from emulator.auth.caller import USER, Caller
from emulator.errors import ApiError


def refused(store, call) -> ApiError:
    with pytest.raises(ApiError) as caught:
        with store.transaction() as tx:
            call(tx)
    return caught.value


def test_fleet_defaults(store, fleet):
    with store.transaction() as tx:
        app = tx.get("application", fleet.app)
        default_type = tx.find("application_type", slug="default")[0]
        uuid_value = app["uuid"]
        assert (app["slug"], app["should_track_latest_release"], app["application_type"]) == (
            "demo/myfleet", True, default_type["id"])
        assert len(uuid_value) == 32 and uuid_value[12] == "4"
        assert tx.get("actor", app["actor"]) is not None
        other = tx.insert("application", {"app_name": "Other-Fleet", "organization": fleet.org,
                                          "is_for__device_type": fleet.rpi4, "should_track_latest_release": False})
        assert tx.get("application", other)["slug"] == "demo/other-fleet"
        assert tx.get("application", other)["should_track_latest_release"] is True


def test_fleet_name_rules_and_unique_slug(store, fleet):
    base = {"organization": fleet.org, "is_for__device_type": fleet.rpi4}
    assert refused(store, lambda tx: tx.insert("application", dict(base))).body == "Missing application name"
    assert refused(store, lambda tx: tx.insert("application", {**base, "app_name": "bad name"})).status == 400
    error = refused(store, lambda tx: tx.insert("application", {**base, "app_name": "MYFLEET"}))
    assert (error.status, error.body) == (409, '"slug" must be unique.')
    error = refused(store, lambda tx: tx.insert("application", {**base, "app_name": "fine", "organization": 999}))
    assert error.body.startswith("It is necessary that each application has a slug")


def test_slug_follows_renames(store, fleet):
    with store.transaction() as tx:
        tx.update("application", fleet.app, {"app_name": "Renamed"})
        assert tx.get("application", fleet.app)["slug"] == "demo/renamed"
        tx.update("organization", fleet.org, {"handle": "acme"})
        assert tx.get("application", fleet.app)["slug"] == "acme/renamed"


def test_default_device_type_keeps_its_architecture(store, fleet):
    with store.transaction() as tx:
        tx.update("application", fleet.app, {"is_for__device_type": fleet.nuc})
    error = refused(store, lambda tx: tx.update("application", fleet.app, {"is_for__device_type": fleet.rpi3}))
    assert error.body == "The new default device type should be of the same cpu architecture as the previous one."


def test_device_defaults_and_stamps(store, fleet):
    with store.transaction() as tx:
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4,
                                         "device_name": "", "os_version": "balenaOS 2.88.4 (prod)"})
        device = tx.get("device", device_id)
        assert len(device["uuid"]) == 32 and "-" in device["device_name"]
        assert device["os_variant"] == "prod" and device["actor"] is not None
        assert device["last_connectivity_event"] is None
        tx.update("device", device_id, {"is_connected_to_vpn": True})
        device = tx.get("device", device_id)
        assert device["is_online"] is True and device["last_vpn_event"] and device["last_connectivity_event"]
        tx.update("device", device_id, {"update_status": "done", "api_heartbeat_state": "online"})
        device = tx.get("device", device_id)
        assert device["last_update_status_event"] and device["changed_api_heartbeat_state_on__date"]


def test_device_identity_rules(store, fleet):
    base = {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4}
    assert refused(store, lambda tx: tx.insert("device", {**base, "uuid": "abc"})).body == (
        "Device UUID must be a 32 or 62 character long lower case hex string.")
    assert refused(store, lambda tx: tx.insert("device", {**base, "device_name": "a\nb"})).body == (
        "Device name cannot contain any newline characters.")
    error = refused(store, lambda tx: tx.insert("device", {**base, "os_version": "Resin OS 2.3.0"}))
    assert error.status == 403


def test_service_installs_follow_targets_moves_and_pins(store, fleet):
    with store.transaction() as tx:
        first = add_release(tx, fleet.app, COMMIT_A, services=[fleet.service])
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4})
        installs = tx.find("service_install", device=device_id)
        assert [row["installs__service"] for row in installs] == [fleet.service]

        worker = tx.insert("service", {"application": fleet.app, "service_name": "worker"})
        second = add_release(tx, fleet.app, COMMIT_B, start="2024-02-01T00:00:00.000Z", services=[worker])
        assert tx.get("application", fleet.app)["should_be_running__release"] == second
        assert {row["installs__service"] for row in tx.find("service_install", device=device_id)} == {
            fleet.service, worker}

        tx.update("device", device_id, {"is_pinned_on__release": first})
        assert tx.get("device", device_id)["is_pinned_on__release"] == first


def test_pins_must_be_successful_releases_of_the_fleet(store, fleet):
    with store.transaction() as tx:
        other = tx.insert("application", {"app_name": "other", "organization": fleet.org,
                                          "is_for__device_type": fleet.rpi4})
        foreign = add_release(tx, other, COMMIT_A)
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4})
    error = refused(store, lambda tx: tx.update("device", device_id, {"is_pinned_on__release": foreign}))
    assert error.status == 400 and error.body.startswith("It is necessary that each device that is pinned")


def test_moving_a_device(store, fleet):
    with store.transaction() as tx:
        other = tx.insert("application", {"app_name": "other", "organization": fleet.org,
                                          "is_for__device_type": fleet.rpi4})
        release = add_release(tx, fleet.app, COMMIT_A)
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4,
                                         "is_pinned_on__release": release})
    outsider = Caller(kind=USER, user_id=99, app_ids=frozenset({fleet.app}), writable_app_ids=frozenset({fleet.app}))
    error = refused(store, lambda tx: tx.update("device", device_id, {"belongs_to__application": other}, outsider))
    assert (error.status, error.body) == (404, "Application doesn't exist or you have no access to it.")
    error = refused(store, lambda tx: tx.update("device", device_id, {"belongs_to__application": 12345}))
    assert error.status == 404
    with store.transaction() as tx:
        tx.update("device", device_id, {"belongs_to__application": other})
        device = tx.get("device", device_id)
        assert (device["belongs_to__application"], device["is_pinned_on__release"]) == (other, None)


def test_host_os_and_supervisor_releases_are_linked_and_never_downgraded(store, fleet):
    with store.transaction() as tx:
        host = tx.insert("application", {"app_name": "raspberrypi4-64", "organization": fleet.org,
                                         "is_for__device_type": fleet.rpi4, "is_host": True, "is_public": True})
        old_os = add_release(tx, host, "c" * 32, semver="2.80.3", variant="prod")
        new_os = add_release(tx, host, "d" * 32, semver="2.88.4", variant="prod")
        supervisors = tx.insert("application", {"app_name": "aarch64-supervisor", "organization": fleet.org,
                                                "is_for__device_type": fleet.rpi4, "is_public": True})
        tx.execute("UPDATE application SET slug = 'balena_os/aarch64-supervisor' WHERE id = ?", (supervisors,))
        supervisor = add_release(tx, supervisors, "e" * 32, semver="14.0.0")
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4,
                                         "os_version": "balenaOS 2.88.4", "os_variant": "prod",
                                         "supervisor_version": "14.0.0"})
        device = tx.get("device", device_id)
        assert device["should_be_operated_by__release"] == new_os
        assert device["should_be_managed_by__release"] == supervisor
    error = refused(store, lambda tx: tx.update("device", device_id, {"should_be_operated_by__release": old_os}))
    assert error.body == "Attempt to downgrade hostapp, which is not allowed"
    error = refused(store, lambda tx: tx.update("device", device_id, {"should_be_operated_by__release": 9999}))
    assert error.body == "Could not find a hostapp release with this ID 9999"


def test_device_history_opens_and_closes_entries(store, fleet):
    with store.transaction() as tx:
        device_id = tx.insert("device", {"belongs_to__application": fleet.app, "is_of__device_type": fleet.rpi4})
        tx.update("device", device_id, {"os_version": "balenaOS 2.88.4"})
        entries = tx.find("device_history", tracks__device=device_id)
        assert [entry["end_timestamp"] is None for entry in entries] == [False, True]
        assert entries[-1]["os_version"] == "balenaOS 2.88.4"
        uuid_value = tx.get("device", device_id)["uuid"]
        tx.delete("device", device_id)
        kept = tx.find("device_history", uuid=uuid_value)
        assert len(kept) == 2 and all(entry["end_timestamp"] for entry in kept)


def test_variables_and_tags_are_checked_on_writes(store, fleet):
    error = refused(store, lambda tx: tx.insert("application_environment_variable",
                                                {"application": fleet.app, "name": "1BAD-NAME", "value": "v"}))
    assert error.body == "Environment variable names can only contain alphanumeric characters and underscores."
    error = refused(store, lambda tx: tx.insert("application_config_variable",
                                                {"application": fleet.app, "name": "NOT_A_CONFIG_VAR", "value": "1"}))
    assert error.body.startswith("Configuration variables must be part of")
    error = refused(store, lambda tx: tx.insert("application_tag",
                                                {"application": fleet.app, "tag_key": "a b", "value": "1"}))
    assert error.body == "Tag keys cannot contain whitespace."
    with store.transaction() as tx:
        tag = tx.insert("application_tag", {"application": fleet.app, "tag_key": "env", "value": "prod"})
    error = refused(store, lambda tx: tx.update("application_tag", tag, {"tag_key": "io.balena.x"}))
    assert error.body == "Tag keys beginning with io.balena. are reserved."


def test_images_get_a_location_and_need_a_push_time_to_succeed(store, fleet):
    with store.transaction() as tx:
        image = tx.insert("image", {"is_a_build_of__service": fleet.service, "status": "running",
                                    "start_timestamp": "2024-01-01T00:00:00Z"})
        location = tx.get("image", image)["is_stored_at__image_location"]
        assert location.startswith("127.0.0.1:8080/v2/") and len(location.rsplit("/", 1)[1]) == 32
    error = refused(store, lambda tx: tx.update("image", image, {"status": "success"}))
    assert error.body.startswith("It is necessary that each image that has a status")
