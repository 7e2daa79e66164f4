"""connection_mode: api, local, cloudlink and none, and templated auth options."""
from __future__ import annotations

import os
import shlex
import stat
from pathlib import Path

from inventory_runner import BIN, ansible_env, inventory_list, write_config

LOBBY = "lobby-screen"


def _lobby(env, tmp_path, **config):
    listing = inventory_list(write_config(tmp_path, dict({"fleets": ["demo/digital-signage"]}, **config)), env)
    return listing["_meta"]["hostvars"][LOBBY]


def _connection_vars(variables):
    return {name: value for name, value in variables.items() if name.startswith("ansible_")}


def test_api_mode_is_the_default(env, tmp_path):
    variables = _connection_vars(_lobby(env, tmp_path))
    assert variables.pop("ansible_connection") == "local"
    # Modules run with the controller's Python, the one that runs Ansible (as for the implicit localhost).
    assert Path(variables.pop("ansible_python_interpreter")).parent == BIN
    assert variables == {}


def test_none_mode_sets_nothing(env, tmp_path):
    assert _connection_vars(_lobby(env, tmp_path, connection_mode="none")) == {}


def test_local_mode_uses_a_lan_address(env, tmp_path):
    variables = _lobby(env, tmp_path, connection_mode="local")
    assert _connection_vars(variables) == {
        "ansible_connection": "ssh", "ansible_host": "192.168.141.135", "ansible_port": 22222, "ansible_user": "root",
    }
    preferred = _lobby(env, tmp_path, connection_mode="local", local_networks=["10.0.0.0/8"])
    assert preferred["ansible_host"] == "10.25.115.2"


def _proxy_words(variables):
    words = shlex.split(variables["ansible_ssh_common_args"])
    assert words[0] == "-o" and words[1].startswith("ProxyCommand=")
    return shlex.split(words[1][len("ProxyCommand="):])


def test_cloudlink_mode(env, emulator, tmp_path):
    token_file = tmp_path / "secrets" / "token"
    variables = _lobby(env, tmp_path, connection_mode="cloudlink", cloudlink_token_file=str(token_file))
    assert variables["ansible_host"] == variables["balena_uuid"] + ".balena"
    assert variables["ansible_port"] == 22222
    assert variables["ansible_user"] == "demo"
    assert variables["ansible_connection"] == "ssh"
    words = _proxy_words(variables)
    assert words[0] == "python3" and words[1].endswith("/plugins/plugin_utils/cloudlink_proxy.py")
    assert os.path.isfile(words[1])
    assert words[words.index("--tunnel-host") + 1] == "127.0.0.1"
    assert words[words.index("--tunnel-port") + 1] == "443"
    assert words[words.index("--username") + 1] == "demo"
    assert words[words.index("--token-file") + 1] == str(token_file)
    assert words[-2:] == ["%h", "%p"]
    token = emulator.credentials["api_key"]
    assert token not in variables["ansible_ssh_common_args"]
    assert token_file.read_text(encoding="utf-8") == token
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600
    assert stat.S_IMODE(token_file.parent.stat().st_mode) == 0o700


def test_cloudlink_tunnel_derivation_and_options(emulator, tmp_path):
    env = ansible_env(emulator)
    variables = _lobby(env, tmp_path, connection_mode="cloudlink", cloudlink_token="environment",
                       cloudlink_tunnel_host="127.0.0.1", cloudlink_tunnel_port=8443, cloudlink_tunnel_tls=False,
                       cloudlink_python="/usr/bin/python3")
    words = _proxy_words(variables)
    assert words[0] == "/usr/bin/python3"
    assert "--no-tls" in words and "--token-file" not in words
    assert words[words.index("--tunnel-port") + 1] == "8443"


def test_cloudlink_reads_whoami_once(env, emulator, tmp_path):
    inventory_list(write_config(tmp_path, {"connection_mode": "cloudlink", "cloudlink_token": "environment"}), env)
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
