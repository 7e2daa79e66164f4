# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How every module shows a device: by uuid and name, its fleet and device type by slug, the
releases it is pinned to, runs and should run by commit and version, its supervisor and host OS
pins by version, with the ids alongside as ``*_id``.

``balena.cloud.views.device`` documents this view once. ``read_options`` gives what a request
must ``$select`` and ``$expand`` to build it.
"""

from __future__ import annotations

from .linked import linked, view_options

FIELDS = [
    "id", "uuid", "device_name", "note", "custom_latitude", "custom_longitude", "is_web_accessible", "is_active",
    "is_online", "status", "overall_status", "api_heartbeat_state", "os_version", "os_variant", "supervisor_version",
    "ip_address", "public_address", "mac_address", "last_connectivity_event", "created_at",
]
RELEASE = {"$select": ["id", "commit", "raw_version"]}
VERSION_ONLY = {"$select": ["id", "raw_version"]}
EXPAND = {
    "belongs_to__application": {"$select": ["id", "slug"]},
    "is_of__device_type": {"$select": ["id", "slug"]},
    "is_pinned_on__release": RELEASE,
    "is_running__release": RELEASE,
    "should_be_running__release": RELEASE,
    "should_be_managed_by__release": VERSION_ONLY,
    "should_be_operated_by__release": VERSION_ONLY,
}
# The releases a device links to, and the view's name for each.
RELEASE_LINKS = {
    "is_pinned_on__release": "pinned_release",
    "is_running__release": "running_release",
    "should_be_running__release": "target_release",
}
PIN_LINKS = {
    "should_be_managed_by__release": "pinned_supervisor",
    "should_be_operated_by__release": "pinned_os",
}


def read_options(extra_expand=None):
    """``$select`` and ``$expand`` for the view, with ``extra_expand`` (tags, devices...) added."""
    return view_options(FIELDS, EXPAND, extra_expand)


def _coordinate(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


def device_view(row):
    """The device as users see it, from an API row read with ``read_options``."""
    fleet = linked(row.get("belongs_to__application"))
    device_type = linked(row.get("is_of__device_type"))
    latitude, longitude = _coordinate(row.get("custom_latitude")), _coordinate(row.get("custom_longitude"))
    shown = {
        "id": row.get("id"),
        "uuid": row.get("uuid"),
        "device_name": row.get("device_name"),
        "note": row.get("note"),
        "fleet": fleet.get("slug"),
        "fleet_id": fleet.get("id"),
        "device_type": device_type.get("slug"),
        "device_type_id": device_type.get("id"),
        "location": {"latitude": latitude, "longitude": longitude} if latitude is not None and longitude is not None else None,
        "device_url": row.get("is_web_accessible"),
    }
    for field in ("is_active", "is_online", "status", "overall_status", "api_heartbeat_state", "os_version", "os_variant",
                  "supervisor_version", "ip_address", "public_address", "mac_address", "last_connectivity_event", "created_at"):
        shown[field] = row.get(field)
    for field, name in RELEASE_LINKS.items():
        release = linked(row.get(field))
        shown[name] = release.get("commit")
        shown[name + "_version"] = release.get("raw_version")
        shown[name + "_id"] = release.get("id")
    for field, name in PIN_LINKS.items():
        release = linked(row.get(field))
        shown[name + "_version"] = release.get("raw_version")
        shown[name + "_release_id"] = release.get("id")
    return shown
