"""Inventory syncs as AWX runs them: a source file from a project, the credential's environment,
AWX's inventory-update settings, `ansible-inventory --list --export` through ansible-runner."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from awx_emulation import COLLECTIONS_ROOT, REPO_ROOT, import_hosts, inventory_update
from awx_project import SOURCE, SOURCE_PATH, write_project
from tests.inventory.inventory_runner import unwrap


def sync(tmp_path, project, credential_env, name="sync"):
    """The update's output with plain strings where ansible-inventory marks them unsafe."""
    return unwrap(inventory_update(tmp_path / name, project, SOURCE_PATH, credential_env))


def test_a_sync_imports_every_device_under_its_uuid(tmp_path, project, credential_env):
    listing = sync(tmp_path, project, credential_env)
    hostvars = listing["_meta"]["hostvars"]
    assert len(hostvars) == 13
    assert all(name == variables["balena_uuid"] for name, variables in hostvars.items())
    assert "fleet_demo_air_quality" in listing


def test_two_syncs_give_the_same_host_names(tmp_path, project, credential_env):
    first = sync(tmp_path, project, credential_env, "first")
    second = sync(tmp_path, project, credential_env, "second")
    assert sorted(first["_meta"]["hostvars"]) == sorted(second["_meta"]["hostvars"])


def test_the_online_state_serves_as_awx_enabled_var(tmp_path, project, credential_env):
    hostvars = sync(tmp_path, project, credential_env)["_meta"]["hostvars"]
    hosts = import_hosts({"_meta": {"hostvars": hostvars}}, enabled_var="balena_is_online", enabled_value="True")
    enabled = {name for name, (_variables, is_enabled) in hosts.items() if is_enabled}
    assert enabled == {name for name, variables in hostvars.items() if variables["balena_is_online"] is True}
    assert 0 < len(enabled) < len(hostvars)


@pytest.mark.parametrize("connection", [
    {"connection_mode": "api"},
    {"connection_mode": "local"},
    {"connection_mode": "cloudlink"},
])
def test_nothing_of_the_sync_machine_is_in_the_host_variables(
        tmp_path, monkeypatch, emulator, credential_env, connection):
    """AWX stores the variables and runs jobs elsewhere (another execution node, another image):
    no path of the machine that synced may end up in them, nor the API key."""
    home = tmp_path / "home"
    home.mkdir()
    monkeypatch.setenv("HOME", str(home))
    project = write_project(tmp_path / "checkout", dict(SOURCE, **connection))
    listing = sync(tmp_path, project, credential_env)
    machine = {str(path) for path in (REPO_ROOT, COLLECTIONS_ROOT, home, tmp_path, sys.prefix, sys.base_prefix,
                                      Path(sys.executable).resolve().parent, os.path.realpath(sys.prefix))}
    found = [(host, value) for host, variables in listing["_meta"]["hostvars"].items()
             for value in _strings(variables) if any(path in value for path in machine)]
    assert found == []
    assert emulator.credentials["api_key"] not in json.dumps(listing)


def _strings(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)
    elif isinstance(value, str):
        yield value
