"""Host names, duplicate names and host variable names."""
from __future__ import annotations

import requests

from inventory_runner import (
    BIN, ansible_env, hosts_of, inventory_failure, inventory_list, rename_device, run, write_config,
)


def test_hostnames_preference_list_and_templates(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality"], "hostnames": ["short_uuid"]}), env)
    assert all(len(name) == 7 for name in hosts_of(listing))
    template = "{{ balena_fleet | split('/') | last }}-{{ balena_device_name }}"
    listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality"], "hostnames": [template]}), env)
    assert hosts_of(listing) == ["air-quality-basement-sensor", "air-quality-garage-sensor", "air-quality-roof-sensor"]
    listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality"], "hostnames": ["uuid"]}), env)
    assert all(len(name) == 32 for name in hosts_of(listing))


def test_an_empty_choice_falls_through_to_the_next(env, tmp_path):
    config = {"fleets": ["demo/digital-signage"], "hostnames": ["{{ (balena_note or '') | replace(' ', '-') }}",
                                                                "device_name"]}
    listing = inventory_list(write_config(tmp_path, config), env)
    assert "Power-supply-being-replaced" in hosts_of(listing)
    assert "lobby-screen" in hosts_of(listing)


def test_duplicate_names_never_overwrite_each_other(fresh_emulator, tmp_path):
    rename_device(fresh_emulator, "roof-sensor", "lobby-screen")
    env = ansible_env(fresh_emulator)
    listing = inventory_list(write_config(tmp_path, {"duplicate_names": "suffix"}), env)
    hostvars = listing["_meta"]["hostvars"]
    assert "lobby-screen" not in hostvars
    twins = [name for name in hostvars if name.startswith("lobby-screen-")]
    assert len(twins) == 2
    for name in twins:
        assert name == "lobby-screen-" + hostvars[name]["balena_uuid"][:7]
    assert len(hostvars) == 13

    config = write_config(tmp_path, {"duplicate_names": "warn"})
    result = run([BIN / "ansible-inventory", "-i", str(config), "--list"], env)
    assert "devices share host names" in result.stderr
    assert "lobby-screen" in result.stderr

    error = inventory_failure(write_config(tmp_path, {"duplicate_names": "error"}), env)
    assert "devices share host names" in error


def test_hostvars_prefix_is_configurable_and_never_reserved(env, tmp_path):
    listing = inventory_list(write_config(tmp_path, {"hostvars_prefix": "bn_", "fleets": ["demo/lab-prototypes"]}), env)
    variables = listing["_meta"]["hostvars"]["bench-nuc"]
    assert variables["bn_tags"] == {"owner": "demo"}
    assert not [name for name in variables if name.startswith("balena_")]

    error = inventory_failure(write_config(tmp_path, {"hostvars_prefix": ""}), env)
    assert "reserved" in error and "tags" in error


def test_no_reserved_name_is_ever_set(env, tmp_path):
    from ansible.vars.reserved import get_reserved_names

    listing = inventory_list(write_config(tmp_path, {"fetch_variables": True, "fetch_service_status": True}), env)
    reserved = set(get_reserved_names())
    for variables in listing["_meta"]["hostvars"].values():
        assert not reserved & set(variables)


def test_deleting_a_twin_renames_the_other_as_documented(fresh_emulator, tmp_path):
    rename_device(fresh_emulator, "roof-sensor", "lobby-screen")
    env = ansible_env(fresh_emulator)
    config = write_config(tmp_path, {"fleets": ["demo/air-quality", "demo/digital-signage"]})
    twins = {name: variables["balena_uuid"] for name, variables in inventory_list(config, env)["_meta"]["hostvars"].items()
             if name.startswith("lobby-screen")}
    assert len(twins) == 2 and "lobby-screen" not in twins
    roof = next(uuid for uuid in twins.values()
                if inventory_list(config, env)["_meta"]["hostvars"]["lobby-screen-" + uuid[:7]]["balena_fleet"] == "demo/air-quality")
    headers = {"Authorization": "Bearer " + fresh_emulator.credentials["api_key"]}
    requests.delete(fresh_emulator.url + "/v7/device", params={"$filter": "uuid eq '{0}'".format(roof)},
                    headers=headers, timeout=30).raise_for_status()
    survivor = inventory_list(config, env)["_meta"]["hostvars"]
    assert "lobby-screen" in survivor and not [name for name in survivor if name.startswith("lobby-screen-")]

    documentation = " ".join(run([BIN / "ansible-doc", "-t", "inventory", "balena.cloud.balena"], env).stdout.split())
    assert "the one left gets the plain name again" in documentation
    assert "Names that never change while the device exists are `uuid' and `short_uuid'" in documentation
