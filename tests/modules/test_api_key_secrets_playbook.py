"""A key's value never shows in `ansible-playbook -vvvv --diff` output of runs that create nothing."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from ansible_collections.balena.cloud.plugins.modules import balena_api_key

from tests.inventory.inventory_runner import BIN, ansible_env, run

from .module_runner import run_module


def test_values_stay_out_of_verbose_diff_output(fresh_emulator, tmp_path):
    credentials = fresh_emulator.credentials
    fleet = credentials["fleet"]
    auth = {"api_url": fresh_emulator.url, "api_key": credentials["api_key"]}
    created = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="line-9", description="first"))
    assert created["changed"] and created["key"]
    key_task = {"fleet": fleet, "name": "line-9", "description": "first"}
    playbook = Path(tmp_path) / "keys.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "connection": "local", "gather_facts": False,
        "tasks": [
            {"name": "Unchanged key", "balena.cloud.balena_api_key": key_task},
            {"name": "Changed description", "balena.cloud.balena_api_key": dict(key_task, description="second")},
            {"name": "Rotation in check mode", "balena.cloud.balena_api_key": dict(key_task, rotate=True), "check_mode": True},
            {"name": "New key in check mode", "balena.cloud.balena_api_key": dict(key_task, name="line-10"), "check_mode": True},
            {"name": "The fleet's keys", "balena.cloud.balena_api_key_info": {"fleet": fleet}},
            {"name": "The device's keys", "balena.cloud.balena_api_key_info": {"device": credentials["device"]["uuid"]}},
            {"name": "Revoke in check mode", "balena.cloud.balena_api_key": dict(key_task, state="absent"), "check_mode": True},
        ],
    }]), encoding="utf-8")
    command = [BIN / "ansible-playbook", "-i", "localhost,", "-vvvv", "--diff", str(playbook),
               "-e", json.dumps({"ansible_python_interpreter": sys.executable})]
    result = run(command, ansible_env(fresh_emulator, ANSIBLE_INVENTORY_ENABLED="host_list"))
    output = result.stdout + result.stderr
    assert "failed=0" in result.stdout and "changed=4" in result.stdout
    for secret in (created["key"], credentials["api_key"], credentials["provisioning_key"]["key"], credentials["device"]["api_key"]):
        assert secret not in output
    assert '"name": "line-9"' in output  # the keys were listed, only without their values
