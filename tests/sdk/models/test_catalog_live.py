# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Device types, balenaOS, configuration, releases, services and images against the emulator."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions
from ansible_collections.balena.cloud.plugins.module_utils.sdk.semver_tools import version_sort_key


def test_device_types(shared_sdk):
    device_type = shared_sdk.models.device_type
    all_types = device_type.get_all()
    assert [t["name"] for t in all_types] == sorted(t["name"] for t in all_types)
    assert device_type.get("raspberrypi4-64")["slug"] == "raspberrypi4-64"
    assert device_type.get("raspberrypi2")["slug"] == "raspberry-pi2"
    by_id = device_type.get(all_types[0]["id"])
    assert by_id["slug"] == all_types[0]["slug"]
    supported = [t["slug"] for t in device_type.get_all_supported()]
    assert "raspberrypi4-64" in supported and len(supported) < len(all_types)
    named = device_type.get("raspberrypi3", {"$select": "name"})["name"]
    assert device_type.get_by_slug_or_name(named)["slug"] == "raspberrypi3"
    assert device_type.get_by_slug_or_name("raspberrypi3")["name"] == named
    assert device_type.get_name("raspberrypi3") == named
    assert device_type.get_slug_by_name(named) == "raspberrypi3"
    with pytest.raises(exceptions.InvalidDeviceType):
        device_type.get("no-such-type")
    with pytest.raises(exceptions.InvalidDeviceType):
        device_type.get_by_slug_or_name("no-such-type")


def test_os_versions(shared_sdk):
    os_model = shared_sdk.models.os
    versions = os_model.get_available_os_versions("raspberrypi4-64")
    raw = [v["raw_version"] for v in versions]
    assert raw and raw == sorted(raw, key=version_sort_key, reverse=True)
    assert {"variant", "os_type", "line", "stripped_version", "based_on_version"} <= set(versions[0])
    recommended_types = [v["os_type"] for v in versions if v.get("is_recommended")]
    assert sorted(recommended_types) == ["default", "esr"], "one recommended version per OS type"
    both = os_model.get_available_os_versions(["raspberrypi4-64", "raspberrypi3"])
    assert set(both) == {"raspberrypi4-64", "raspberrypi3"}
    everything = os_model.get_all_os_versions("raspberrypi4-64")
    assert len(everything) >= len(versions)
    only_ids = os_model.get_all_os_versions(["raspberrypi4-64"], {"$select": ["id", "raw_version"]})["raspberrypi4-64"]
    assert len(only_ids) == len(everything)
    assert os_model.get_max_satisfying_version("raspberrypi4-64") == raw[0]
    recommended = os_model.get_max_satisfying_version("raspberrypi4-64", "recommended")
    assert recommended in raw and "dev" not in recommended
    assert os_model.get_max_satisfying_version("raspberrypi4-64", "default") == recommended
    assert os_model.get_max_satisfying_version("raspberrypi4-64", raw[-1]) == raw[-1]
    assert os_model.get_max_satisfying_version("raspberrypi4-64", "<0.0.1") is None
    assert os_model.get_download_size("raspberrypi4-64", raw[0]) > 0


def test_os_update_rules_and_architectures(shared_sdk):
    os_model = shared_sdk.models.os
    versions = [v["raw_version"] for v in os_model.get_available_os_versions("raspberrypi3") if v["variant"] == "prod"]
    oldest = versions[-1]
    supported = os_model.get_supported_os_update_versions("raspberrypi3", oldest)
    assert supported["current"] == oldest
    assert oldest not in supported["versions"] and supported["versions"]
    assert all(os_model.is_supported_os_update("raspberrypi3", oldest, v) for v in supported["versions"])
    assert os_model.is_supported_os_update("raspberrypi3", versions[0], oldest) is False
    assert os_model.is_architecture_compatible_with("aarch64", "armv7hf") is True
    assert os_model.is_architecture_compatible_with("armv7hf", "aarch64") is False


def test_os_image_and_config(shared_sdk, shared_demo):
    os_model = shared_sdk.models.os
    version = os_model.get_max_satisfying_version("raspberrypi4-64", "recommended")
    response = os_model.download("raspberrypi4-64", version)
    try:
        assert response.status_code == 200 and len(response.content) > 0
    finally:
        response.close()
    latest = os_model.download("raspberrypi4-64")
    latest.close()
    assert latest.status_code == 200
    config = os_model.get_config(shared_demo.fleet, {"version": version, "developmentMode": True})
    assert config["applicationId"] == shared_sdk.models.application.get_id(shared_demo.fleet)
    with pytest.raises(Exception):
        os_model.get_config(shared_demo.fleet, {})


def test_supervisor_releases(shared_sdk):
    os_model = shared_sdk.models.os
    by_slug = os_model.get_supervisor_releases_for_cpu_architecture("aarch64")
    assert by_slug and all(set(r) >= {"id", "raw_version", "known_issue_list"} for r in by_slug)
    arch_id = shared_sdk.models.device_type.get(
        "raspberrypi4-64", {"$select": "is_of__cpu_architecture"})["is_of__cpu_architecture"]["__id"]
    assert [r["id"] for r in os_model.get_supervisor_releases_for_cpu_architecture(arch_id)] == [r["id"] for r in by_slug]
    newest = os_model.get_supervisor_releases_for_cpu_architecture("aarch64", {"$top": 1, "$select": "id"})
    assert len(newest) == 1 and newest[0]["id"] == by_slug[0]["id"]


def test_config(shared_sdk):
    config = shared_sdk.models.config.get_all()
    assert {"deviceUrlsBase", "deployment"} <= set(config)


def test_releases(shared_sdk, shared_demo):
    release = shared_sdk.models.release
    releases = release.get_all_by_application(shared_demo.fleet)
    assert len(releases) >= 4
    assert [r["created_at"] for r in releases] == sorted((r["created_at"] for r in releases), reverse=True)
    latest = release.get_latest_by_application(shared_demo.fleet)
    assert latest["status"] == "success"
    assert release.get(latest["commit"])["id"] == latest["id"]
    assert release.get(latest["id"], {"$select": "commit"})["commit"] == latest["commit"]
    assert release.get({"application": shared_demo.fleet, "raw_version": latest["raw_version"]})["id"] == latest["id"]
    detailed = release.get_with_image_details(latest["id"])
    assert [image["service_name"] for image in detailed["images"]] == ["player", "updater"]
    assert "release_image" not in detailed and "user" in detailed
    with pytest.raises(exceptions.ReleaseNotFound):
        release.get("0" * 32)
    with pytest.raises(exceptions.ApplicationNotFound):
        release.get_all_by_application("demo/missing")


def test_release_changes(sdk, demo):
    release = sdk.models.release
    latest = release.get_latest_by_application(demo.fleet)
    release.set_is_invalidated({"application": demo.fleet, "raw_version": latest["raw_version"]}, True)
    release.set_note(latest["commit"], "shipped")
    release.set_known_issue_list(latest["id"], "flickers")
    release.set_release_version(latest["id"], "9.9.9")
    row = demo.one("release(%d)" % latest["id"])
    assert (row["note"], row["known_issue_list"], row["semver"], row["is_invalidated"]) == ("shipped", "flickers", "9.9.9", True)
    release.finalize(latest["id"])
    assert demo.one("release(%d)" % latest["id"])["is_final"] is True
    with pytest.raises(exceptions.InvalidParameter):
        release.set_release_version(latest["id"], "not-semver")


def test_release_from_url(sdk, demo):
    release_id = sdk.models.release.create_from_url(demo.fleet, "https://example.com/project.tar.gz")
    assert demo.one("release(%d)?$select=id" % release_id)["id"] == release_id


def test_services_and_images(shared_sdk, shared_demo):
    services = shared_sdk.models.service.get_all_by_application(shared_demo.fleet)
    assert sorted(s["service_name"] for s in services) == ["player", "updater"]
    only_player = shared_sdk.models.service.get_all_by_application(shared_demo.fleet, {"$filter": {"service_name": "player"}})
    assert [s["service_name"] for s in only_player] == ["player"]
    image_id = shared_sdk.models.release.get_with_image_details(
        shared_sdk.models.release.get_latest_by_application(shared_demo.fleet)["id"])["images"][0]["id"]
    image = shared_sdk.models.image.get(image_id)
    assert image["id"] == image_id and "build_log" not in image
    assert shared_sdk.models.image.get(image_id, {"$select": "status"})["status"] == image["status"]
    assert isinstance(shared_sdk.models.image.get_logs(image_id), (str, type(None)))
    with pytest.raises(exceptions.ImageNotFound):
        shared_sdk.models.image.get(999999)
