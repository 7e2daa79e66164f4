"""Every task in the EXAMPLES of balena_env_var and balena_tag runs against the emulator.

The examples name a made-up fleet, devices and release; they are swapped for real ones of the
emulator's demo data before the tasks run.
"""
from __future__ import annotations

import pytest
import requests
import yaml

from ansible_collections.balena.cloud.plugins.modules import balena_env_var, balena_tag

from .module_runner import run_module

EXAMPLE_FLEET = "myorg/signage"
EXAMPLE_DEVICES = ("6b05e5bba28df79d5eab5e1aa2c6300b", "94a329f30eb108ad88dcc8741b342c12")
EXAMPLE_RELEASE = "f14ab6f048ecb540a2b22509a81161fd"


def module_tasks(tasks, module_name):
    """``(name, args)`` of every task calling the module, blocks included."""
    found = []
    for task in tasks:
        if "block" in task:
            found.extend(module_tasks(task["block"], module_name))
        elif "balena.cloud." + module_name in task:
            found.append((task["name"], task["balena.cloud." + module_name]))
    return found


def demo_release_commit(emulator):
    answer = requests.get(emulator.url + "/v7/release", timeout=30,
                          params="$select=commit&$filter=belongs_to__application/any(a:a/slug eq '%s')" % emulator.credentials["fleet"],
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]})
    answer.raise_for_status()
    return answer.json()["d"][0]["commit"]


@pytest.mark.parametrize("module", [balena_env_var, balena_tag], ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_examples_run(fresh_emulator, module):
    credentials = fresh_emulator.credentials
    text = module.EXAMPLES.replace(EXAMPLE_FLEET, credentials["fleet"])
    text = text.replace(EXAMPLE_DEVICES[0], credentials["device"]["uuid"])
    text = text.replace(EXAMPLE_DEVICES[1], credentials["offline_device"]["uuid"])
    text = text.replace(EXAMPLE_RELEASE, demo_release_commit(fresh_emulator))
    tasks = module_tasks(yaml.safe_load(text), module.__name__.rsplit(".", 1)[-1])
    assert tasks
    auth = {"api_url": fresh_emulator.url, "api_key": credentials["api_key"]}
    for name, args in tasks:
        result = run_module(module.main, dict(args, **auth))
        assert not result.get("failed"), "example %r failed: %s" % (name, result.get("msg"))
