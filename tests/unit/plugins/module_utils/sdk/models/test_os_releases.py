# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.models.os_releases import (
    is_architecture_compatible,
    versions_by_device_type,
)


def release(raw_version, variant="prod", phase=None, known_issue_list=None, tags=None):
    return {"id": hash(raw_version) % 1000, "raw_version": raw_version, "variant": variant, "phase": phase,
            "known_issue_list": known_issue_list, "release_tag": [{"tag_key": k, "value": v} for k, v in (tags or {}).items()]}


def host_app(slug, releases, tags=None):
    return {"is_for__device_type": [{"slug": slug}], "owns__release": releases,
            "application_tag": [{"tag_key": k, "value": v} for k, v in (tags or {}).items()]}


def test_versions_are_sorted_newest_first_and_the_first_clean_prod_is_recommended():
    versions = versions_by_device_type([host_app("raspberrypi3", [
        release("2.88.4+rev1"),
        release("2.108.0+rev1.dev", variant="dev"),
        release("2.108.0+rev1", known_issue_list="broken wifi"),
        release("2.100.0+rev2"),
    ])])["raspberrypi3"]
    assert [v["raw_version"] for v in versions] == ["2.108.0+rev1.dev", "2.108.0+rev1", "2.100.0+rev2", "2.88.4+rev1"]
    recommended = [v for v in versions if v.get("is_recommended")]
    assert [v["raw_version"] for v in recommended] == ["2.100.0+rev2"]
    assert recommended[0]["formatted_version"] == "v2.100.0+rev2 (recommended)"
    assert versions[0]["stripped_version"] == "2.108.0+rev1" and versions[0]["variant"] == "dev"
    assert versions[1]["stripped_version"] == "2.108.0+rev1"
    assert all(v["os_type"] == "default" for v in versions)


def test_legacy_releases_take_version_and_variant_from_tags():
    versions = versions_by_device_type([host_app("intel-nuc", [
        release("0.0.0-1234", variant="", tags={"version": "2.0.6+rev3", "variant": "production"}),
    ])])["intel-nuc"]
    assert versions[0]["raw_version"] == "2.0.6+rev3.prod"
    assert versions[0]["variant"] == "prod"
    assert versions[0]["stripped_version"] == "2.0.6+rev3"


def test_esr_lines_and_phases():
    versions = versions_by_device_type([host_app("generic-amd64", [
        release("2023.1.0"), release("2022.10.0"), release("2021.1.0"), release("2024.1.0", phase="end-of-life"),
    ], tags={"release-policy": "esr", "esr-next": "2023.1.x", "esr-current": "2022.10.x"})])["generic-amd64"]
    lines = dict((v["raw_version"], v["line"]) for v in versions)
    assert lines == {"2024.1.0": "outdated", "2023.1.0": "next", "2022.10.0": "current", "2021.1.0": "outdated"}
    assert versions[0]["os_type"] == "esr"
    assert [v["formatted_version"] for v in versions if v.get("is_recommended")] == ["v2024.1.0 (outdated, recommended)"]


def test_releases_are_grouped_by_device_type_and_host_apps_without_type_skipped():
    result = versions_by_device_type([
        host_app("a", [release("2.1.0")]), host_app("b", [release("2.2.0")]),
        {"is_for__device_type": [], "owns__release": [release("9.9.9")]},
    ])
    assert sorted(result) == ["a", "b"]


@pytest.mark.parametrize("os_arch, app_arch, expected", [
    ("aarch64", "aarch64", True), ("aarch64", "armv7hf", True), ("aarch64", "rpi", True),
    ("armv7hf", "rpi", True), ("armv7hf", "aarch64", False), ("rpi", "armv7hf", False), ("amd64", "i386", False),
])
def test_architecture_compatibility(os_arch, app_arch, expected):
    assert is_architecture_compatible(os_arch, app_arch) is expected
