"""Fixtures of the OData engine tests: a stand-in schema in an in-memory store, isolated from the
hooks the real schema registers."""
from __future__ import annotations

import pytest

from emulator.hooks import base as hooks_base
from odata_standin_schema import ADMIN_CALLER, make_world, member, seed, serve


@pytest.fixture(autouse=True)
def isolated_hooks():
    saved = {name: list(hooks) for name, hooks in hooks_base._REGISTRY.items()}
    hooks_base._REGISTRY.clear()
    yield hooks_base._REGISTRY
    hooks_base._REGISTRY.clear()
    hooks_base._REGISTRY.update(saved)


@pytest.fixture
def world():
    world = make_world()
    world.ids = seed(world)
    world.callers.update({
        "admin": ADMIN_CALLER,
        "member": member(apps=[world.ids["app1"], world.ids["app2"]], writable=[world.ids["app1"]],
                         orgs=[world.ids["org1"]], admin_orgs=[world.ids["org1"]]),
    })
    yield world
    world.store.close()


@pytest.fixture
def api(world):
    import requests

    server, url = serve(world)
    session = requests.Session()

    def call(method, path, who="admin", **kwargs):
        headers = {"Authorization": f"Bearer {who}"} if who else {}
        return session.request(method, url + path, headers=headers, timeout=10, **kwargs)

    yield call
    session.close()
    server.shutdown()
    server.server_close()
