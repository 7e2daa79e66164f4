"""Lets the SDK benchmarks import the parity scenario (tests/sdk/parity) and both SDKs.

The scenario and its emulator launcher live beside the parity test, which runs the same steps;
our SDK is imported as ``ansible_collections.balena.cloud`` through a temporary link to this
checkout, so nothing is written into the repository.
"""
from __future__ import annotations

import atexit
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCENARIO_DIR = REPO / "tests" / "sdk" / "parity"


def prepare() -> None:
    for path in (str(SCENARIO_DIR), str(REPO)):
        if path not in sys.path:
            sys.path.insert(0, path)
    try:
        import ansible_collections.balena.cloud  # noqa: F401  pylint: disable=import-outside-toplevel,unused-import
    except ImportError:
        collections = tempfile.TemporaryDirectory(prefix="balena-collections-")  # pylint: disable=consider-using-with
        atexit.register(collections.cleanup)
        link = Path(collections.name) / "ansible_collections" / "balena" / "cloud"
        link.parent.mkdir(parents=True)
        os.symlink(REPO, link, target_is_directory=True)
        sys.path.insert(0, collections.name)
