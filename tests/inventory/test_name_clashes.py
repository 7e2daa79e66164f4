"""A host name from device data never equals a group name, and a group name from device data never
equals a host name nor names the controller: Ansible would apply the device's membership and
variables to the group."""
from __future__ import annotations

import pytest

from inventory_runner import (
    ansible_env, device_uuid, group_hosts, hosts_of, inventory_list_with_stderr, patch_device, rename_device, tag_device,
    write_config,
)

SIGNAGE = "fleet_demo_digital_signage"
FACTORY = "fleet_acme_factory_gateways"
SCANNERS = "fleet_acme_warehouse_scanners"


def _warned(stderr, uuid, name):
    return "device {0} is named {0} instead of {1!r}".format(uuid, name) in " ".join(stderr.split())


@pytest.mark.parametrize("name", ["online", "offline", "all", "ungrouped", "org_demo", SIGNAGE, "device_type_raspberrypi4_64"])
def test_a_device_named_after_a_group_falls_back_to_its_uuid(fresh_emulator, tmp_path, name):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", name)
    listing, stderr = inventory_list_with_stderr(write_config(tmp_path, {"fleets": ["demo/digital-signage"]}),
                                                 ansible_env(fresh_emulator))
    assert name not in hosts_of(listing)
    assert uuid in group_hosts(listing, SIGNAGE)
    assert listing["_meta"]["hostvars"][uuid]["balena_device_name"] == name
    assert _warned(stderr, uuid, name)
    assert not listing.get(SIGNAGE, {}).get("children")


def test_a_device_named_after_another_fleets_group_joins_nothing_of_it(fresh_emulator, tmp_path):
    uuid = device_uuid(fresh_emulator, "line-1-gateway")
    rename_device(fresh_emulator, "line-1-gateway", SCANNERS)
    config = write_config(tmp_path, {"organizations": ["acme"], "connection_mode": "local"})
    listing, stderr = inventory_list_with_stderr(config, ansible_env(fresh_emulator))
    assert _warned(stderr, uuid, SCANNERS)
    assert SCANNERS not in hosts_of(listing)
    assert not listing.get(FACTORY, {}).get("children")
    assert uuid in group_hosts(listing, FACTORY) and uuid not in group_hosts(listing, SCANNERS)
    # Its variables stay its own: no scanner inherits the gateway's address.
    scanner = listing["_meta"]["hostvars"]["dock-a-scanner"]
    assert scanner["balena_fleet"] == "acme/warehouse-scanners"
    assert scanner["ansible_host"] != listing["_meta"]["hostvars"][uuid]["ansible_host"]


def test_a_device_named_after_a_group_of_another_source(fresh_emulator, tmp_path):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", "webservers")
    static = tmp_path / "static.ini"
    static.write_text("[webservers]\nweb1 ansible_connection=local\n", encoding="utf-8")
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"]})
    listing, stderr = inventory_list_with_stderr(static, ansible_env(fresh_emulator), "-i", str(config))
    assert _warned(stderr, uuid, "webservers")
    assert group_hosts(listing, "webservers") == ["web1"]
    assert uuid in hosts_of(listing)


def test_a_device_named_all_with_another_source_does_not_loop(fresh_emulator, tmp_path):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", "all")
    static = tmp_path / "static.ini"
    static.write_text("web1 ansible_connection=local\n", encoding="utf-8")
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"]})
    listing, stderr = inventory_list_with_stderr(static, ansible_env(fresh_emulator), "-i", str(config))
    assert _warned(stderr, uuid, "all")
    assert "web1" in hosts_of(listing) and uuid in hosts_of(listing)


def test_a_hostnames_template_cannot_name_a_group(env, tmp_path):
    config = write_config(tmp_path, {"fleets": ["demo/lab-prototypes"], "hostnames": ["{{ 'all' }}"]})
    listing, stderr = inventory_list_with_stderr(config, env)
    assert hosts_of(listing) == [listing["_meta"]["hostvars"][hosts_of(listing)[0]]["balena_uuid"]]
    assert "it is the name of a group" in stderr


def test_a_keyed_group_named_after_a_device_renames_the_device(fresh_emulator, tmp_path):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", "lobby")
    tag_device(fresh_emulator, "cafe-screen", "role", "lobby")
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"], "keyed_groups": [
        {"key": "balena_tags.role", "prefix": "", "separator": "", "leading_separator": False}]})
    listing, stderr = inventory_list_with_stderr(config, ansible_env(fresh_emulator))
    assert _warned(stderr, uuid, "lobby")
    assert "lobby" not in hosts_of(listing) and uuid in hosts_of(listing)
    assert group_hosts(listing, "lobby") == ["cafe-screen"]
    assert uuid in group_hosts(listing, SIGNAGE)


@pytest.mark.parametrize("config", [
    {"group_by": ["tag_key"], "group_prefixes": {"tag_key": ""}},
    {"keyed_groups": [{"key": "balena_tags.role", "prefix": "", "separator": "", "leading_separator": False}]},
])
def test_device_data_makes_no_localhost_group(fresh_emulator, tmp_path, config):
    tag_device(fresh_emulator, "cafe-screen", "localhost" if "group_by" in config else "role", "localhost")
    listing, stderr = inventory_list_with_stderr(write_config(tmp_path, dict({"fleets": ["demo/digital-signage"]}, **config)),
                                                 ansible_env(fresh_emulator))
    assert "localhost" not in listing
    assert "cafe-screen" in hosts_of(listing)
    assert "localhost" in stderr and "controller itself" in stderr


def test_a_tag_group_never_takes_a_host_name_of_another_source(fresh_emulator, tmp_path):
    tag_device(fresh_emulator, "cafe-screen", "web1", "")
    static = tmp_path / "static.ini"
    static.write_text("web1 ansible_connection=local\n", encoding="utf-8")
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"], "group_by": ["tag_key"],
                                     "group_prefixes": {"tag_key": ""}})
    listing, stderr = inventory_list_with_stderr(static, ansible_env(fresh_emulator), "-i", str(config))
    assert "web1" not in listing
    assert "it is the name of a host" in stderr


@pytest.mark.parametrize("taken", ["other-device", "0123456789abcdef0123456789abcdef", "f" * 62])
def test_a_device_cannot_take_a_uuid_as_its_name(fresh_emulator, tmp_path, taken):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    victim = device_uuid(fresh_emulator, "cafe-screen")
    name = victim if taken == "other-device" else taken
    rename_device(fresh_emulator, "lobby-screen", name)
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"], "hostnames": ["device_name", "uuid"]})
    listing, stderr = inventory_list_with_stderr(config, ansible_env(fresh_emulator), "--limit", name)
    assert _warned(stderr, uuid, name)
    # The pattern matches no host: neither the impostor nor (named cafe-screen) the device whose uuid it is.
    assert hosts_of(listing) == []


def test_local_mode_never_connects_to_a_name_the_device_chose(fresh_emulator, tmp_path):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", "evil.example.com")
    patch_device(fresh_emulator, "evil.example.com", ip_address="127.0.0.1 ::1 0.0.0.0")
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"], "connection_mode": "local"})
    listing, _stderr = inventory_list_with_stderr(config, ansible_env(fresh_emulator))
    assert listing["_meta"]["hostvars"]["evil.example.com"]["ansible_host"] == uuid + ".local"
