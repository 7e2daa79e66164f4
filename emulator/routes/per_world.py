"""Per-world helpers that live in memory beside the store (rate limiters, log books...)."""
from __future__ import annotations

import threading

_LOCK = threading.Lock()


def attached(world, name: str, factory):
    """The object kept on `world` under `name`, created by `factory()` on first use."""
    attribute = f"_attached_{name}"
    found = getattr(world, attribute, None)
    if found is None:
        with _LOCK:
            found = getattr(world, attribute, None)
            if found is None:
                found = factory()
                setattr(world, attribute, found)
    return found
