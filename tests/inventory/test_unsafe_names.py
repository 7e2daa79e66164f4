"""A name taken from device data never makes a device the controller (localhost) nor an unaddressable host."""
from __future__ import annotations

import sys

import pytest
import yaml

from inventory_runner import (
    BIN, ansible_env, device_uuid, hosts_of, inventory_list_with_stderr, rename_device, run, write_config,
)

UNSAFE = ["localhost", "127.0.0.1", "::1", "localhost.localdomain", "LOCALHOST", "-rf", "lobby screen", "web,db",
          "a:b", "all*", "~regex", "@file", "127.1", "0", "0x7f000001", "2130706433", "127.000.000.001", "0177.0.0.1",
          "", "   "]


@pytest.mark.parametrize("name", UNSAFE)
def test_an_unsafe_device_name_falls_back_to_the_uuid_with_a_warning(fresh_emulator, tmp_path, name):
    uuid = device_uuid(fresh_emulator, "lobby-screen")
    rename_device(fresh_emulator, "lobby-screen", name)
    listing, stderr = inventory_list_with_stderr(write_config(tmp_path, {"fleets": ["demo/digital-signage"]}),
                                                 ansible_env(fresh_emulator))
    assert name not in hosts_of(listing)
    assert uuid in hosts_of(listing)
    assert listing["_meta"]["hostvars"][uuid]["balena_device_name"] == name
    assert "device {0} is named {0} instead of".format(uuid) in " ".join(stderr.split())


def test_a_template_cannot_produce_localhost_either(env, tmp_path):
    config = write_config(tmp_path, {"fleets": ["demo/lab-prototypes"], "hostnames": ["{{ 'local' ~ 'host' }}"]})
    listing, stderr = inventory_list_with_stderr(config, env)
    assert "localhost" not in hosts_of(listing) and len(hosts_of(listing)) == 1
    assert "controller itself" in stderr


def test_delegate_to_localhost_stays_on_the_controller(fresh_emulator, tmp_path):
    rename_device(fresh_emulator, "lobby-screen", "localhost")
    env = ansible_env(fresh_emulator)
    # cloudlink: before the fix, the play went to the tunnel on loopback, never to a LAN address.
    config = write_config(tmp_path, {"fleets": ["demo/digital-signage"], "connection_mode": "cloudlink"})
    marker = tmp_path / "written-on-the-controller"
    playbook = tmp_path / "delegate.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "gather_facts": False,
        "vars": {"ansible_python_interpreter": sys.executable},
        "tasks": [{"name": "Write a file where localhost is", "ansible.builtin.copy": {
            "dest": str(marker), "content": "{{ ansible_connection | default('implicit') }}", "mode": "0600"}}],
    }]), encoding="utf-8")
    result = run([BIN / "ansible-playbook", "-i", str(config), str(playbook)], env)
    assert "failed=0" in result.stdout and "unreachable=0" in result.stdout
    assert marker.read_text(encoding="utf-8") == "local"
