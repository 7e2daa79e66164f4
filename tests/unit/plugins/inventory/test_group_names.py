from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.groups import GroupNamer, safe_group_name

RECORD = {
    "fleet": "acme/factory-gateways", "organization": "acme", "device_type": "raspberrypi4-64", "is_online": False,
    "overall_status": "disconnected", "os_version": "balenaOS 6.0.13", "release": "8a962e0acee69b0e59e2014d77392ebb",
    "tags": {"line": "1", "kiosk": "", "zone.name": "north/east"},
}


def test_safe_names():
    assert safe_group_name("fleet_acme/factory-gateways") == "fleet_acme_factory_gateways"
    assert safe_group_name("6_0") == "_6_0"
    assert safe_group_name("") == "_"


def test_every_axis():
    groups = GroupNamer(["fleet", "organization", "device_type", "online", "overall_status", "os_version", "release",
                         "tag_key", "tag"]).groups(RECORD)
    assert groups == ["fleet_acme_factory_gateways", "org_acme", "device_type_raspberrypi4_64", "offline",
                      "status_disconnected", "os_6_0_13", "release_8a962e0", "tag_line", "tag_kiosk", "tag_zone_name",
                      "tag_line_1", "tag_zone_name_north_east"]


def test_prefixes_and_missing_values():
    namer = GroupNamer(["fleet", "online", "release"], {"fleet": "", "online": "balena_"})
    assert namer.groups({"fleet": "a/b", "is_online": True, "release": None}) == ["a_b", "balena_online"]


def test_unknown_axis():
    with pytest.raises(ValueError, match="colour"):
        GroupNamer(["colour"])
    with pytest.raises(ValueError, match="group_prefixes"):
        GroupNamer(["fleet"], {"colour": "c"})
