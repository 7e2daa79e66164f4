"""Imports every hook module so that each registers its hooks (order matters within a resource)."""
from __future__ import annotations

import importlib

_MODULES = (
    "actors",
    "variables",
    "tags",
    "application",
    "device",
    "device_history",
    "service_installs",
    "release",
    "image",
    "organization",
    "memberships",
    "user",
    "api_key",
    "direct_access",
    "cascades",
)

_loaded = False


def load() -> None:
    global _loaded
    if _loaded:
        return
    for name in _MODULES:
        importlib.import_module(f"{__package__}.{name}")
    _loaded = True
