"""A playbook in `api` mode: each inventory host manages itself through the API (balena_env_var)."""
from __future__ import annotations

from pathlib import Path

import yaml

from inventory_runner import BIN, ansible_env, inventory_list, run, write_config

AIR = ["basement-sensor", "garage-sensor", "roof-sensor"]


def _playbook(tmp_path):
    path = Path(tmp_path) / "set-var.yml"
    path.write_text(yaml.safe_dump([{
        "hosts": "fleet_demo_air_quality", "gather_facts": False,
        "tasks": [{"name": "Record each device's inventory name on the device",
                   "balena.cloud.balena_env_var": {"device": "{{ balena_uuid }}", "name": "INVENTORY_HOST",
                                                   "value": "{{ inventory_hostname }}"}}],
    }]), encoding="utf-8")
    return path


def test_per_device_variable_through_the_api(fresh_emulator, tmp_path):
    env = ansible_env(fresh_emulator)
    config = write_config(tmp_path, {"fleets": ["demo/air-quality"]})
    # The inventory names no interpreter: the documented group_vars line picks the one that runs the play.
    (Path(tmp_path) / "group_vars").mkdir()
    (Path(tmp_path) / "group_vars" / "all.yml").write_text(
        'ansible_python_interpreter: "{{ ansible_playbook_python }}"\n', encoding="utf-8")
    first = run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path))], env)
    assert "changed=1" in first.stdout and "failed=0" in first.stdout

    again = run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path))], env)
    assert "changed=0" in again.stdout

    listing = inventory_list(write_config(tmp_path, {"fleets": ["demo/air-quality"], "fetch_variables": True}), env)
    for host in AIR:
        assert listing["_meta"]["hostvars"][host]["balena_env"]["INVENTORY_HOST"] == host
