"""Writes what a client needs to talk to the running emulator as a JSON file only its owner reads."""
from __future__ import annotations

import json
import os


def contents(world, credentials: dict) -> dict:
    return {"api_url": world.base_url, **credentials, "admin_token": world.admin_token}


def write(path: str, world, credentials: dict) -> None:
    descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.fchmod(descriptor, 0o600)  # an existing file keeps its old mode through O_CREAT
    with os.fdopen(descriptor, "w", encoding="utf-8") as handle:
        json.dump(contents(world, credentials), handle, indent=2, sort_keys=True)
        handle.write("\n")
