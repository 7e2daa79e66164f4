"""One replay of the recordings per test session, shared by the replay test modules."""
from __future__ import annotations

import pytest

from . import recordings
from .session import replay

RECORDINGS = recordings.folder()


@pytest.fixture(scope="session")
def replayed():
    if RECORDINGS is None:
        pytest.skip(f"the recordings are not available; set ${recordings.ENV_VARIABLE}")
    run = replay(RECORDINGS)
    try:
        yield run
    finally:
        run.emulator.stop()
