"""models.device_type: the public catalogue, resolved through aliases."""
from __future__ import annotations

import pytest
from balena import exceptions

DEMO_TYPES = ("raspberry-pi", "raspberrypi3", "raspberrypi4-64", "intel-nuc", "generic-amd64")


def test_get_all_sorted_by_name(balena):
    everything = balena.models.device_type.get_all()
    slugs = {dt["slug"] for dt in everything}
    assert set(DEMO_TYPES) <= slugs
    names = [dt["name"] for dt in everything]
    assert names == sorted(names)
    selected = balena.models.device_type.get_all({"$select": ["slug", "name"]})
    assert all(set(dt) == {"slug", "name"} for dt in selected)


def test_get_all_supported_only_types_with_a_usable_host_os(balena):
    supported = balena.models.device_type.get_all_supported({"$select": ["slug", "name"]})
    slugs = {dt["slug"] for dt in supported}
    assert "raspberrypi3" in slugs
    assert slugs < {dt["slug"] for dt in balena.models.device_type.get_all({"$select": "slug"})}


def test_get_by_slug_id_and_alias(balena):
    by_slug = balena.models.device_type.get("raspberrypi3")
    assert by_slug["slug"] == "raspberrypi3"
    assert balena.models.device_type.get(by_slug["id"])["slug"] == "raspberrypi3"
    assert balena.models.device_type.get("raspberrypi2")["slug"] == "raspberry-pi2"
    expanded = balena.models.device_type.get(
        "raspberrypi4-64", {"$expand": {"is_of__cpu_architecture": {"$select": "slug"}}})
    assert expanded["is_of__cpu_architecture"][0]["slug"] == "aarch64"
    with pytest.raises(exceptions.InvalidDeviceType):
        balena.models.device_type.get("no-such-board")


def test_name_and_slug_lookups(balena):
    name = balena.models.device_type.get_name("raspberrypi3")
    assert name == "Raspberry Pi 3"
    assert balena.models.device_type.get_slug_by_name(name) == "raspberrypi3"
    assert balena.models.device_type.get_by_slug_or_name("generic-amd64")["slug"] == "generic-amd64"
    assert balena.models.device_type.get_by_slug_or_name(name)["slug"] == "raspberrypi3"
    with pytest.raises(exceptions.InvalidDeviceType):
        balena.models.device_type.get_slug_by_name("Nope Board 9000")
    with pytest.raises(exceptions.InvalidDeviceType):
        balena.models.device_type.get_name("nope-board")
