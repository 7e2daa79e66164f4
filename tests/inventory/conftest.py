"""Fixtures of the inventory tests: a config file directory and the request log of the shared emulator."""
from __future__ import annotations

import pytest

from inventory_runner import ansible_env


@pytest.fixture
def env(emulator):
    """Environment for ansible commands against the shared demo emulator, with its request log cleared."""
    emulator.clear_request_log()
    return ansible_env(emulator)
