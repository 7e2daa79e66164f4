# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Operations on many devices or fleets at once, in bounded chunks.

Accepted input mirrors the official SDK 17.3.0: one id, one full uuid, or a non-empty
list of ids or of full uuids (not mixed). Lookups go out 200 ids or 50 uuids at a time
and every requested identifier must be found.
"""

from __future__ import annotations

from .exceptions import InvalidParameter
from .identifiers import is_full_uuid, is_id

NUMERIC_ID_CHUNK_SIZE = 200
UUID_CHUNK_SIZE = 50


def chunks(items, size):
    """Consecutive slices of ``items`` of at most ``size`` elements."""
    if size < 1:
        raise ValueError("chunk size must be positive")
    return [items[start:start + size] for start in range(0, len(items), size)]


def validate_identifiers(value, parameter_name):
    """Normalise one identifier or a list into ``(list, key_field)``; reject bad input."""
    if isinstance(value, list):
        if not value:
            raise InvalidParameter(parameter_name, value)
        if all(is_id(item) for item in value):
            return list(value), "id"
        if all(is_full_uuid(item) for item in value):
            return list(value), "uuid"
        raise InvalidParameter(parameter_name, value)
    if is_id(value):
        return [value], "id"
    if is_full_uuid(value):
        return [value], "uuid"
    raise InvalidParameter(parameter_name, value)


def identifier_filter(key_field, values):
    if len(values) == 1:
        return {key_field: values[0]}
    return {key_field: {"$in": values}}


def lookup_chunks(values, key_field):
    return chunks(values, UUID_CHUNK_SIZE if key_field == "uuid" else NUMERIC_ID_CHUNK_SIZE)


def check_found(requested, key_field, items, not_found, ambiguous, original):
    """Raise ``not_found``/``ambiguous`` the way the official SDK does for batch input."""
    if not items:
        raise not_found(str(original))
    if not isinstance(original, list) and len(items) > 1:
        raise ambiguous(original)
    found = set(item[key_field] for item in items)
    for identifier in requested:
        if identifier not in found:
            raise not_found(identifier)


def group_by_link(items, navigation):
    """Group items by the id of a selected (unexpanded) navigation, keeping input order."""
    groups = {}
    for item in items:
        link = item.get(navigation)
        groups.setdefault(link["__id"] if isinstance(link, dict) else link, []).append(item)
    return groups


def ids_filter(ids):
    """``$filter`` for a write targeting exact ids (``eq`` for one, ``in`` for many)."""
    return identifier_filter("id", list(ids))


def fetch_all(get_all, value, parameter_name, select, not_found, ambiguous, options=None):
    """Fetch every device/fleet named by ``value`` (one or a list), checking each was found.

    ``get_all(options)`` runs one query; ``select`` lists the fields the caller needs.
    """
    values, key_field = validate_identifiers(value, parameter_name)
    fields = ["id"] + [field for field in select if field != "id"]
    if key_field == "uuid" and "uuid" not in fields:
        fields.append("uuid")
    items = []
    for chunk in lookup_chunks(values, key_field):
        query = {"$select": fields, "$filter": identifier_filter(key_field, chunk)}
        query.update(options or {})
        items.extend(get_all(query))
    check_found(values, key_field, items, not_found, ambiguous, value)
    return items
