"""Credentials given through the environment, as AWX's credential injectors give them: the inventory plugin and
the modules check them alike, name the environment variable a bad value came from and never show the key."""
from __future__ import annotations

import sys

import pytest

from inventory_runner import ansible_env, inventory_failure, inventory_list, run, write_config

PLAYBOOK = """\
- name: Read the fleets with the credentials of the environment
  hosts: localhost
  gather_facts: false
  tasks:
    - name: List fleets
      balena.cloud.balena_application_info:
"""


def module_failure(tmp_path, env):
    playbook = tmp_path / "fleets.yml"
    playbook.write_text(PLAYBOOK, encoding="utf-8")
    env = dict(env, ANSIBLE_INVENTORY_ENABLED="host_list")
    result = run(["ansible-playbook", "-i", "localhost,", "-c", "local", "-e", "ansible_python_interpreter=" + sys.executable,
                  str(playbook)], env, check=False)
    assert result.returncode != 0, result.stdout
    return " ".join((result.stdout + result.stderr).split())


@pytest.mark.parametrize("around", [" {0}", "{0} ", "{0}\n", "\t{0}\r\n"], ids=["space-before", "space-after",
                                                                             "newline", "tab-and-crlf"])
def test_a_key_with_white_space_around_it_fails_alike_naming_the_variable(emulator, tmp_path, around):
    key = emulator.credentials["api_key"]
    env = ansible_env(emulator, api_key=around.format(key))
    expected = "api_key (from BALENA_API_KEY): starts or ends with white space"
    inventory_error = " ".join(inventory_failure(write_config(tmp_path, {}), env).split())
    assert expected in inventory_error
    assert "cannot reach" not in inventory_error
    module_error = module_failure(tmp_path, env)
    assert expected in module_error
    for output in (inventory_error, module_error):
        assert key not in output


def test_a_key_from_balena_api_token_is_named_so(emulator, tmp_path):
    env = ansible_env(emulator)
    env["BALENA_API_TOKEN"] = env.pop("BALENA_API_KEY") + " "
    expected = "api_key (from BALENA_API_TOKEN): starts or ends with white space"
    assert expected in " ".join(inventory_failure(write_config(tmp_path, {}), env).split())
    assert expected in module_failure(tmp_path, env)


def test_a_key_in_the_inventory_file_is_named_without_a_variable(emulator, tmp_path):
    env = ansible_env(emulator)
    key = env.pop("BALENA_API_KEY")
    error = " ".join(inventory_failure(write_config(tmp_path, {"api_key": key + " "}), env).split())
    assert "api_key: starts or ends with white space" in error and key not in error


def test_a_validate_certs_variable_that_is_no_boolean_fails_alike_naming_it(emulator, tmp_path):
    env = ansible_env(emulator, BALENA_VALIDATE_CERTS="maybe")
    expected = "validate_certs (from BALENA_VALIDATE_CERTS): 'maybe' is not a boolean"
    assert expected in " ".join(inventory_failure(write_config(tmp_path, {}), env).split())
    assert expected in module_failure(tmp_path, env)


def test_valid_values_from_the_environment_still_work(emulator, tmp_path):
    env = ansible_env(emulator, BALENA_VALIDATE_CERTS="yes")
    assert inventory_list(write_config(tmp_path, {}), env)["_meta"]["hostvars"]
