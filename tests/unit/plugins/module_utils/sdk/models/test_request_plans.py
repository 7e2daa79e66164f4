# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The requests behind model methods where this SDK needs fewer round trips than the official one,
and the NotFound errors that must survive the shortcut."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    AmbiguousApplication,
    ApplicationNotFound,
    DeviceNotFound,
    IncompatibleApplication,
    InvalidParameter,
    LocalSupervisorNotFound,
    OrganizationNotFound,
    ReleaseNotFound,
    RequestError,
    SupervisorLocked,
)

UUID = "e" * 32


def test_devices_of_a_fleet_by_slug_is_one_request(models, api):
    api.on("GET", r"^/v7/device\?", {"d": [{"id": 1}]})
    assert models.device.get_all_by_application("Org/App") == [{"id": 1}]
    assert api.paths() == [
        "GET /v7/device?$orderby=device_name asc&$filter=belongs_to__application/any(a:(a/slug eq 'org/app') or (a/uuid eq 'org/app'))"
    ]


def test_devices_of_a_missing_fleet_still_raise_application_not_found(models, api):
    with pytest.raises(ApplicationNotFound):
        models.device.get_all_by_application("org/missing")
    assert len(api.calls) == 2


def test_devices_of_an_empty_fleet_are_an_empty_list(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 3}]})
    assert models.device.get_all_by_application("org/empty") == []


def test_devices_of_an_organization_by_handle(models, api):
    api.on("GET", r"^/v7/device\?", {"d": [{"id": 1}]})
    models.device.get_all_by_organization("acme")
    assert api.paths() == [
        "GET /v7/device?$orderby=device_name asc&$filter=belongs_to__application/any(bta:bta/organization/any(o:o/handle eq 'acme'))"
    ]
    api.calls[:] = []
    api.on("GET", r"^/v7/device\?", {"d": []})
    with pytest.raises(OrganizationNotFound):
        models.device.get_all_by_organization(44)
    assert api.paths()[1] == "GET /v7/organization(44)?$select=id"


def test_fleet_lookup_by_slug_is_case_insensitive_and_ambiguity_is_reported(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 1}, {"id": 2}]})
    with pytest.raises(AmbiguousApplication):
        models.application.get("ORG/App")
    assert "slug eq 'org/app'" in api.calls[0].path


def test_directly_accessible_context_adds_the_access_filter(models, api):
    api.on("GET", r"^/v7/application\(5\)", {"d": [{"id": 5}]})
    models.application.get(5, {}, "directly_accessible")
    assert api.paths() == ["GET /v7/application(5)?$filter=is_directly_accessible_by__user/any(dau:1 eq 1)"]


def test_pin_fleet_to_release_needs_no_separate_fleet_lookup(models, api):
    api.on("GET", r"^/v7/release\?", {"d": [{"id": 8, "belongs_to__application": {"__id": 5}}]})
    models.application.pin_to_release("org/app", "c" * 32)
    assert [call.method for call in api.calls] == ["GET", "PATCH"]
    assert api.calls[1].path == "/v7/application(5)"
    assert api.calls[1].body == {"should_be_running__release": 8, "should_track_latest_release": False}


def test_pin_fleet_to_unknown_release(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5}]})
    with pytest.raises(ReleaseNotFound):
        models.application.pin_to_release("org/app", "c" * 32)


def test_fleet_restart_uses_the_correct_path_and_maps_404(models, api):
    models.application.restart(5)
    assert api.paths() == ["POST /application/5/restart"]
    api.on("POST", r"^/application/6/restart", RequestError("Not Found", status_code=404))
    with pytest.raises(ApplicationNotFound):
        models.application.restart(6)


def test_tracking_latest_without_a_target_release_does_not_crash(models, api):
    api.on("GET", r"^/v7/application\(5\)", {"d": [{"id": 5, "should_track_latest_release": True,
                                                    "should_be_running__release": [], "owns__release": [{"id": 3}]}]})
    assert models.application.is_tracking_latest_release(5) is False


def test_remove_many_fleets_checks_each_then_deletes_in_one_request(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 1}, {"id": 2}]})
    models.application.remove([1, 2])
    assert api.paths()[-1] == "DELETE /v7/application?$filter=id in (1, 2)"
    with pytest.raises(ApplicationNotFound) as raised:
        models.application.remove([1, 2, 3])
    assert raised.value.message == "Application not found: 3"


def test_device_setter_by_uuid_looks_up_then_patches_by_id(models, api):
    api.on("GET", r"^/v7/device\?", {"d": [{"id": 9, "uuid": UUID}]})
    models.device.set_note(UUID, "hello")
    assert api.paths() == [
        "GET /v7/device?$orderby=device_name asc&$select=id,uuid&$filter=uuid eq '%s'" % UUID,
        "PATCH /v7/device(9)",
    ]
    assert api.calls[1].body == {"note": "hello"}


def test_device_setter_for_missing_device(models, api):
    with pytest.raises(DeviceNotFound):
        models.device.rename(77, "x")
    assert len(api.calls) == 1
    with pytest.raises(InvalidParameter):
        models.device.rename("", "x")


def test_device_setter_on_450_ids_sends_three_lookups_and_three_patches(models, api):
    ids = list(range(1, 451))

    def found(call):
        inside = call.path.split("id in (")[1].split(")")[0]
        return {"d": [{"id": int(value)} for value in inside.split(", ")]}
    api.on("GET", r"^/v7/device\?", found)
    models.device.deactivate(ids)
    methods = [call.method for call in api.calls]
    assert methods == ["GET"] * 3 + ["PATCH"] * 3
    assert all(call.body == {"is_active": False} for call in api.calls[3:])


def test_move_checks_architecture_and_patches_all_devices_at_once(models, api):
    def arch(slug):
        return [{"is_of__cpu_architecture": [{"slug": slug}]}]
    api.on("GET", r"^/v7/application\(", {"d": [{"id": 5, "is_for__device_type": arch("aarch64")}]})
    api.on("GET", r"^/v7/device\?", {"d": [
        {"id": 1, "belongs_to__application": {"__id": 2}, "is_of__device_type": arch("armv7hf")},
        {"id": 2, "belongs_to__application": {"__id": 3}, "is_of__device_type": arch("aarch64")},
    ]})
    models.device.move([1, 2], 5)
    assert api.paths()[-1] == "PATCH /v7/device?$filter=id in (1, 2)"
    assert api.calls[-1].body == {"belongs_to__application": 5}
    api.on("GET", r"^/v7/application\(", {"d": [{"id": 5, "is_for__device_type": arch("rpi")}]})
    with pytest.raises(IncompatibleApplication):
        models.device.move([1, 2], 5)


def test_device_pin_to_release_finds_releases_inside_the_device_lookup(models, api):
    def fleet(app_id, release_id):
        return [{"id": app_id, "owns__release": [{"id": release_id}] if release_id else []}]
    api.on("GET", r"^/v7/device\?", {"d": [
        {"id": 1, "belongs_to__application": fleet(5, 40)}, {"id": 2, "belongs_to__application": fleet(5, 40)},
        {"id": 3, "belongs_to__application": fleet(6, 41)},
    ]})
    models.device.pin_to_release([1, 2, 3], "c" * 32)
    assert api.paths() == [
        "GET /v7/device?$orderby=device_name asc&$select=id,belongs_to__application&$filter=id in (1, 2, 3)"
        "&$expand=belongs_to__application($select=id;$expand=owns__release($top=1;$select=id;"
        "$filter=(commit eq '%s') and (status eq 'success');$orderby=created_at desc))" % ("c" * 32),
        "PATCH /v7/device?$filter=id in (1, 2)",
        "PATCH /v7/device?$filter=id eq 3",
    ]
    assert [call.body for call in api.calls[1:]] == [{"is_pinned_on__release": 40}, {"is_pinned_on__release": 41}]
    api.on("GET", r"^/v7/device\?", {"d": [{"id": 1, "belongs_to__application": fleet(5, None)}]})
    with pytest.raises(ReleaseNotFound):
        models.device.pin_to_release(1, 99)


def test_ping_uses_a_single_slash(models, api):
    api.on("GET", r"^/v7/device\(5\)", {"d": [{"id": 5, "belongs_to__application": [{"id": 3}]}]})
    models.device.ping(5)
    assert api.paths()[-1] == "POST /supervisor/ping"
    assert api.calls[-1].body == {"method": "GET", "deviceId": 5, "appId": 3}


def test_supervisor_lock_is_reported(models, api):
    api.on("POST", r"^/supervisor/v1/reboot", RequestError("locked", status_code=423))
    with pytest.raises(SupervisorLocked):
        models.device.reboot(5)
    assert api.paths() == ["POST /supervisor/v1/reboot"]


def test_actions_without_a_device_need_the_local_supervisor(models):
    with pytest.raises(LocalSupervisorNotFound):
        models.device.identify()


def test_reboot_force_must_be_a_bool(models):
    with pytest.raises(ValueError):
        models.device.reboot(5, force="yes")


def test_is_in_local_mode_is_one_request(models, api):
    api.on("GET", r"^/v7/device\(uuid=", {"d": [{"id": 5, "device_config_variable": [{"value": "1"}]}]})
    assert models.device.is_in_local_mode(UUID) is True
    assert len(api.calls) == 1


def test_enable_local_mode_writes_by_device_id(models, api):
    device = {"id": 5, "os_version": "balenaOS 2.88.4", "os_variant": "dev", "supervisor_version": "14.0.0", "last_connectivity_event": "2026-01-01",
              "device_config_variable": []}
    api.on("GET", r"^/v7/device\(uuid=", {"d": [device]})
    models.device.enable_local_mode(UUID)
    assert api.paths()[1:] == ["POST /v7/device_config_variable"]
    assert api.calls[1].body == {"device": 5, "name": "RESIN_SUPERVISOR_LOCAL_MODE", "value": "1"}
    device["device_config_variable"] = [{"id": 31}]
    api.calls[:] = []
    models.device.enable_local_mode(UUID)
    assert api.paths()[1:] == ["PATCH /v7/device_config_variable(31)"]


def test_service_variable_write_is_one_lookup_and_one_write(models, api):
    api.on("GET", r"^/v7/service_install\?", {"d": [{"id": 12, "device_service_environment_variable": [{"id": 77, "value": "2"}]}]})
    models.device.service_var.set(UUID, "main", "VOLUME", "3")
    assert api.paths() == [
        "GET /v7/service_install?$expand=device_service_environment_variable($select=id,value;$filter=name eq 'VOLUME')"
        "&$filter=(device/any(d:d/uuid eq '%s')) and (installs__service/any(s:s/service_name eq 'main'))&$select=id" % UUID,
        "PATCH /v7/device_service_environment_variable(77)",
    ]


def test_local_mode_support_message(models, api):
    device = {"id": 5, "os_version": "balenaOS 2.88.4", "os_variant": "prod", "supervisor_version": "14.0.0", "last_connectivity_event": "2026-01-01"}
    api.on("GET", r"^/v7/device\(5\)", {"d": [device]})
    assert models.device.get_local_mode_support(5) == {
        "supported": False, "message": "Local mode is only supported on development OS versions"}


def test_register_looks_the_fleet_up_once(models, api):
    api.on("GET", r"^/v7/application\?", {"d": [{"id": 5, "is_for__device_type": [
        {"slug": "raspberrypi3", "is_of__cpu_architecture": [{"slug": "armv7hf"}]}]}]})
    api.on("POST", r"^/api-key/v1/", '"prov-key"')
    api.on("POST", r"^/device/register", {"id": 1, "uuid": UUID, "api_key": "dk"})
    assert models.device.register("org/app", UUID) == {"id": 1, "uuid": UUID, "api_key": "dk"}
    assert api.paths() == ["GET /v7/application?$select=id&$expand=is_for__device_type($select=slug;$expand=is_of__cpu_architecture($select=slug))"
                           "&$filter=(slug eq 'org/app') or (uuid eq 'org/app')",
                           "POST /api-key/v1/", "POST /device/register"]
    assert api.calls[2].token == "prov-key"
    assert api.calls[2].body == {"user": 7, "application": 5, "uuid": UUID, "device_type": "raspberrypi3"}


def test_os_update_goes_to_the_announced_actions_host(models, api):
    device = {"id": 5, "uuid": UUID, "is_online": True, "os_version": "balenaOS 2.88.4+rev1", "os_variant": "prod",
              "is_of__device_type": [{"slug": "raspberrypi3"}]}
    os_release = {"id": 11, "raw_version": "2.108.0+rev1", "variant": "prod", "phase": None, "known_issue_list": None, "release_tag": []}
    api.on("GET", r"^/v7/device\(5\)", {"d": [device]})
    api.on("GET", r"^/v7/application\?", {"d": [{"is_for__device_type": [{"slug": "raspberrypi3"}], "application_tag": [], "owns__release": [os_release]}]})
    api.on("GET", r"^/config$", {"deviceUrlsBase": "devices.example"})
    models.device.start_os_update(5, "2.108.0+rev1")
    last = api.calls[-1]
    assert (last.method, last.path, last.endpoint) == ("POST", "%s/resinhup" % UUID, "https://actions.devices.example/v2/")
    assert last.body == {"parameters": {"target_version": "2.108.0+rev1"}}
    assert api.trusted == ["https://actions.devices.example/v2/"]
    with pytest.raises(InvalidParameter):
        models.device.start_os_update(5, "2.109.0+rev1")


def test_os_update_goes_to_the_configured_actions_service(models, api, ctx):
    device = {"id": 5, "uuid": UUID, "is_online": True, "os_version": "balenaOS 2.88.4+rev1", "os_variant": "prod",
              "is_of__device_type": [{"slug": "raspberrypi3"}]}
    os_release = {"id": 11, "raw_version": "2.108.0+rev1", "variant": "prod", "phase": None, "known_issue_list": None, "release_tag": []}
    api.on("GET", r"^/v7/device\(5\)", {"d": [device]})
    api.on("GET", r"^/v7/application\?", {"d": [{"is_for__device_type": [{"slug": "raspberrypi3"}], "application_tag": [], "owns__release": [os_release]}]})
    ctx.settings.set("actions_endpoint", "http://127.0.0.1:8000/actions")
    models.device.start_os_update(5, "2.108.0+rev1")
    assert not [call for call in api.calls if call.path.startswith("/config")]
    last = api.calls[-1]
    assert (last.method, last.path, last.endpoint) == ("POST", "%s/resinhup" % UUID, "http://127.0.0.1:8000/actions/v2/")
    assert api.trusted == ["http://127.0.0.1:8000/actions/v2/"]


def test_team_access_by_team_is_one_request_unless_empty(models, api):
    api.on("GET", r"^/v7/team_application_access\?", {"d": [{"id": 1}]})
    assert models.team.application_access.get_all_by_team(5) == [{"id": 1}]
    assert len(api.calls) == 1


def test_release_by_raw_version_of_missing_fleet(models, api):
    with pytest.raises(ApplicationNotFound):
        models.release.get({"application": "org/none", "raw_version": "1.0.0"})
    with pytest.raises(InvalidParameter):
        models.release.get("")


def test_create_from_url_reports_builder_errors(models, api):
    from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import BuilderRequestError
    api.on("GET", r"^/v7/application\(5\)", {"d": [{"app_name": "app", "organization": [{"handle": "org"}]}]})
    api.on("POST", r"buildFromUrl", {"started": False, "message": "bad tarball"})
    with pytest.raises(BuilderRequestError) as raised:
        models.release.create_from_url(5, "https://example.com/x.tgz")
    assert raised.value.message == "bad tarball"
    assert api.calls[-1].qs == {"headless": "true", "owner": "org", "app": "app"}
    assert api.calls[-1].endpoint == "http://builder.test/"


def test_team_membership_remove_many(models, api):
    models.team.membership.remove([1, 2])
    assert api.paths() == ["DELETE /v7/team_membership?$filter=id in (1, 2)"]


def test_os_version_questions_resolve_the_device_type_alias_inside_the_host_fleet_query(models, api):
    os_release = {"id": 11, "raw_version": "2.108.0+rev1", "variant": "prod", "phase": None, "known_issue_list": None, "release_tag": []}
    host_fleet = {"is_for__device_type": [{"slug": "raspberry-pi2"}], "application_tag": [], "owns__release": [os_release]}
    api.on("GET", r"^/v7/application\?", {"d": [host_fleet]})
    assert models.os.get_max_satisfying_version("raspberrypi2") == "2.108.0+rev1"
    assert len(api.calls) == 1
    assert "is_for__device_type/any(dt:dt/device_type_alias/any(dta:dta/is_referenced_by__alias eq 'raspberrypi2'))" in api.calls[0].path


def test_os_versions_of_an_unknown_device_type_raise(models, api):
    from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import InvalidDeviceType
    with pytest.raises(InvalidDeviceType):
        models.os.get_max_satisfying_version("no-such-type")
    assert len(api.calls) == 2
