# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A device type as users see it, and the one read that gives everything the view needs."""

from __future__ import annotations

DEVICE_TYPE_OPTIONS = {
    "$select": ["id", "slug", "name", "is_private"],
    "$expand": {
        "is_of__cpu_architecture": {"$select": "slug"},
        "device_type_alias": {"$select": "is_referenced_by__alias"},
        "is_default_for__application": {"$select": "slug", "$filter": {"is_host": True}},
    },
}


def _first(expanded, field):
    return expanded[0][field] if expanded else None


def device_type_view(row, is_supported):
    aliases = sorted(alias["is_referenced_by__alias"] for alias in row.get("device_type_alias") or [])
    return {
        "id": row["id"],
        "slug": row["slug"],
        "name": row["name"],
        "cpu_architecture": _first(row.get("is_of__cpu_architecture"), "slug"),
        "aliases": aliases,
        "is_supported": bool(is_supported),
        "is_private": bool(row.get("is_private")),
        "host_os_fleets": sorted(app["slug"] for app in row.get("is_default_for__application") or []),
    }
