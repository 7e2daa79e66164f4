"""Grant builders for the access model every resource shares.

A user reads the rows of fleets in `{apps}` and changes those of `{writable_apps}`; both sets are
resolved per request from organization memberships, fleet memberships and team access. `path` is the
OData path from the resource to its fleet id (`id` on application itself). Everyone, anonymous callers
included, reads what belongs to public fleets (host OS and supervisor fleets).
"""
from __future__ import annotations

from ..declare import Grant

READ = ("read",)
WRITE = ("create", "update", "delete")
ALL = ("read", "create", "update", "delete")


def fleet_member(path: str) -> tuple:
    return (
        Grant("user", READ, f"{path} in {{apps}}"),
        Grant("user", WRITE, f"{path} in {{writable_apps}}"),
    )


def public_fleet(fleet_path: str) -> Grant:
    """`fleet_path` leads to the application row itself (`` for application)."""
    condition = f"{fleet_path}/is_public eq true" if fleet_path else "is_public eq true"
    return Grant("guest", READ, condition)


def device_sees_fleet(fleet_path: str, actions: tuple = READ) -> Grant:
    """A device key sees what belongs to its own fleet; `fleet_path` leads to the application row."""
    prefix = f"{fleet_path}/" if fleet_path else ""
    return Grant("device", actions, f"{prefix}owns__device/any(own:own/id eq {{device}})")


def own_device(device_path: str, actions: tuple) -> Grant:
    return Grant("device", actions, f"{device_path} eq {{device}}")


def everyone_reads() -> Grant:
    return Grant("guest", READ)


def users_read() -> Grant:
    return Grant("user", READ)
