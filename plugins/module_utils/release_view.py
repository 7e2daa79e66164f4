# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""How every module shows a release: by commit and version, its state under the names of the
options that set it, and its fleet by slug with the id alongside.

``balena.cloud.views.release`` documents this view once. ``read_options`` gives what a request
must ``$select`` and ``$expand`` to build it.
"""

from __future__ import annotations

from .linked import linked, view_options

FIELDS = ["id", "commit", "raw_version", "semver", "status", "is_final", "is_invalidated", "is_passing_tests", "note",
          "known_issue_list", "belongs_to__application", "created_at"]
EXPAND = {"belongs_to__application": {"$select": ["id", "slug"]}}


def read_options(extra_expand=None):
    """``$select`` and ``$expand`` for the view, with ``extra_expand`` (tags, devices...) added."""
    return view_options(FIELDS, EXPAND, extra_expand)


def release_view(row):
    """The release as users see it, from an API row read with ``read_options``."""
    fleet = linked(row.get("belongs_to__application"))
    return {
        "id": row.get("id"),
        "commit": row.get("commit"),
        "version": row.get("raw_version"),
        "release_version": row.get("semver"),
        "status": row.get("status"),
        "finalized": row.get("is_final"),
        "invalidated": row.get("is_invalidated"),
        "passing_tests": row.get("is_passing_tests"),
        "note": row.get("note"),
        "known_issue_list": row.get("known_issue_list"),
        "fleet": fleet.get("slug"),
        "fleet_id": fleet.get("id"),
        "created_at": row.get("created_at"),
    }
