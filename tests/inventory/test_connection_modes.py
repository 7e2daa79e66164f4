"""connection_mode: api, local, cloudlink and none, and templated auth options."""
from __future__ import annotations

import json
import os
import sys

from inventory_runner import REPO_ROOT, ansible_env, inventory_list, write_config

LOBBY = "lobby-screen"


def _lobby(env, tmp_path, **config):
    listing = inventory_list(write_config(tmp_path, dict({"fleets": ["demo/digital-signage"]}, **config)), env)
    return listing["_meta"]["hostvars"][LOBBY]


def _connection_vars(variables):
    return {name: value for name, value in variables.items() if name.startswith("ansible_")}


def test_api_mode_is_the_default_and_names_no_interpreter(env, tmp_path):
    # The Python of the machine that syncs the inventory means nothing where an AWX job runs.
    assert _connection_vars(_lobby(env, tmp_path)) == {"ansible_connection": "local"}


def test_api_mode_interpreter_only_when_asked(env, tmp_path):
    variables = _connection_vars(_lobby(env, tmp_path, python_interpreter="/opt/balena/bin/python3"))
    assert variables == {"ansible_connection": "local", "ansible_python_interpreter": "/opt/balena/bin/python3"}


def test_none_mode_sets_nothing(env, tmp_path):
    assert _connection_vars(_lobby(env, tmp_path, connection_mode="none")) == {}


def test_local_mode_uses_a_lan_address(env, tmp_path):
    variables = _lobby(env, tmp_path, connection_mode="local")
    assert _connection_vars(variables) == {
        "ansible_connection": "ssh", "ansible_host": "192.168.141.135", "ansible_port": 22222, "ansible_user": "root",
    }
    preferred = _lobby(env, tmp_path, connection_mode="local", local_networks=["10.0.0.0/8"])
    assert preferred["ansible_host"] == "10.25.115.2"


def test_cloudlink_mode_names_the_connection_plugin_and_nothing_of_the_syncing_machine(env, emulator, tmp_path):
    variables = _lobby(env, tmp_path, connection_mode="cloudlink")
    assert _connection_vars(variables) == {
        "ansible_connection": "balena.cloud.cloudlink",
        "ansible_host": variables["balena_uuid"] + ".balena",
        "ansible_port": 22222,
        "ansible_user": "demo",
        "ansible_balena_username": "demo",
        "ansible_balena_tunnel_host": "127.0.0.1",
        "ansible_balena_tunnel_port": 443,
        "ansible_balena_tunnel_tls": True,
        "ansible_balena_tunnel_validate_certs": True,
    }
    text = json.dumps(variables)
    assert emulator.credentials["api_key"] not in text
    assert str(REPO_ROOT) not in text and sys.executable not in text and os.path.expanduser("~") not in text


def test_cloudlink_writes_no_token_file_at_sync_time(env, tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    env["HOME"] = str(home)
    _lobby(env, tmp_path, connection_mode="cloudlink")
    assert [path for path in home.rglob("*") if "balena" in path.name or path.suffix == ".token"] == []


def test_cloudlink_tunnel_options(emulator, tmp_path):
    env = ansible_env(emulator)
    variables = _lobby(env, tmp_path, connection_mode="cloudlink", cloudlink_tunnel_host="tunnel.example.test",
                       cloudlink_tunnel_port=8443, cloudlink_tunnel_tls=False)
    assert variables["ansible_balena_tunnel_host"] == "tunnel.example.test"
    assert variables["ansible_balena_tunnel_port"] == 8443
    assert variables["ansible_balena_tunnel_tls"] is False


def test_cloudlink_reads_whoami_once(env, emulator, tmp_path):
    inventory_list(write_config(tmp_path, {"connection_mode": "cloudlink"}), env)
    whoami = [entry for entry in emulator.request_log() if "whoami" in entry["path"]]
    assert len(whoami) == 1


def test_auth_options_can_come_from_templates(emulator, tmp_path):
    env = ansible_env()
    env["KEY_FROM_ENV"] = emulator.credentials["api_key"]
    config = {"api_url": "{{ balena_emulator_url }}", "api_key": "{{ lookup('ansible.builtin.env', 'KEY_FROM_ENV') }}",
              "fleets": ["demo/lab-prototypes"]}
    listing = inventory_list(write_config(tmp_path, config), env, "-e", "balena_emulator_url=" + emulator.url)
    assert list(listing["_meta"]["hostvars"]) == ["bench-nuc"]


def test_api_token_alias_and_environment_fallback(emulator, tmp_path):
    env = ansible_env()
    env["BALENA_API_URL"] = emulator.url
    env["BALENA_API_TOKEN"] = emulator.credentials["api_key"]
    listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/lab-prototypes"]}), env)
    assert list(listing["_meta"]["hostvars"]) == ["bench-nuc"]
    env = ansible_env()
    config = {"api_url": emulator.url, "api_token": emulator.credentials["api_key"], "fleets": ["demo/lab-prototypes"]}
    assert list(inventory_list(write_config(tmp_path, config), env)["_meta"]["hostvars"]) == ["bench-nuc"]
