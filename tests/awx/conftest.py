"""Fixtures of the AWX tests: a project as AWX checks it out, and the credential's environment."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from awx_project import credential_env_for, write_project


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


@pytest.fixture
def credential_env(emulator):
    return credential_env_for(emulator)
