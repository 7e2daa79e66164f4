"""Every task in the EXAMPLES of the fleet, device, release and device action modules runs against
the emulator, in order, on fresh demo data.

The examples name a made-up organization, fleets, devices and release; they are swapped for real
ones of the demo data before the tasks run.
"""
from __future__ import annotations

import pytest
import requests
import yaml

from ansible_collections.balena.cloud.plugins.modules import (
    balena_application,
    balena_application_info,
    balena_device,
    balena_device_action,
    balena_device_info,
    balena_release,
    balena_release_info,
)

from .module_runner import run_module
from .test_examples import module_tasks

MODULES = [balena_application, balena_application_info, balena_device, balena_device_action, balena_device_info,
           balena_release, balena_release_info]
EXAMPLE_DEVICES = ("6b05e5bba28df79d5eab5e1aa2c6300b", "94a329f30eb108ad88dcc8741b342c12")
EXAMPLE_COMMIT = "2f1c0a9d7e6b5a4c3d2e1f0a9b8c7d6e"


def api_get(emulator, path, params):
    answer = requests.get(emulator.url + "/v7/" + path, params=params, timeout=30,
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]})
    answer.raise_for_status()
    return answer.json()["d"]


def substituted(text, emulator):
    credentials = emulator.credentials
    fleet = credentials["fleet"]
    commit = api_get(emulator, "release", "$select=commit&$orderby=id asc&$filter=belongs_to__application/any(a:a/slug eq '%s')" % fleet)[0]["commit"]
    for example, real in (
        ("myorg/signage-eu", credentials["writable_fleets"][1]),
        ("myorg/signage", fleet),
        ("name: signage\n", "name: %s\n" % fleet.split("/")[1]),
        ("myorg", credentials["organization"]),
        (EXAMPLE_DEVICES[0], credentials["device"]["uuid"]),
        (EXAMPLE_DEVICES[1], credentials["offline_device"]["uuid"]),
        (EXAMPLE_COMMIT, commit),
    ):
        text = text.replace(example, real)
    return text


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_examples_run(fresh_emulator, module):
    name = module.__name__.rsplit(".", 1)[-1]
    tasks = module_tasks(yaml.safe_load(substituted(module.EXAMPLES, fresh_emulator)), name)
    assert tasks
    auth = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"]}
    for task_name, args in tasks:
        result = run_module(module.main, dict(args, **auth))
        assert not result.get("failed"), "example %r failed: %s" % (task_name, result.get("msg"))
