# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Every public model method runs against a scripted API that answers every read with one rich row.

These tests catch wiring mistakes (names, arguments, result handling) without a server; the
live tests under tests/sdk/models check behaviour against the emulator.
"""

from __future__ import annotations

import datetime
import inspect
import os

import pytest

UUID = "d" * 32
FAR_FUTURE_MS = 4102444800000
ARCH = [{"id": 3, "slug": "aarch64"}]
DEVICE_TYPE = [{"id": 2, "slug": "raspberrypi4-64", "name": "Raspberry Pi 4", "is_of__cpu_architecture": ARCH}]


def rich_row(call):
    row = {
        "id": 5, "uuid": UUID, "app_name": "app", "slug": "org/app", "device_name": "dev", "name": "n", "value": "1",
        "commit": "c" * 32, "raw_version": "2.108.0+rev1", "is_online": True, "overall_status": "idle",
        "is_web_accessible": True, "is_pinned_on__release": None, "ip_address": "10.0.0.2 10.0.0.3",
        "mac_address": "aa bb", "os_version": "balenaOS 2.88.4+rev1", "os_variant": "dev", "supervisor_version": "14.0.0",
        "last_connectivity_event": "2026-01-01T00:00:00.000Z", "should_track_latest_release": True,
        "actor": {"__id": 70}, "build_log": "log", "handle": "org", "known_issue_list": None, "variant": "prod", "phase": None,
        "belongs_to__application": [{"id": 5, "app_name": "app", "application_config_variable": [{"value": "0"}], "owns__release": [{"id": 8}]}],
        "is_for__device_type": DEVICE_TYPE, "is_of__device_type": DEVICE_TYPE,
        "organization": [{"id": 1, "handle": "org"}],
        "owns__release": [{"id": 8}], "should_be_running__release": [{"id": 8, "commit": "c" * 32}],
        "is_created_by__user": [{"id": 7, "username": "alice"}],
        "release_image": [{"image": [{"id": 4, "is_a_build_of__service": [{"service_name": "main"}]}]}],
        "image_install": [{"id": 1, "status": "Running", "image": [{"id": 4, "is_a_build_of__service": [{"id": 6, "service_name": "main"}]}],
                           "is_provided_by__release": [{"id": 8, "commit": "c" * 32}]}],
        "device_config_variable": [{"id": 3, "value": "1"}], "device_tag": [], "service": [{"id": 6}],
        "is_default_for__application": [{"is_archived": False}],
        "owns__team": [],
    }
    for navigation in ("application_tag", "application_config_variable", "application_environment_variable",
                       "build_environment_variable", "device_environment_variable", "release_tag",
                       "service_environment_variable", "organization_membership_tag", "device_service_environment_variable"):
        row[navigation] = []
    if "belongs_to__application(" not in call.path and "$expand=belongs_to__application" not in call.path:
        row["belongs_to__application"] = {"__id": 5}
    if "$expand=is_of__device_type($select=is_of__cpu_architecture)" in call.path:
        row["is_of__device_type"] = [{"is_of__cpu_architecture": {"__id": 3}}]
    if call.path.startswith("/v7/team"):
        row["belongs_to__organization"] = [{"id": 1, "owns__team": []}]
    return {"d": [row]}


def host_apps(call):
    releases = [
        {"id": 11, "raw_version": "2.108.0+rev1", "variant": "prod", "phase": None, "known_issue_list": None, "release_tag": []},
        {"id": 12, "raw_version": "2.88.4+rev1", "variant": "prod", "phase": None, "known_issue_list": None, "release_tag": []},
    ]
    return {"d": [{"is_for__device_type": [{"slug": "raspberrypi4-64"}], "application_tag": [], "owns__release": releases}]}


@pytest.fixture
def rich_api(api):
    api.on("GET", r"^/v7/", rich_row)
    api.on("GET", r"^/v7/application\?.*is_host eq true", host_apps)
    api.on("POST", r"^/v7/", lambda call: dict(call.body or {}, id=99))
    api.on("POST", r"^/api-key/", '"secretkey"')
    api.on("POST", r"^/device/register", {"id": 1, "uuid": UUID, "api_key": "k"})
    api.on("POST", r"^/supervisor/v1/device$", {"status": "Idle"})
    api.on("GET", r"^/config$", {"deviceUrlsBase": "balena-devices.com"})
    api.on("GET", r"download-size$", {"size": 123})
    api.on("POST", r"buildFromUrl", {"started": True, "releaseId": 42})
    return api


CALLS = [
    ("application.get_all", ()), ("application.get_all_directly_accessible", ()), ("application.get", ("org/app",)),
    ("application.get_directly_accessible", (5,)), ("application.get_with_device_service_details", ("org/app",)),
    ("application.get_by_name", ("app",)), ("application.get_all_by_organization", ("org",)), ("application.has", (5,)),
    ("application.has_any", ()), ("application.get_id", ("org/app",)), ("application.get_dashboard_url", (5,)),
    ("application.create", ("app", "raspberrypi4-64", "org")), ("application.remove", (5,)), ("application.remove", ([5],)),
    ("application.rename", (5, "new")), ("application.restart", ("org/app",)),
    ("application.generate_provisioning_key", (5,)), ("application.purge", (5,)), ("application.shutdown", (5, {"force": True})),
    ("application.reboot", (5,)), ("application.will_track_new_releases", (5,)), ("application.is_tracking_latest_release", (5,)),
    ("application.pin_to_release", ("org/app", "c" * 32)), ("application.get_target_release_hash", (5,)),
    ("application.track_latest_release", (5,)), ("application.enable_device_urls", (5,)), ("application.disable_device_urls", (5,)),
    ("application.grant_support_access", (5, FAR_FUTURE_MS)), ("application.revoke_support_access", (5,)),
    ("application.tags.get_all_by_application", (5,)), ("application.tags.set", (5, "k", "v")), ("application.tags.remove", (5, "k")),
    ("application.config_var.get", (5, "K")), ("application.env_var.get_all_by_application", ("org/app",)),
    ("application.build_var.set", (5, "K", "v")), ("application.build_var.remove", ("org/app", "K")),
    ("application.build_var.get", ("org/app", "K")), ("application.build_var.get_all_by_application", (5,)),
    ("application.config_var.get_all_by_application", ("org/app",)), ("application.config_var.remove", (5, "K")),
    ("application.config_var.set", ("org/app", "K", "v")), ("application.env_var.get", ("org/app", "K")),
    ("application.env_var.remove", (5, "K")), ("application.env_var.set", (5, "K", "v")),
    ("device.config_var.get", (5, "K")), ("device.config_var.remove", (5, "K")), ("device.config_var.set", (UUID, "K", "v")),
    ("device.env_var.get_all_by_application", (5,)), ("device.env_var.get_all_by_device", (UUID,)),
    ("application.membership.get_all", ()), ("application.membership.get", (5,)),
    ("application.membership.get_all_by_application", ("org/app",)), ("application.membership.create", (5, "bob")),
    ("application.membership.change_role", (5, "observer")), ("application.membership.remove", (5,)),
    ("application.invite.get_all", ()), ("application.invite.get_all_by_application", (5,)),
    ("application.invite.create", (5, {"invitee": "bob@example.com"})), ("application.invite.revoke", (5,)),
    ("application.invite.accept", ("token",)),
    ("device.get_all", ()), ("device.get_all_by_application", ("org/app",)), ("device.get_all_by_organization", ("org",)),
    ("device.get", (UUID,)), ("device.get_with_service_details", (5,)), ("device.get_by_name", ("dev",)),
    ("device.get_name", (5,)), ("device.get_application_name", (5,)), ("device.has", (UUID,)), ("device.is_online", (5,)),
    ("device.get_status", (5,)), ("device.has_device_url", (5,)), ("device.is_tracking_application_release", (5,)),
    ("device.get_local_ip_address", (5,)), ("device.get_mac_address", (5,)), ("device.get_metrics", (5,)),
    ("device.get_dashboard_url", (UUID,)), ("device.generate_uuid", ()),
    ("device.remove", (5,)), ("device.deactivate", ([5],)), ("device.rename", (UUID, "x")), ("device.set_note", (5, "n")),
    ("device.set_custom_location", (5, {"latitude": 1, "longitude": 2})), ("device.unset_custom_location", (5,)),
    ("device.enable_device_url", (5,)), ("device.disable_device_url", (5,)),
    ("device.grant_support_access", (5, FAR_FUTURE_MS)), ("device.revoke_support_access", (5,)),
    ("device.track_application_release", (5,)), ("device.move", (5, "org/app")), ("device.pin_to_release", (5, "c" * 32)),
    ("device.pin_to_supervisor_release", (5, "v14.0.0")),
    ("device.ping", (5,)), ("device.identify", (5,)), ("device.restart_application", (5,)), ("device.reboot", (UUID,)),
    ("device.shutdown", (5,)), ("device.purge", (5,)), ("device.update", (5,)), ("device.get_supervisor_state", (5,)),
    ("device.start_service", (5, 4)), ("device.stop_service", (5, 4)), ("device.restart_service", (5, 4)),
    ("device.get_application_info", (5,)), ("device.start_application", (5,)), ("device.stop_application", (5,)),
    ("device.get_supervisor_target_state", (5,)), ("device.get_supervisor_target_state_for_app", (5,)),
    ("device.register", (5, UUID)), ("device.generate_device_key", (5,)), ("device.get_device_url", (5,)),
    ("device.enable_local_mode", (UUID,)), ("device.disable_local_mode", (5,)), ("device.is_in_local_mode", (5,)),
    ("device.get_local_mode_support", (5,)), ("device.enable_lock_override", (5,)), ("device.disable_lock_override", (5,)),
    ("device.has_lock_override", (5,)), ("device.start_os_update", (5, "2.108.0+rev1")),
    ("device.pin_to_os_release", (5, "2.108.0+rev1")), ("device.get_os_update_status", (5,)),
    ("device.tags.get_all", ()), ("device.tags.get_all_by_device", (UUID,)), ("device.tags.get_all_by_application", (5,)),
    ("device.tags.get", (5, "k")), ("device.tags.set", (UUID, "k", "v")), ("device.tags.remove", (5, "k")),
    ("device.config_var.get_all_by_device", (5,)), ("device.config_var.get_all_by_application", ("org/app",)),
    ("device.env_var.get", (UUID, "K")), ("device.env_var.set", (5, "K", "v")), ("device.env_var.remove", (5, "K")),
    ("device.service_var.get_all_by_device", (UUID,)), ("device.service_var.get_all_by_application", (5,)),
    ("device.service_var.get", (5, "main", "K")), ("device.service_var.set", (UUID, 6, "K", "v")),
    ("device.service_var.remove", (5, "main", "K")),
    ("device.history.get_all_by_device", (UUID,)), ("device.history.get_all_by_application", ("org/app",)),
    ("device_type.get", ("raspberry-pi2",)), ("device_type.get_all", ()), ("device_type.get_all_supported", ()),
    ("device_type.get_by_slug_or_name", ("Raspberry Pi 4",)), ("device_type.get_name", ("raspberrypi4-64",)),
    ("device_type.get_slug_by_name", ("Raspberry Pi 4",)),
    ("api_key.create", ("k",)), ("api_key.get_all", ()), ("api_key.get_all_named_user_api_keys", ()),
    ("api_key.get_device_api_keys_by_device", (5,)), ("api_key.get_provisioning_api_keys_by_application", ("org/app",)),
    ("api_key.revoke", (5,)), ("api_key.update", (5, {"name": "n"})),
    ("key.get_all", ()), ("key.get", (5,)), ("key.create", ("laptop", " ssh-ed25519 AAAA ")), ("key.remove", (5,)),
    ("organization.create", ("Org",)), ("organization.get", ("org",)), ("organization.get_all", ()), ("organization.remove", ("org",)),
    ("organization.invite.get_all", ()), ("organization.invite.get_all_by_organization", ("org",)),
    ("organization.invite.create", ("org", "bob@example.com", "member")), ("organization.invite.revoke", (5,)),
    ("organization.invite.accept", ("token",)),
    ("organization.membership.get", (5,)), ("organization.membership.get_all", ()),
    ("organization.membership.get_all_by_organization", (1,)),
    ("organization.membership.tags.get", (5, "k")), ("organization.membership.tags.get_all", ()),
    ("organization.membership.tags.get_all_by_organization", ("org",)),
    ("organization.membership.tags.get_all_by_organization_membership", (5,)),
    ("organization.membership.tags.set", (5, "k", "v")), ("organization.membership.tags.remove", (5, "k")),
    ("os.get_available_os_versions", ("raspberrypi4-64",)), ("os.get_all_os_versions", (["raspberrypi4-64"],)),
    ("os.get_download_size", ("raspberrypi4-64",)), ("os.get_max_satisfying_version", ("raspberrypi4-64", ">=2.0.0")),
    ("os.download", ("raspberrypi4-64",)), ("os.get_config", (5, {"version": "2.108.0"})),
    ("os.is_supported_os_update", ("raspberrypi4-64", "2.88.4+rev1", "2.108.0+rev1")),
    ("os.get_supported_os_update_versions", ("raspberrypi4-64", "2.88.4+rev1")),
    ("os.is_architecture_compatible_with", ("aarch64", "armv7hf")),
    ("os.get_supervisor_releases_for_cpu_architecture", ("aarch64",)),
    ("config.get_all", ()),
    ("release.get", ("c" * 32,)), ("release.get_with_image_details", (5,)), ("release.get_all_by_application", ("org/app",)),
    ("release.get_latest_by_application", (5,)), ("release.create_from_url", (5, "https://example.com/a.tar.gz")),
    ("release.finalize", (5,)), ("release.set_is_invalidated", ("c" * 32, True)), ("release.set_note", (5, "n")),
    ("release.set_known_issue_list", (5, "x")), ("release.set_release_version", (5, "1.2.3")),
    ("release.tags.get", (5, "k")), ("release.tags.get_all", ()), ("release.tags.get_all_by_application", ("org/app",)),
    ("release.tags.get_all_by_release", ("c" * 32,)), ("release.tags.set", (5, "k", "v")), ("release.tags.remove", (5, "k")),
    ("service.get_all_by_application", ("org/app",)), ("service.var.get", (6, "K")),
    ("service.var.get_all_by_application", (5,)), ("service.var.get_all_by_service", ({"application": 5, "service_name": "main"},)),
    ("service.var.set", (6, "K", "v")), ("service.var.remove", (6, "K")),
    ("image.get", (4,)), ("image.get_logs", (4,)),
    ("team.create", ("org", "t")), ("team.get", (5,)), ("team.get_all_by_organization", ("org",)), ("team.rename", (5, "t2")),
    ("team.remove", (5,)),
    ("team.membership.create", (5, "bob")), ("team.membership.get", (5,)), ("team.membership.get_all_by_team", (5,)),
    ("team.membership.get_all_by_user", ("bob",)), ("team.membership.remove", ([5, 6],)),
    ("team.application_access.add", (5, "org/app", "developer")), ("team.application_access.get", (5,)),
    ("team.application_access.get_all_by_team", (5,)), ("team.application_access.update", (5, "observer")),
    ("team.application_access.remove", (5,)),
]


def resolve(models, dotted):
    target = models
    for part in dotted.split("."):
        target = getattr(target, part)
    return target


@pytest.mark.parametrize("dotted, args", CALLS, ids=[dotted for dotted, _args in CALLS])
def test_method_runs(models, rich_api, dotted, args):
    resolve(models, dotted)(*args)
    if not dotted.endswith(("generate_uuid", "get_dashboard_url", "is_architecture_compatible_with", "is_supported_os_update")):
        assert rich_api.calls, "expected at least one request"


def public_methods(models):
    found = set()

    def walk(prefix, obj, depth):
        for name in dir(obj):
            if name.startswith("_"):
                continue
            value = getattr(obj, name)
            if inspect.ismethod(value) or inspect.isfunction(value):
                found.add(prefix + name)
            elif depth < 3 and type(value).__module__.startswith("ansible_collections.balena.cloud.plugins.module_utils.sdk.models"):
                walk(prefix + name + ".", value, depth + 1)
    walk("", models, 0)
    return found


def official_surface():
    with open(os.path.join(os.path.dirname(__file__), "model_surface.txt")) as listing:
        return set(line.strip() for line in listing if line.strip())


def test_public_methods_are_exactly_the_official_surface(models):
    assert public_methods(models) == official_surface()


def test_every_surface_method_is_exercised():
    assert official_surface() - set(dotted for dotted, _args in CALLS) == set()


def test_history_defaults_to_the_last_seven_days(models, rich_api):
    models.device.history.get_all_by_device(5)
    sent = rich_api.calls[0].path
    since = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=7)).strftime("%Y-%m-%dT%H")
    assert "created_at ge datetime'%s" % since in sent
