"""The `api` fixture: a served emulator holding the known world of routes_world.py."""
from __future__ import annotations

import pytest

from emulator.app import build_world
from routes_world import Api, populate, serve


@pytest.fixture(scope="module")
def api():
    world = build_world()
    with world.store.transaction() as tx:
        ids, keys = populate(tx)
    server, thread = serve(world)
    try:
        yield Api(world, server.base_url, ids, keys)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
