# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""models.device: reads, writes on devices the scenario registers, actions, and the sub-models."""

from __future__ import annotations

import datetime

from parity_scenario import Step

FAR_FUTURE_MS = 4102444800000
NEW_UUID = "feed" * 8
SECOND_UUID = "beef" * 8
LONG_UUID = "c0de" * 15 + "ab"
MISSING_UUID = "0" * 32
SINCE = datetime.datetime(2020, 1, 1)
UNTIL = datetime.datetime(2100, 1, 1)


def _dev(sdk):
    return sdk.models.device


def _uuid(w):
    return w.credentials["device"]["uuid"]


def _offline(w):
    return w.credentials["offline_device"]["uuid"]


def _fleet(w):
    return w.credentials["fleet"]


def _named(w, name):
    return next(device for device in w.kept["devices"] if device["device_name"] == name)


def _id(w, name):
    return _named(w, name)["id"]


def _new(w, key="new_device"):
    return w.kept[key]


def _commit(w, version):
    return next(release["commit"] for release in w.kept["fleet_releases"] if release["raw_version"] == version)


def _image(w, service_name):
    return next(image["id"] for image in w.kept["latest_release_images"]["images"]
                if image["service_name"] == service_name)


def _service(w, service_name):
    return next(service["id"] for service in w.kept["fleet_services"] if service["service_name"] == service_name)


def _uuid_shape(uuid):
    return {"length": len(uuid), "hex": all(character in "0123456789abcdef" for character in uuid)}


READS = [
    Step("models.device.get_all", lambda sdk, w: _dev(sdk).get_all(), keep="devices"),
    Step("models.device.get_all", lambda sdk, w: _dev(sdk).get_all(
        {"$select": ["device_name", "uuid"], "$filter": {"is_online": True}}), "online, selected"),
    Step("models.device.get_all_by_application", lambda sdk, w: _dev(sdk).get_all_by_application(_fleet(w))),
    Step("models.device.get_all_by_application", lambda sdk, w: _dev(sdk).get_all_by_application(
        w.kept["fleet"]["id"], {"$select": "device_name", "$top": 2}), "by id, top 2"),
    Step("models.device.get_all_by_application",
         lambda sdk, w: _dev(sdk).get_all_by_application("demo/no-such-fleet"), "missing fleet"),
    Step("models.device.get_all_by_organization",
         lambda sdk, w: _dev(sdk).get_all_by_organization(w.credentials["organization"])),
    Step("models.device.get_all_by_organization", lambda sdk, w: _dev(sdk).get_all_by_organization(
        w.credentials["shared_organization"], {"$select": ["device_name"]}), "shared organization"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(_uuid(w)), "by uuid"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(_id(w, "lobby-screen")), "by id"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(_uuid(w), {
        "$select": ["device_name", "is_online"], "$expand": {"belongs_to__application": {"$select": "slug"}}}),
        "with options"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get("b05e5bb"), "short uuid"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(MISSING_UUID), "missing"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(987654), "missing id"),
    Step("models.device.get_with_service_details", lambda sdk, w: _dev(sdk).get_with_service_details(_uuid(w))),
    Step("models.device.get_by_name", lambda sdk, w: _dev(sdk).get_by_name("lobby-screen")),
    Step("models.device.get_by_name", lambda sdk, w: _dev(sdk).get_by_name("no-such-device"), "missing"),
    Step("models.device.get_name", lambda sdk, w: _dev(sdk).get_name(_uuid(w))),
    Step("models.device.get_application_name", lambda sdk, w: _dev(sdk).get_application_name(_uuid(w))),
    Step("models.device.get_status", lambda sdk, w: _dev(sdk).get_status(_uuid(w))),
    Step("models.device.get_status", lambda sdk, w: _dev(sdk).get_status(_offline(w)), "offline"),
    Step("models.device.is_online", lambda sdk, w: _dev(sdk).is_online(_uuid(w))),
    Step("models.device.is_online", lambda sdk, w: _dev(sdk).is_online(_offline(w)), "offline"),
    Step("models.device.has", lambda sdk, w: _dev(sdk).has(_uuid(w))),
    Step("models.device.has", lambda sdk, w: _dev(sdk).has(MISSING_UUID), "missing"),
    Step("models.device.has", lambda sdk, w: _dev(sdk).has("b05e5bb"), "short uuid"),
    Step("models.device.has_device_url", lambda sdk, w: _dev(sdk).has_device_url(_uuid(w))),
    Step("models.device.get_device_url", lambda sdk, w: _dev(sdk).get_device_url(_uuid(w)), "not accessible"),
    Step("models.device.get_local_ip_address", lambda sdk, w: _dev(sdk).get_local_ip_address(_uuid(w))),
    Step("models.device.get_local_ip_address", lambda sdk, w: _dev(sdk).get_local_ip_address(_offline(w)),
         "offline"),
    Step("models.device.get_mac_address", lambda sdk, w: _dev(sdk).get_mac_address(_uuid(w))),
    Step("models.device.get_metrics", lambda sdk, w: _dev(sdk).get_metrics(_uuid(w))),
    Step("models.device.is_tracking_application_release",
         lambda sdk, w: _dev(sdk).is_tracking_application_release(_uuid(w))),
    Step("models.device.has_lock_override", lambda sdk, w: _dev(sdk).has_lock_override(_uuid(w))),
    Step("models.device.is_in_local_mode", lambda sdk, w: _dev(sdk).is_in_local_mode(_uuid(w))),
    Step("models.device.get_local_mode_support", lambda sdk, w: _dev(sdk).get_local_mode_support(_uuid(w)),
         "production OS"),
    Step("models.device.get_local_mode_support",
         lambda sdk, w: _dev(sdk).get_local_mode_support(_id(w, "roof-sensor")), "development OS"),
    Step("models.device.get_supervisor_target_state", lambda sdk, w: _dev(sdk).get_supervisor_target_state(_uuid(w))),
    Step("models.device.get_supervisor_target_state_for_app",
         lambda sdk, w: _dev(sdk).get_supervisor_target_state_for_app(_fleet(w))),
    Step("models.device.get_supervisor_target_state_for_app", lambda sdk, w: _dev(
        sdk).get_supervisor_target_state_for_app(_fleet(w), w.kept["latest_release"]["commit"]), "for a release"),
    Step("models.device.get_dashboard_url", lambda sdk, w: _dev(sdk).get_dashboard_url(_uuid(w))),
    Step("models.device.generate_uuid", lambda sdk, w: _dev(sdk).generate_uuid(), shape=_uuid_shape),
    Step("models.device.history.get_all_by_device", lambda sdk, w: _dev(sdk).history.get_all_by_device(_uuid(w))),
    Step("models.device.history.get_all_by_device", lambda sdk, w: _dev(sdk).history.get_all_by_device(
        _id(w, "lobby-screen"), SINCE, UNTIL, {"$select": ["os_version"]}), "by id, dates and options"),
    Step("models.device.history.get_all_by_device",
         lambda sdk, w: _dev(sdk).history.get_all_by_device("b05e5bb"), "short uuid"),
    Step("models.device.history.get_all_by_device",
         lambda sdk, w: _dev(sdk).history.get_all_by_device(_uuid(w), "2020-01-01"), "date as text"),
    Step("models.device.history.get_all_by_application",
         lambda sdk, w: _dev(sdk).history.get_all_by_application(_fleet(w))),
    Step("models.device.history.get_all_by_application", lambda sdk, w: _dev(sdk).history.get_all_by_application(
        w.kept["fleet"]["id"], SINCE, UNTIL, {"$select": ["uuid"]}), "by id, dates and options"),
]

WRITES = [
    Step("models.device.register", lambda sdk, w: _dev(sdk).register(_fleet(w), NEW_UUID), keep="new_device"),
    Step("models.device.register", lambda sdk, w: _dev(sdk).register(
        w.credentials["fleets"][1], SECOND_UUID, "raspberrypi3"), "with a device type", keep="second_device"),
    Step("models.device.register", lambda sdk, w: _dev(sdk).register(w.kept["fleet"]["id"], LONG_UUID),
         "62-character uuid", keep="third_device"),
    Step("models.device.rename", lambda sdk, w: _dev(sdk).rename(SECOND_UUID, "parity-second"), "with a device type"),
    Step("models.device.rename", lambda sdk, w: _dev(sdk).rename(_new(w, "third_device")["id"], "parity-third"),
         "62-character uuid, by id"),
    Step("models.device.register", lambda sdk, w: _dev(sdk).register(_fleet(w), NEW_UUID), "same uuid again"),
    Step("models.device.register", lambda sdk, w: _dev(sdk).register(_fleet(w), "a1" * 16, "raspberrypi3"),
         "incompatible device type"),
    Step("models.device.generate_device_key", lambda sdk, w: _dev(sdk).generate_device_key(
        NEW_UUID, "parity device key", "made by the parity scenario", "2099-12-31T00:00:00.000Z")),
    Step("models.device.generate_device_key", lambda sdk, w: _dev(sdk).generate_device_key(_new(w)["id"]), "by id"),
    Step("models.device.rename", lambda sdk, w: _dev(sdk).rename(NEW_UUID, "parity-device")),
    Step("models.device.get_name", lambda sdk, w: _dev(sdk).get_name(_new(w)["id"]), "after rename"),
    Step("models.device.rename", lambda sdk, w: _dev(sdk).rename(MISSING_UUID, "nobody"), "missing"),
    Step("models.device.set_note", lambda sdk, w: _dev(sdk).set_note(NEW_UUID, "parity note")),
    Step("models.device.set_note", lambda sdk, w: _dev(sdk).set_note(
        [_new(w)["id"], _new(w, "second_device")["id"]], "bulk note"), "a list of ids"),
    Step("models.device.set_note", lambda sdk, w: _dev(sdk).set_note([NEW_UUID, SECOND_UUID], "by uuids"),
         "a list of uuids"),
    Step("models.device.set_note", lambda sdk, w: _dev(sdk).set_note([_new(w)["id"], 987654], "x"),
         "a list with a missing id"),
    Step("models.device.get_all", lambda sdk, w: _dev(sdk).get_all(
        {"$select": ["device_name", "note"], "$filter": {"uuid": {"$in": [NEW_UUID, SECOND_UUID]}}}), "after set_note"),
    Step("models.device.set_custom_location",
         lambda sdk, w: _dev(sdk).set_custom_location(NEW_UUID, {"latitude": 51.5, "longitude": -0.12})),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(NEW_UUID, {"$select": ["custom_latitude",
         "custom_longitude"]}), "custom location"),
    Step("models.device.unset_custom_location", lambda sdk, w: _dev(sdk).unset_custom_location([_new(w)["id"]])),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(NEW_UUID, {"$select": ["custom_latitude",
         "custom_longitude"]}), "custom location removed"),
    Step("models.device.enable_device_url", lambda sdk, w: _dev(sdk).enable_device_url(NEW_UUID)),
    Step("models.device.has_device_url", lambda sdk, w: _dev(sdk).has_device_url(NEW_UUID), "enabled"),
    Step("models.device.get_device_url", lambda sdk, w: _dev(sdk).get_device_url(NEW_UUID)),
    Step("models.device.disable_device_url", lambda sdk, w: _dev(sdk).disable_device_url([_new(w)["id"]])),
    Step("models.device.has_device_url", lambda sdk, w: _dev(sdk).has_device_url(NEW_UUID), "disabled"),
    Step("models.device.enable_lock_override", lambda sdk, w: _dev(sdk).enable_lock_override(NEW_UUID)),
    Step("models.device.has_lock_override", lambda sdk, w: _dev(sdk).has_lock_override(NEW_UUID), "enabled"),
    Step("models.device.disable_lock_override", lambda sdk, w: _dev(sdk).disable_lock_override(_new(w)["id"])),
    Step("models.device.has_lock_override", lambda sdk, w: _dev(sdk).has_lock_override(NEW_UUID), "disabled"),
    Step("models.device.enable_local_mode", lambda sdk, w: _dev(sdk).enable_local_mode(_id(w, "roof-sensor"))),
    Step("models.device.is_in_local_mode", lambda sdk, w: _dev(sdk).is_in_local_mode(_id(w, "roof-sensor")),
         "enabled"),
    Step("models.device.disable_local_mode", lambda sdk, w: _dev(sdk).disable_local_mode(_id(w, "roof-sensor"))),
    Step("models.device.is_in_local_mode", lambda sdk, w: _dev(sdk).is_in_local_mode(_id(w, "roof-sensor")),
         "disabled"),
    Step("models.device.enable_local_mode", lambda sdk, w: _dev(sdk).enable_local_mode(_uuid(w)), "production OS"),
    Step("models.device.grant_support_access",
         lambda sdk, w: _dev(sdk).grant_support_access(NEW_UUID, FAR_FUTURE_MS)),
    Step("models.device.grant_support_access",
         lambda sdk, w: _dev(sdk).grant_support_access(NEW_UUID, 1000), "in the past"),
    Step("models.device.revoke_support_access", lambda sdk, w: _dev(sdk).revoke_support_access([_new(w)["id"]])),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(NEW_UUID, {"$select": [
        "is_accessible_by_support_until__date"]}), "support access revoked"),
    Step("models.device.pin_to_release", lambda sdk, w: _dev(sdk).pin_to_release(_uuid(w), _commit(w, "1.1.0"))),
    Step("models.device.is_tracking_application_release",
         lambda sdk, w: _dev(sdk).is_tracking_application_release(_uuid(w)), "pinned"),
    Step("models.device.pin_to_release", lambda sdk, w: _dev(sdk).pin_to_release(
        [_id(w, "lobby-screen"), _id(w, "cafe-screen")], w.kept["fleet_releases"][-1]["id"]), "a list, by release id"),
    Step("models.device.get_all_by_application", lambda sdk, w: _dev(sdk).get_all_by_application(
        _fleet(w), {"$select": ["device_name", "is_pinned_on__release"]}), "after pin_to_release"),
    Step("models.device.pin_to_release", lambda sdk, w: _dev(sdk).pin_to_release(_uuid(w), MISSING_UUID),
         "missing release"),
    Step("models.device.track_application_release", lambda sdk, w: _dev(sdk).track_application_release(_uuid(w))),
    Step("models.device.track_application_release",
         lambda sdk, w: _dev(sdk).track_application_release([_id(w, "cafe-screen")]), "a list"),
    Step("models.device.is_tracking_application_release",
         lambda sdk, w: _dev(sdk).is_tracking_application_release(_id(w, "cafe-screen")), "tracking again"),
    Step("models.device.pin_to_supervisor_release",
         lambda sdk, w: _dev(sdk).pin_to_supervisor_release(_uuid(w), "17.0.3")),
    Step("models.device.pin_to_supervisor_release", lambda sdk, w: _dev(sdk).pin_to_supervisor_release(
        [_id(w, "lobby-screen")], w.kept["supervisor_releases"][0]["id"]), "a list, by release id"),
    Step("models.device.pin_to_supervisor_release", lambda sdk, w: _dev(sdk).pin_to_supervisor_release(
        _uuid(w), w.kept["supervisor_releases"][1]["raw_version"]), "a downgrade"),
    Step("models.device.pin_to_supervisor_release",
         lambda sdk, w: _dev(sdk).pin_to_supervisor_release(_uuid(w), "1.0.0"), "unknown version"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(_uuid(w), {"$select": ["should_be_managed_by__release"]}),
         "after pin_to_supervisor_release"),
    Step("models.device.pin_to_os_release", lambda sdk, w: _dev(sdk).pin_to_os_release(_uuid(w), "6.0.13+prod")),
    Step("models.device.pin_to_os_release",
         lambda sdk, w: _dev(sdk).pin_to_os_release(_uuid(w), "6.0.13+dev"), "another variant"),
    Step("models.device.pin_to_os_release",
         lambda sdk, w: _dev(sdk).pin_to_os_release(_uuid(w), "9.9.9+prod"), "unknown version"),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(_uuid(w), {"$select": ["should_be_operated_by__release"]}),
         "after pin_to_os_release"),
    # Both refuse before any request to the actions host, which no setting can point at the emulator.
    Step("models.device.start_os_update",
         lambda sdk, w: _dev(sdk).start_os_update(_offline(w), "6.0.13+prod"), "offline device"),
    Step("models.device.get_os_update_status",
         lambda sdk, w: _dev(sdk).get_os_update_status(MISSING_UUID), "missing device"),
    Step("models.device.move", lambda sdk, w: _dev(sdk).move(SECOND_UUID, _fleet(w))),
    Step("models.device.get_application_name", lambda sdk, w: _dev(sdk).get_application_name(SECOND_UUID),
         "after move"),
    Step("models.device.move", lambda sdk, w: _dev(sdk).move(
        [_new(w, "second_device")["id"]], w.credentials["fleets"][1]), "a list, back"),
    Step("models.device.move", lambda sdk, w: _dev(sdk).move([SECOND_UUID, NEW_UUID], _fleet(w)),
         "a list of uuids from two fleets"),
    Step("models.device.move", lambda sdk, w: _dev(sdk).move(NEW_UUID, w.credentials["fleets"][1]),
         "incompatible fleet"),
    Step("models.device.deactivate", lambda sdk, w: _dev(sdk).deactivate(LONG_UUID)),
    Step("models.device.get", lambda sdk, w: _dev(sdk).get(LONG_UUID, {"$select": ["is_active"]}),
         "after deactivate"),
]

ACTIONS = [
    Step("models.device.ping", lambda sdk, w: _dev(sdk).ping(_uuid(w))),
    Step("models.device.identify", lambda sdk, w: _dev(sdk).identify(_uuid(w))),
    Step("models.device.identify", lambda sdk, w: _dev(sdk).identify(_offline(w)), "offline"),
    Step("models.device.restart_application", lambda sdk, w: _dev(sdk).restart_application(_uuid(w))),
    Step("models.device.reboot", lambda sdk, w: _dev(sdk).reboot(_uuid(w))),
    Step("models.device.reboot", lambda sdk, w: _dev(sdk).reboot(_id(w, "lobby-screen"), force=True), "forced"),
    Step("models.device.reboot", lambda sdk, w: _dev(sdk).reboot(_uuid(w), force="yes"), "force not a bool"),
    Step("models.device.update", lambda sdk, w: _dev(sdk).update(_uuid(w))),
    Step("models.device.update", lambda sdk, w: _dev(sdk).update(_uuid(w), force=True), "forced"),
    Step("models.device.purge", lambda sdk, w: _dev(sdk).purge(_uuid(w))),
    Step("models.device.get_supervisor_state", lambda sdk, w: _dev(sdk).get_supervisor_state(_uuid(w))),
    Step("models.device.get_supervisor_state", lambda sdk, w: _dev(sdk).get_supervisor_state(_offline(w)),
         "offline"),
    Step("models.device.start_service", lambda sdk, w: _dev(sdk).start_service(_uuid(w), _image(w, "player"))),
    Step("models.device.stop_service", lambda sdk, w: _dev(sdk).stop_service(_uuid(w), _image(w, "player"))),
    Step("models.device.restart_service", lambda sdk, w: _dev(sdk).restart_service(_uuid(w), _image(w, "updater"))),
    Step("models.device.get_application_info", lambda sdk, w: _dev(sdk).get_application_info(_uuid(w))),
    Step("models.device.stop_application", lambda sdk, w: _dev(sdk).stop_application(_uuid(w))),
    Step("models.device.start_application", lambda sdk, w: _dev(sdk).start_application(_uuid(w))),
    Step("models.device.ping", lambda sdk, w: _dev(sdk).ping(), "no device and no local supervisor"),
]

TAGS = [
    Step("models.device.tags.get_all", lambda sdk, w: _dev(sdk).tags.get_all()),
    Step("models.device.tags.get_all_by_application", lambda sdk, w: _dev(sdk).tags.get_all_by_application(_fleet(w))),
    Step("models.device.tags.get_all_by_device", lambda sdk, w: _dev(sdk).tags.get_all_by_device(_uuid(w))),
    Step("models.device.tags.get", lambda sdk, w: _dev(sdk).tags.get(_uuid(w), "location")),
    Step("models.device.tags.get", lambda sdk, w: _dev(sdk).tags.get(_uuid(w), "never-set"), "missing"),
    Step("models.device.tags.set", lambda sdk, w: _dev(sdk).tags.set(_uuid(w), "parity", "one")),
    Step("models.device.tags.set", lambda sdk, w: _dev(sdk).tags.set(_id(w, "lobby-screen"), "parity", "two"),
         "update, by id"),
    Step("models.device.tags.get", lambda sdk, w: _dev(sdk).tags.get(_uuid(w), "parity"), "after set"),
    Step("models.device.tags.get_all_by_device", lambda sdk, w: _dev(sdk).tags.get_all_by_device(
        _id(w, "lobby-screen"), {"$select": ["tag_key", "value"]}), "after set, with options"),
    Step("models.device.tags.remove", lambda sdk, w: _dev(sdk).tags.remove(_uuid(w), "parity")),
    Step("models.device.tags.get", lambda sdk, w: _dev(sdk).tags.get(_uuid(w), "parity"), "after remove"),
    Step("models.device.tags.set", lambda sdk, w: _dev(sdk).tags.set(MISSING_UUID, "parity", "x"), "missing device"),
]

for _kind, _name in (("config_var", "BALENA_HOST_CONFIG_gpu_mem"), ("env_var", "SCREEN_ROTATION")):
    TAGS += [
        Step("models.device.%s.get_all_by_application" % _kind,
             lambda sdk, w, k=_kind: getattr(_dev(sdk), k).get_all_by_application(_fleet(w))),
        Step("models.device.%s.get_all_by_device" % _kind,
             lambda sdk, w, k=_kind: getattr(_dev(sdk), k).get_all_by_device(_uuid(w))),
        Step("models.device.%s.get" % _kind, lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).get(_uuid(w), n)),
        Step("models.device.%s.set" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).set(_uuid(w), n, "parity-1")),
        Step("models.device.%s.set" % _kind, lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).set(
            _id(w, "lobby-screen"), n, "parity-2"), "update, by id"),
        Step("models.device.%s.get" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).get(_uuid(w), n), "after set"),
        Step("models.device.%s.get_all_by_device" % _kind, lambda sdk, w, k=_kind: getattr(_dev(
            sdk), k).get_all_by_device(_id(w, "lobby-screen"), {"$select": ["name", "value"]}), "with options"),
        Step("models.device.%s.remove" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).remove(_uuid(w), n)),
        Step("models.device.%s.get" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_dev(sdk), k).get(_uuid(w), n), "after remove"),
    ]

SERVICE_VARS = [
    Step("models.device.service_var.get_all_by_application",
         lambda sdk, w: _dev(sdk).service_var.get_all_by_application(_fleet(w))),
    Step("models.device.service_var.get_all_by_device", lambda sdk, w: _dev(sdk).service_var.get_all_by_device(
        _uuid(w))),
    Step("models.device.service_var.get", lambda sdk, w: _dev(sdk).service_var.get(_uuid(w), "player", "VOLUME")),
    Step("models.device.service_var.get", lambda sdk, w: _dev(sdk).service_var.get(
        _id(w, "lobby-screen"), _service(w, "player"), "VOLUME"), "by ids"),
    Step("models.device.service_var.set",
         lambda sdk, w: _dev(sdk).service_var.set(_uuid(w), "player", "VOLUME", "55")),
    Step("models.device.service_var.set", lambda sdk, w: _dev(sdk).service_var.set(
        _id(w, "lobby-screen"), _service(w, "updater"), "PARITY", "yes"), "new, by ids"),
    Step("models.device.service_var.set", lambda sdk, w: _dev(sdk).service_var.set(
        _uuid(w), "no-such-service", "PARITY", "no"), "missing service"),
    Step("models.device.service_var.get_all_by_device", lambda sdk, w: _dev(sdk).service_var.get_all_by_device(
        _id(w, "lobby-screen"), {"$select": ["name", "value"]}), "after set", unordered=True),
    Step("models.device.service_var.remove",
         lambda sdk, w: _dev(sdk).service_var.remove(_uuid(w), "player", "VOLUME")),
    Step("models.device.service_var.remove", lambda sdk, w: _dev(sdk).service_var.remove(
        _id(w, "lobby-screen"), _service(w, "updater"), "PARITY"), "by ids"),
    Step("models.device.service_var.get", lambda sdk, w: _dev(sdk).service_var.get(_uuid(w), "player", "VOLUME"),
         "after remove"),
]

CLEANUP = [
    Step("models.device.remove", lambda sdk, w: _dev(sdk).remove(NEW_UUID)),
    Step("models.device.remove", lambda sdk, w: _dev(sdk).remove(
        [_new(w, "second_device")["id"], _new(w, "third_device")["id"]]), "a list"),
    Step("models.device.remove", lambda sdk, w: _dev(sdk).remove(MISSING_UUID), "missing"),
    Step("models.device.has", lambda sdk, w: _dev(sdk).has(NEW_UUID), "after remove"),
    Step("models.device.shutdown", lambda sdk, w: _dev(sdk).shutdown(_uuid(w))),
    Step("models.device.shutdown", lambda sdk, w: _dev(sdk).shutdown(_id(w, "cafe-screen"), force=True), "forced"),
    Step("models.device.is_online", lambda sdk, w: _dev(sdk).is_online(_uuid(w)), "after shutdown"),
]
