"""Fixtures of the inventory tests: an emulator of their own, and an environment for ansible commands."""
from __future__ import annotations

import pytest

from inventory_runner import ansible_env


@pytest.fixture
def emulator(suite_emulator):
    """The golden files describe the demo world exactly, so these tests use an emulator that other
    suites (which add fleets and devices to the shared one) never touch."""
    return suite_emulator("inventory")


@pytest.fixture
def env(emulator):
    """Environment for ansible commands against the inventory's demo emulator, with its request log cleared."""
    emulator.clear_request_log()
    return ansible_env(emulator)
