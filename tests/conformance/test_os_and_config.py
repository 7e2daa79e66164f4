"""models.os (host OS releases, images, config) and models.config."""
from __future__ import annotations

import pytest
import semver
from balena import exceptions


def _stripped(version: dict) -> semver.Version:
    return semver.Version.parse(version["raw_version"].split("+")[0].split(".dev")[0].split(".prod")[0])


def test_available_versions_per_device_type(balena):
    versions = balena.models.os.get_available_os_versions("raspberrypi3")
    assert versions, "the demo world has OS releases for raspberrypi3"
    for version in versions:
        assert {"id", "raw_version", "variant", "os_type", "line", "stripped_version"} <= set(version)
    recommended = [v for v in versions if v.get("is_recommended")]
    assert len(recommended) == len({v["os_type"] for v in versions if v.get("is_recommended")})
    several = balena.models.os.get_available_os_versions(["raspberrypi3", "intel-nuc"])
    assert set(several) == {"raspberrypi3", "intel-nuc"}
    assert [v["id"] for v in several["raspberrypi3"]] == [v["id"] for v in versions]


def test_all_versions_include_non_final_ones(balena):
    every = balena.models.os.get_all_os_versions("raspberrypi3")
    available = balena.models.os.get_available_os_versions("raspberrypi3")
    assert {v["id"] for v in available} <= {v["id"] for v in every}
    newest_first = balena.models.os.get_all_os_versions("raspberrypi3", {"$orderby": "created_at desc"})
    assert {v["id"] for v in newest_first} == {v["id"] for v in every}


def test_max_satisfying_version(balena):
    versions = balena.models.os.get_available_os_versions("raspberrypi3")
    latest = balena.models.os.get_max_satisfying_version("raspberrypi3", "latest")
    assert latest in [v["raw_version"] for v in versions]
    recommended = balena.models.os.get_max_satisfying_version("raspberrypi3", "recommended")
    assert recommended in [v["raw_version"] for v in versions if v.get("is_recommended")]
    exact = versions[-1]["raw_version"]
    assert balena.models.os.get_max_satisfying_version("raspberrypi3", exact) == exact
    assert balena.models.os.get_max_satisfying_version("raspberrypi3", ">=9999.0.0") is None   # ESR lines are 20xx


def test_download_size_and_download(balena):
    size = balena.models.os.get_download_size("raspberrypi3")
    assert isinstance(size, float) and size > 0
    response = balena.models.os.download("raspberrypi3")
    assert response.status_code == 200
    first = response.content
    again = balena.models.os.download("raspberrypi3").content
    assert first and first == again, "the fake image is deterministic"


def test_get_config(balena, factory):
    app = factory.fleet()
    config = balena.models.os.get_config(app["id"], {"version": "5.1.20", "deviceType": "raspberrypi3"})
    assert isinstance(config, dict)
    assert config["applicationId"] == app["id"]
    assert config["deviceType"] == "raspberrypi3"
    assert isinstance(config["apiKey"], str) and config["apiKey"]


def test_update_rules_are_client_side_and_versions_come_from_the_api(balena):
    assert balena.models.os.is_supported_os_update("raspberrypi3", "2.88.4", "5.1.20") is True
    assert balena.models.os.is_supported_os_update("raspberrypi3", "5.1.20", "2.88.4") is False
    available = balena.models.os.get_available_os_versions("raspberrypi3")
    oldest = min(available, key=_stripped)
    supported = balena.models.os.get_supported_os_update_versions("raspberrypi3", oldest["raw_version"])
    assert supported["current"] == oldest["raw_version"]
    assert set(supported["versions"]) <= {v["raw_version"] for v in available}
    assert balena.models.os.is_architecture_compatible_with("aarch64", "armv7hf") is True
    assert balena.models.os.is_architecture_compatible_with("armv7hf", "aarch64") is False


def test_supervisor_releases_by_architecture(balena):
    by_slug = balena.models.os.get_supervisor_releases_for_cpu_architecture("aarch64")
    assert by_slug and all({"id", "raw_version", "known_issue_list"} <= set(r) for r in by_slug)
    versions = [_stripped(r) for r in by_slug]
    assert versions == sorted(versions, reverse=True)
    arch_id = balena.pine.get({"resource": "cpu_architecture", "options": {
        "$select": "id", "$filter": {"slug": "aarch64"}}})[0]["id"]
    by_id = balena.models.os.get_supervisor_releases_for_cpu_architecture(arch_id)
    assert [r["id"] for r in by_id] == [r["id"] for r in by_slug]


def test_config_get_all(balena):
    config = balena.models.config.get_all()
    for key in ("deployment", "deviceUrlsBase", "adminUrl", "gitServerUrl", "ga", "mixpanelToken",
                "intercomAppId", "recurlyPublicKey", "DEVICE_ONLINE_ICON", "DEVICE_OFFLINE_ICON",
                "signupCodeRequired", "supportedSocialProviders"):
        assert key in config, key


def test_invalid_device_type_for_os_calls(balena):
    with pytest.raises(exceptions.InvalidDeviceType):
        balena.models.os.get_download_size("no-such-board")
