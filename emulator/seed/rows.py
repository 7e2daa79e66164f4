"""Writing seed rows through the store's hooked inserts, so derived fields come out as the API makes them."""
from __future__ import annotations


BASE_COLUMNS = ("created_at", "modified_at")


def _checked(tx, resource: str, values: dict) -> dict:
    declaration = tx.store.resource(resource)
    unknown = [name for name in values if name not in BASE_COLUMNS and declaration.field(name) is None]
    if unknown:
        # The store would drop them silently; a seed plan naming them is a mistake.
        raise KeyError(f"{resource} declares no field {', '.join(unknown)}")
    return values


def add(tx, resource: str, **values) -> int:
    return tx.insert(resource, _checked(tx, resource, values))


def find_or_add(tx, resource: str, key: dict, **values) -> int:
    """The id of the row matching `key`, inserting it (with `values` too) when there is none."""
    found = tx.find(resource, **key)
    if found:
        return found[0]["id"]
    return add(tx, resource, **key, **values)


def update(tx, resource: str, row_id: int, **values) -> None:
    if values:
        tx.update(resource, row_id, _checked(tx, resource, values))
