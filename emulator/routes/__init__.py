"""Every HTTP endpoint: one module per feature, each with `register(router)`."""
from __future__ import annotations

import importlib

# Registration order is match order: the test hooks first, OData last.
ROUTE_MODULES = (
    "test_hooks",
    "simulation_hooks",
    "tunnel",
    "health",
    "login",
    "whoami",
    "two_factor",
    "api_keys",
    "public_keys",
    "registry_token",
    "device_register",
    "device_state",
    "device_state_report",
    "device_logs",
    "supervisor",
    "device_actions",
    "os_updates",
    "config",
    "device_types",
    "downloads",
    "os_images",
    "invitations",
    "builder",
    "odata",
)


def register_all(router) -> None:
    for name in ROUTE_MODULES:
        importlib.import_module(f".{name}", __name__).register(router)
