"""Fixtures for driving the official balena SDK against the emulator.

The emulators themselves come from the suite-wide `emulator` (shared, demo data) and
`fresh_emulator` (one per test, for destructive tests) fixtures.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import pytest

from .admin_api import AdminApi
from .official_sdk import login
from .world_factory import WorldFactory

CREDENTIAL_KEYS = ("api_url", "username", "email", "password", "api_key", "organization", "admin_token")


@dataclass
class EmulatorAccess:
    """What a test needs from a running emulator, whichever fixture started it."""
    url: str
    credentials: dict
    handle: Any = field(repr=False)

    @property
    def admin_headers(self) -> dict:
        return {"Authorization": f"Bearer {self.credentials['admin_token']}"}

    @property
    def admin(self) -> AdminApi:
        return AdminApi(self.url, self.admin_headers)

    def request_log(self) -> list:
        return self.handle.request_log()


def _credentials_of(handle) -> dict:
    raw = handle.credentials
    if isinstance(raw, dict):
        return dict(raw)
    found = {key: getattr(raw, key) for key in dir(raw) if not key.startswith("_")}
    return {key: value for key, value in found.items() if not callable(value)}


def _access(handle) -> EmulatorAccess:
    credentials = _credentials_of(handle)
    missing = [key for key in CREDENTIAL_KEYS if key not in credentials]
    assert not missing, f"the credentials file lacks {missing}"
    return EmulatorAccess(url=handle.url.rstrip("/"), credentials=credentials, handle=handle)


@pytest.fixture(scope="session")
def emulator_access(emulator) -> EmulatorAccess:
    return _access(emulator)


@pytest.fixture
def fresh_access(fresh_emulator) -> EmulatorAccess:
    return _access(fresh_emulator)


@pytest.fixture(scope="session")
def credentials(emulator_access) -> dict:
    return emulator_access.credentials


@pytest.fixture(scope="session")
def admin(emulator_access) -> AdminApi:
    return emulator_access.admin


@pytest.fixture(scope="session")
def balena(emulator_access):
    """The official SDK, logged in as the demo user. Tests must not log it out."""
    return login(emulator_access.url, emulator_access.credentials)


@pytest.fixture(scope="session")
def factory(balena, admin, credentials) -> WorldFactory:
    return WorldFactory(balena, admin, credentials["organization"])


@pytest.fixture
def fresh_balena(fresh_access):
    return login(fresh_access.url, fresh_access.credentials)


@pytest.fixture
def fresh_factory(fresh_balena, fresh_access) -> WorldFactory:
    return WorldFactory(fresh_balena, fresh_access.admin, fresh_access.credentials["organization"])
