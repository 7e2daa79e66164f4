# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.release``: releases of a fleet."""

from __future__ import annotations

from ...exceptions import InvalidParameter
from ...identifiers import application_navigation_filter
from ...pine import merge
from ...semver_tools import is_valid
from ..base import Model
from .builder import build_from_url
from .tags import ReleaseTag

IMAGE_WITH_SERVICE = {"$select": "id", "$expand": {"is_a_build_of__service": {"$select": "service_name"}}}


def with_image_details(release):
    """Replace ``release_image`` by ``images`` (sorted by service) and add ``user``."""
    images = [link["image"][0] for link in release.pop("release_image", None) or []]
    release["images"] = sorted(
        (dict(image, service_name=image["is_a_build_of__service"][0]["service_name"]) for image in images if "is_a_build_of__service" in image),
        key=lambda image: image["service_name"],
    )
    creators = release.get("is_created_by__user") or []
    release["user"] = creators[0] if creators else None
    return release


class Release(Model):
    def __init__(self, ctx):
        super(Release, self).__init__(ctx)
        self.tags = ReleaseTag(ctx)

    def get(self, commit_or_id_or_raw_version, options={}):  # pylint: disable=dangerous-default-value
        return self.resolve.release(commit_or_id_or_raw_version, options)

    def get_with_image_details(self, commit_or_id_or_raw_version, image_options={}, release_options={}):  # pylint: disable=dangerous-default-value
        expand = {"$expand": {
            "release_image": {"$expand": {"image": merge(IMAGE_WITH_SERVICE, image_options)}},
            "is_created_by__user": {"$select": ["id", "username"]},
        }}
        return with_image_details(self.get(commit_or_id_or_raw_version, merge(expand, release_options)))

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        defaults = {"$filter": application_navigation_filter("belongs_to__application", slug_or_uuid_or_id), "$orderby": "created_at desc"}
        releases = self.pine.get({"resource": "release", "options": merge(defaults, options)})
        if not releases:
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return releases

    def get_latest_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        releases = self.get_all_by_application(slug_or_uuid_or_id, merge({"$top": 1, "$filter": {"status": "success"}}, options))
        return releases[0] if releases else None

    def create_from_url(self, slug_or_uuid_or_id, url, flatten_tarball=True):
        app = self.resolve.application(slug_or_uuid_or_id, {"$select": "app_name", "$expand": {"organization": {"$select": "handle"}}})
        return build_from_url(self.ctx, app["organization"][0]["handle"], app["app_name"], url, flatten_tarball)

    def _set(self, commit_or_id_or_raw_version, body):
        release_id = self.get(commit_or_id_or_raw_version, {"$select": "id"})["id"]
        self.pine.patch({"resource": "release", "id": release_id, "body": body})

    def finalize(self, commit_or_id_or_raw_version):
        self._set(commit_or_id_or_raw_version, {"is_final": True})

    def set_is_invalidated(self, commit_or_id_or_raw_version, is_invalidated):
        self._set(commit_or_id_or_raw_version, {"is_invalidated": is_invalidated})

    def set_note(self, commit_or_id_or_raw_version, note=None):
        self._set(commit_or_id_or_raw_version, {"note": note})

    def set_known_issue_list(self, commit_or_id_or_raw_version, known_issue_list):
        self._set(commit_or_id_or_raw_version, {"known_issue_list": known_issue_list})

    def set_release_version(self, commit_or_id, semver):
        if not is_valid(semver):
            raise InvalidParameter("semver", semver)
        self._set(commit_or_id, {"semver": semver})
