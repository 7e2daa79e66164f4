"""Seeds a new database once, and remembers what it created for later restarts."""
from __future__ import annotations

import json
import sys

from ..app import RuntimeState

SEEDED = "seeded"
CREDENTIALS = "credentials"


def seed_once(world, kind: str, devices: int = 0) -> dict:
    """Seeds `world` unless its database was seeded before; returns the seeded credentials."""
    state = RuntimeState(world.store)
    if state.get(SEEDED):
        if devices:
            print("emulator: the database is already seeded; --seed and --devices are ignored", file=sys.stderr)
        return json.loads(state.get(CREDENTIALS) or "{}")
    if world.store is None:
        return {}
    from . import bulk_devices, demo, reference
    with world.store.transaction() as tx:
        device_types = reference.seed(tx)
        credentials = demo.seed(tx, device_types) if kind == "demo" else demo.seed_single_user(tx)
    if devices:
        bulk_devices.seed(world, devices)
    state.set(CREDENTIALS, json.dumps(credentials))
    state.set(SEEDED, kind)
    return credentials
