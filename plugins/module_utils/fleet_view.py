# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How every module shows a fleet: by slug and name, its organization, device type and target
release in the user's words, with the ids alongside as ``*_id``.

``balena.cloud.fleet_view`` documents this view once. ``READ`` is what a request must
``$select`` and ``$expand`` to build it.
"""

from __future__ import annotations

from .linked import linked, view_options

SUPPORT_FIELD = "is_accessible_by_support_until__date"
FIELDS = ["id", "app_name", "slug", "uuid", "is_of__class", "should_track_latest_release", SUPPORT_FIELD]
EXPAND = {
    "organization": {"$select": ["id", "handle"]},
    "is_for__device_type": {"$select": ["id", "slug"]},
    "should_be_running__release": {"$select": ["id", "commit", "raw_version"]},
}


def read_options(extra_expand=None):
    """``$select`` and ``$expand`` for the view, with ``extra_expand`` (tags, devices...) added."""
    return view_options(FIELDS, EXPAND, extra_expand)


def fleet_view(row):
    """The fleet as users see it, from an API row read with ``read_options``."""
    organization = linked(row.get("organization"))
    device_type = linked(row.get("is_for__device_type"))
    release = linked(row.get("should_be_running__release"))
    return {
        "id": row.get("id"),
        "uuid": row.get("uuid"),
        "slug": row.get("slug"),
        "name": row.get("app_name"),
        "organization": organization.get("handle"),
        "organization_id": organization.get("id"),
        "device_type": device_type.get("slug"),
        "device_type_id": device_type.get("id"),
        "application_class": row.get("is_of__class"),
        "track_latest": row.get("should_track_latest_release"),
        "target_release": release.get("commit"),
        "target_release_version": release.get("raw_version"),
        "target_release_id": release.get("id"),
        "support_access_until": row.get(SUPPORT_FIELD),
    }
