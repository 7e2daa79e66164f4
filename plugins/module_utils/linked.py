# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The rows a view links to: how to read them with the row, and how to find them in the answer."""

from __future__ import annotations


def linked(value):
    """The linked row as a dict: an expanded list gives its row, ``{"__id": n}`` or a bare id gives
    ``{"id": n}``, an empty or missing link gives ``{}``."""
    if isinstance(value, list):
        return dict(value[0]) if value else {}
    if isinstance(value, dict):
        return {"id": value["__id"]} if "__id" in value else dict(value)
    if value is None:
        return {}
    return {"id": value}


def view_options(fields, expand, extra_expand=None):
    """``$select`` and ``$expand`` for a view of ``fields`` and ``expand``; ``extra_expand`` adds expands
    or extends the view's own (an entry for a link of the view is merged into it)."""
    merged = {key: dict(value) for key, value in expand.items()}
    for key, value in (extra_expand or {}).items():
        if key in merged:
            combined = dict(merged[key])
            combined["$select"] = sorted(set(merged[key]["$select"]) | set(value.get("$select", [])))
            combined.update((option, setting) for option, setting in value.items() if option != "$select")
            merged[key] = combined
        else:
            merged[key] = value
    return {"$select": list(fields), "$expand": merged}
