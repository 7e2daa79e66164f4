"""A store with the real schema and hooks, and a small fleet to write against."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from emulator.hooks import all as all_hooks
from emulator.hooks import reference_rows
from emulator.schema.registry import RESOURCES
from emulator.store.store import Store


@pytest.fixture
def store():
    all_hooks.load()
    world = SimpleNamespace(store=None, base_url="http://127.0.0.1:8080")
    world.store = Store(":memory:", RESOURCES, world=world)
    with world.store.transaction() as tx:
        reference_rows.insert_all(tx)
    yield world.store
    world.store.close()


@pytest.fixture
def fleet(store):
    """ids of: two architectures and device types, a user administering an org, its fleet and service."""
    with store.transaction() as tx:
        aarch64 = tx.insert("cpu_architecture", {"slug": "aarch64"})
        armv7 = tx.insert("cpu_architecture", {"slug": "armv7hf"})
        rpi4 = tx.insert("device_type", {"slug": "raspberrypi4-64", "name": "Raspberry Pi 4",
                                         "is_of__cpu_architecture": aarch64})
        rpi3 = tx.insert("device_type", {"slug": "raspberrypi3", "name": "Raspberry Pi 3",
                                         "is_of__cpu_architecture": armv7})
        nuc = tx.insert("device_type", {"slug": "generic-aarch64", "name": "Generic AARCH64",
                                        "is_of__cpu_architecture": aarch64})
        user = tx.insert("user", {"username": "demo", "email": "demo@example.com"})
        org = tx.insert("organization", {"name": "demo", "handle": "demo"})
        admin_role = reference_rows.ensure(tx, "organization_membership_role", "administrator")
        tx.insert("organization_membership", {"user": user, "is_member_of__organization": org,
                                              "organization_membership_role": admin_role})
        app = tx.insert("application", {"app_name": "myfleet", "organization": org, "is_for__device_type": rpi4})
        service = tx.insert("service", {"application": app, "service_name": "main"})
    return SimpleNamespace(aarch64=aarch64, armv7=armv7, rpi4=rpi4, rpi3=rpi3, nuc=nuc, user=user, org=org,
                           app=app, service=service)
