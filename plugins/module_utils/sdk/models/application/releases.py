# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which release a fleet runs: pinning and tracking the latest."""

from __future__ import annotations

from ...exceptions import ReleaseNotFound
from ...identifiers import application_navigation_filter

LATEST_RELEASE = {
    "$select": "id",
    "$top": 1,
    "$filter": {"is_final": True, "is_passing_tests": True, "is_invalidated": False, "status": "success"},
    "$orderby": "created_at desc",
}


def first(items):
    return items[0] if items else None


class ApplicationReleases:
    def will_track_new_releases(self, slug_or_uuid_or_id):
        app = self.get(slug_or_uuid_or_id, {"$select": "should_track_latest_release"})
        return bool(app.get("should_track_latest_release"))

    def is_tracking_latest_release(self, slug_or_uuid_or_id):
        app = self.get(slug_or_uuid_or_id, {
            "$select": "should_track_latest_release",
            "$expand": {"should_be_running__release": {"$select": "id"}, "owns__release": LATEST_RELEASE},
        })
        tracked = first(app.get("should_be_running__release") or [])
        latest = first(app.get("owns__release") or [])
        if not app.get("should_track_latest_release"):
            return False
        return latest is None or (tracked is not None and tracked.get("id") == latest["id"])

    def pin_to_release(self, slug_or_uuid_or_id, full_release_hash):
        # The release is looked up through the fleet's slug/uuid, and its link gives the fleet id.
        release_filter = dict(
            {"commit": full_release_hash, "status": "success"},
            **application_navigation_filter("belongs_to__application", slug_or_uuid_or_id),
        )
        releases = self.pine.get({
            "resource": "release",
            "options": {"$select": ["id", "belongs_to__application"], "$top": 1, "$filter": release_filter},
        })
        if not releases:
            self.get(slug_or_uuid_or_id, {"$select": "id"})
            raise ReleaseNotFound(full_release_hash)
        release = releases[0]
        self.pine.patch({
            "resource": "application",
            "id": release["belongs_to__application"]["__id"],
            "body": {"should_be_running__release": release["id"], "should_track_latest_release": False},
        })

    def get_target_release_hash(self, slug_or_uuid_or_id):
        app = self.get(slug_or_uuid_or_id, {"$select": "id", "$expand": {"should_be_running__release": {"$select": "commit"}}})
        target = first(app.get("should_be_running__release") or [])
        return target.get("commit") if target else None

    def track_latest_release(self, slug_or_uuid_or_id):
        app = self.get(slug_or_uuid_or_id, {"$select": "id", "$expand": {"owns__release": LATEST_RELEASE}})
        body = {"should_track_latest_release": True}
        latest = first(app.get("owns__release") or [])
        if latest is not None:
            body["should_be_running__release"] = latest["id"]
        self.pine.patch({"resource": "application", "id": app["id"], "body": body})
