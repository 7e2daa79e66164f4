# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Before/after pictures for ``--diff`` and results, with secret values masked."""

from __future__ import annotations

MASK = "********"


def masked(mapping, hidden=True, keys=None):
    """A copy of ``mapping`` whose values (or only those under ``keys``) are replaced by the mask."""
    if mapping is None:
        return None
    return {
        key: (MASK if hidden and (keys is None or key in keys) and value is not None else value)
        for key, value in mapping.items()
    }


def link_id(value):
    """A link as the API returns it (``{"__id": n}``, or an expanded list) reduced to its id."""
    if isinstance(value, dict) and "__id" in value:
        return value["__id"]
    if isinstance(value, list) and len(value) == 1 and isinstance(value[0], dict) and "id" in value[0]:
        return value[0]["id"]
    if isinstance(value, list) and not value:
        return None  # an expanded link to nothing
    return value


def changed_fields(current, desired):
    """The fields of ``desired`` whose value differs from ``current`` (links compared by id)."""
    return {field: value for field, value in desired.items() if link_id(current.get(field)) != value}


def view_diff(before, after):
    """``{"before": ..., "after": ...}`` of the keys whose value differs between two views."""
    keys = [key for key in after if before.get(key) != after.get(key)]
    return {"before": {key: before.get(key) for key in keys}, "after": {key: after[key] for key in keys}}


def known(view):
    """A view without its empty values, as a diff shows an object that appears or disappears."""
    return {key: value for key, value in view.items() if value is not None}


def presence_diff(before, after):
    """The diff of a view that appears (``before`` None) or disappears (``after`` None)."""

    def picture(view):
        return {"state": "absent"} if view is None else dict(known(view), state="present")

    return {"before": picture(before), "after": picture(after)}
