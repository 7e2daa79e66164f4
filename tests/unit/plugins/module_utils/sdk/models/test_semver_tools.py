# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import semver_tools as sv


@pytest.mark.parametrize("raw, expected", [
    ("2.1.0.rev1", "2.1.0+rev1"),
    ("2.1.0.dev", "2.1.0+dev"),
    ("balenaOS 2.3.0 (prod)", "2.3.0+prod"),
    ("Resin OS 2.0.0+rev3 (dev)", "2.0.0+rev3.dev"),
    ("v1.2.3", "1.2.3"),
    ("14.11.2", "14.11.2"),
])
def test_normalize(raw, expected):
    assert sv.normalize(raw) == expected


def test_compare_orders_semver_then_revision_then_dev():
    ordered = ["1.0.0", "2.0.0+rev1", "2.0.0+rev2", "2.0.0+rev2.dev", "2.1.0"]
    for lower, higher in zip(ordered, ordered[1:]):
        assert sv.compare(lower, higher) == -1
        assert sv.compare(higher, lower) == 1
    assert sv.compare("2.0.0", "2.0.0") == 0


def test_compare_puts_invalid_and_missing_versions_first():
    assert sv.compare(None, "1.0.0") == -1
    assert sv.compare("1.0.0", "") == 1
    assert sv.compare("garbage", "1.0.0") == -1
    assert sv.compare(None, None) == 0


def test_sort_key_sorts_newest_first_when_reversed():
    versions = ["2.0.0+rev1", "2.10.0", "2.9.1", "2.0.0+rev3"]
    assert sorted(versions, key=sv.version_sort_key, reverse=True) == ["2.10.0", "2.9.1", "2.0.0+rev3", "2.0.0+rev1"]


def test_at_least():
    assert sv.at_least("balenaOS 2.12.0", "2.12.0")
    assert not sv.at_least("6.9.9", "7.0.0")
    assert not sv.at_least(None, "1.0.0")
    assert not sv.at_least("not semver", "1.0.0")


@pytest.mark.parametrize("version, version_range, expected", [
    ("2023.1.2", "2023.1.x", True),
    ("2023.4.0", "2023.1.x", False),
    ("2023.4.0", "2023.1.0", True),
    ("2022.10.0", "2023.1.0", False),
    ("2023.1.2", "", False),
    ("bad", "2023.1.x", False),
])
def test_matches_line_range(version, version_range, expected):
    assert sv.matches_line_range(version, version_range) is expected


def test_with_variant():
    assert sv.with_variant("balenaOS 2.88.4", "prod") == "2.88.4+prod"
    assert sv.with_variant("2.88.4+rev1", "dev") == "2.88.4+rev1.dev"
    assert sv.with_variant("2.88.4+rev1.dev", "dev") == "2.88.4+rev1.dev"
    assert sv.with_variant("", "dev") is None
    assert sv.with_variant("weird", "dev") == "weird"


def test_ensure_version():
    sv.ensure_version("14.0.0", "7.0.0", "supervisor")
    sv.ensure_version(None, "7.0.0", "supervisor")
    sv.ensure_version("not a version", "7.0.0", "supervisor")
    with pytest.raises(ValueError) as raised:
        sv.ensure_version("balenaOS 2.11.0", "2.12.0", "host OS")
    assert str(raised.value) == "Incompatible host OS version: 2.11.0 - must be >= 2.12.0"
