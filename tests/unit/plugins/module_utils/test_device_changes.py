from __future__ import annotations

from types import SimpleNamespace

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.device_changes import os_release_key, os_releases
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError

RELEASES = {
    "raspberrypi4-64": [
        {"id": 30, "raw_version": "6.0.13+dev", "variant": "dev"},
        {"id": 29, "raw_version": "6.0.13+prod", "variant": "prod"},
        {"id": 27, "raw_version": "5.3.10+prod", "variant": "prod"},
    ],
    "intel-nuc": [{"id": 5, "raw_version": "2.88.4+rev1", "variant": ""}],
}


def balena():
    def get_all_os_versions(slugs, options):
        return {slug: RELEASES[slug] for slug in slugs if slug in RELEASES}
    return SimpleNamespace(models=SimpleNamespace(os=SimpleNamespace(get_all_os_versions=get_all_os_versions)))


def ids(rows):
    return {key: row["id"] for key, row in rows.items()}


def device(slug, variant):
    return {"is_of__device_type": [{"slug": slug}], "os_variant": variant}


def test_a_bare_version_picks_the_device_variant_and_production_when_unknown():
    keys = [os_release_key(device("raspberrypi4-64", "dev")), os_release_key(device("raspberrypi4-64", "prod")),
            os_release_key(device("raspberrypi4-64", None))]
    assert ids(os_releases(balena(), keys, "balenaOS 6.0.13")) == {
        ("raspberrypi4-64", "dev"): 30, ("raspberrypi4-64", "prod"): 29, ("raspberrypi4-64", None): 29}


def test_raw_versions_match_exactly():
    assert ids(os_releases(balena(), [("raspberrypi4-64", "prod")], "6.0.13+dev")) == {("raspberrypi4-64", "prod"): 30}
    assert ids(os_releases(balena(), [("intel-nuc", "prod")], "v2.88.4+rev1")) == {("intel-nuc", "prod"): 5}


def test_a_missing_version_or_variant_names_the_parameter():
    with pytest.raises(ParameterError, match="os_version.*5.3.10.*dev variant"):
        os_releases(balena(), [("raspberrypi4-64", "dev")], "5.3.10")
    with pytest.raises(ParameterError, match="os_version"):
        os_releases(balena(), [("raspberrypi4-64", "prod")], "9.9.9")
