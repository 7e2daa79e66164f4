"""The real schema, hooks and OData engine over an in-memory store, with two tenants."""
from __future__ import annotations

from types import SimpleNamespace

import pytest

from emulator.auth.caller import ADMIN, DEVICE, USER, Caller
from emulator.hooks import all as all_hooks
from emulator.hooks import reference_rows
from emulator.odata.service import ODataService
from emulator.schema.registry import RESOURCES
from emulator.store.store import Store


@pytest.fixture
def world():
    all_hooks.load()
    world = SimpleNamespace(store=None, base_url="http://127.0.0.1:8080")
    world.store = Store(":memory:", RESOURCES, world=world)
    world.odata = ODataService(world)
    with world.store.transaction() as tx:
        reference_rows.insert_all(tx)
    yield world
    world.store.close()


def _tenant(tx, name: str, device_type: int) -> SimpleNamespace:
    user = tx.insert("user", {"username": name, "email": f"{name}@example.com"})
    org = tx.insert("organization", {"name": name, "handle": name})
    role = reference_rows.ensure(tx, "organization_membership_role", "administrator")
    tx.insert("organization_membership", {"user": user, "is_member_of__organization": org,
                                          "organization_membership_role": role})
    app = tx.insert("application", {"app_name": f"{name}-fleet", "organization": org,
                                    "is_for__device_type": device_type})
    device = tx.insert("device", {"belongs_to__application": app, "is_of__device_type": device_type})
    tx.insert("device_tag", {"device": device, "tag_key": "owner", "value": name})
    user_row = tx.get("user", user)
    device_row = tx.get("device", device)
    return SimpleNamespace(
        user=user, org=org, app=app, device=device,
        caller=Caller(kind=USER, user_id=user, actor_id=user_row["actor"], org_ids=frozenset({org}),
                      admin_org_ids=frozenset({org}), app_ids=frozenset({app}), writable_app_ids=frozenset({app})),
        device_caller=Caller(kind=DEVICE, device_id=device, actor_id=device_row["actor"]),
    )


@pytest.fixture
def tenants(world):
    with world.store.transaction() as tx:
        arch = tx.insert("cpu_architecture", {"slug": "aarch64"})
        device_type = tx.insert("device_type", {"slug": "raspberrypi4-64", "name": "Raspberry Pi 4",
                                                "is_of__cpu_architecture": arch})
        tx.insert("device_type_alias", {"device_type": device_type, "is_referenced_by__alias": "raspberrypi4-64"})
        alice = _tenant(tx, "alice", device_type)
        bob = _tenant(tx, "bob", device_type)
        public = tx.insert("application", {"app_name": "raspberrypi4-64", "organization": bob.org,
                                           "is_for__device_type": device_type, "is_host": True, "is_public": True})
    return SimpleNamespace(alice=alice, bob=bob, public_fleet=public, device_type=device_type,
                           admin=Caller(kind=ADMIN))
