"""Seconds to seed N devices (`--devices N`) into a demo world. Prints figures; asserts nothing.

    python benchmarks/seed_devices.py [--devices 50000] [--db PATH]
"""
from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from emulator import app  # noqa: E402  pylint: disable=wrong-import-position
from emulator.seed import bulk_devices, seeding  # noqa: E402  pylint: disable=wrong-import-position

TARGET_SECONDS = 30.0


def measure(db_path: str, devices: int) -> tuple[float, float]:
    world = app.build_world(db_path)
    started = time.monotonic()
    seeding.seed_once(world, "demo")
    demo_seconds = time.monotonic() - started
    bulk_seconds = bulk_devices.seed(world, devices)
    world.store.close()
    return demo_seconds, bulk_seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50_000)
    parser.add_argument("--db", help="a database file to seed (default: a fresh temporary file, then :memory:)")
    options = parser.parse_args()
    targets = [options.db] if options.db else [None, app.MEMORY]
    for target in targets:
        if target is None:
            with tempfile.TemporaryDirectory() as directory:
                demo_seconds, bulk_seconds = measure(os.path.join(directory, "bench.sqlite"), options.devices)
            label = "file database"
        else:
            demo_seconds, bulk_seconds = measure(target, options.devices)
            label = "in-memory database" if target == app.MEMORY else target
        print(f"{label}: demo world {demo_seconds:.2f} s; {options.devices} devices {bulk_seconds:.2f} s "
              f"(target < {TARGET_SECONDS:.0f} s for 50000)")


if __name__ == "__main__":
    main()
