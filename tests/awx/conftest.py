"""Fixtures of the AWX tests: a project as AWX checks it out, and the credential's environment."""
from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from awx_emulation import injected_env

SOURCE_PATH = "inventories/fleet.balena.yml"
PLAYBOOK = "playbooks/tag_devices.yml"

# The inventory source of the how-to: names that stay the same from one sync to the next.
SOURCE = {"plugin": "balena.cloud.balena", "hostnames": ["uuid"]}

PLAY = [{
    "name": "Tag each device with the job that reached it",
    "hosts": "all",
    "gather_facts": False,
    "module_defaults": {"group/balena.cloud.balena": {"timeout": 20}},
    "tasks": [{
        "name": "Tag the device",
        "balena.cloud.balena_tag": {"device": "{{ balena_uuid }}", "tags": {"awx_job": "{{ awx_job_id }}"}},
    }],
}]


def write_project(directory, source=None):
    """A project checkout: the inventory source file and the job's playbook."""
    (directory / "inventories").mkdir(parents=True)
    (directory / "playbooks").mkdir()
    (directory / SOURCE_PATH).write_text(yaml.safe_dump(source or SOURCE, sort_keys=False), encoding="utf-8")
    (directory / PLAYBOOK).write_text(yaml.safe_dump(PLAY, sort_keys=False), encoding="utf-8")
    return directory


def pytest_collection_modifyitems(items):
    # ansible-runner starts ansible in a pty, as AWX does, from pytest's threaded process.
    for item in items:
        if Path(__file__).parent in Path(str(item.fspath)).parents:
            item.add_marker(pytest.mark.filterwarnings("ignore:This process .* use of forkpty:DeprecationWarning"))


@pytest.fixture(autouse=True)
def _no_controller_settings(monkeypatch):
    """ansible-runner passes its own environment on: keep the test runner's settings out of it."""
    for name in list(os.environ):
        if name.startswith(("ANSIBLE_", "BALENA_")):
            monkeypatch.delenv(name)


@pytest.fixture
def emulator(suite_emulator):
    """The syncs only read, and compare the whole demo world: an emulator other suites leave alone."""
    return suite_emulator("awx")


@pytest.fixture
def project(tmp_path):
    return write_project(tmp_path / "checkout")


def credential_env_for(emulator, **inputs):
    """The environment of a balena API credential for this emulator, as its injectors set it."""
    values = {"api_url": emulator.url, "api_key": emulator.credentials["api_key"], "validate_certs": True}
    values.update(inputs)
    return injected_env(values)


@pytest.fixture
def credential_env(emulator):
    return credential_env_for(emulator)
