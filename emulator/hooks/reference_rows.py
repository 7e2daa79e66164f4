"""Fixed rows the API assumes exist: the default fleet type and the membership roles.

Seeding may insert them up front; hooks insert any that are missing the first time they need one.
"""
from __future__ import annotations

DEFAULT_APPLICATION_TYPE = {
    "name": "Default",
    "slug": "default",
    "description": "Default application type, allowing multicontainer, gateway mode and web access.",
    "supports_web_url": True,
    "supports_multicontainer": True,
    "supports_gateway_mode": True,
    "needs__os_version_range": ">=2.11.0",
    "requires_payment": False,
    "is_legacy": False,
    "maximum_device_count": None,
}

ROWS = {
    "application_type": ({**DEFAULT_APPLICATION_TYPE},),
    "application_membership_role": ({"name": "developer"}, {"name": "operator"}, {"name": "observer"}),
    "organization_membership_role": ({"name": "administrator"}, {"name": "member"}),
}

_KEY = {"application_type": "slug", "application_membership_role": "name", "organization_membership_role": "name"}


def insert_all(tx) -> None:
    """Inserts every fixed row that is not there yet."""
    for resource, rows in ROWS.items():
        for row in rows:
            ensure(tx, resource, row[_KEY[resource]])


def ensure(tx, resource: str, key: str) -> int:
    """The id of the fixed row of `resource` named `key`, inserting it when missing."""
    field = _KEY[resource]
    found = tx.find(resource, **{field: key})
    if found:
        return found[0]["id"]
    row = next(row for row in ROWS[resource] if row[field] == key)
    return tx.insert(resource, dict(row))
