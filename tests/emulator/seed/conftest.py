"""A seeded world per test module, read straight from the store."""
import pytest

from emulator import app
from emulator.seed import seeding


@pytest.fixture(scope="module")
def demo_world():
    world = app.build_world(app.MEMORY)
    credentials = seeding.seed_once(world, "demo")
    yield world, credentials
    world.store.close()


@pytest.fixture
def query(demo_world):
    world, _ = demo_world

    def run(sql, params=()):
        with world.store.transaction() as tx:
            return tx.query(sql, params)
    return run
