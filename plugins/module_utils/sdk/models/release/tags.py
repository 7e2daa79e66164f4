# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.release.tags``."""

from __future__ import annotations

from ...dependent_resource import DependentResource, DependentSpec
from ...identifiers import application_navigation_filter, navigation_filter
from ..base import Model


class ReleaseTag(Model):
    def __init__(self, ctx):
        super(ReleaseTag, self).__init__(ctx)
        self.dependent = DependentResource(self.pine, DependentSpec("release_tag", "release", "tag_key", "release_tag", self.resolve.release))

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all(options)

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        by_app = navigation_filter("release", "r", application_navigation_filter("belongs_to__application", slug_or_uuid_or_id))

        def confirm():
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return self.dependent.get_all_filtered(by_app, options, confirm)

    def get_all_by_release(self, commit_or_id_or_raw_version, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_by_parent(commit_or_id_or_raw_version, options, confirm_id=True)

    def get(self, commit_or_id_or_raw_version, tag_key):
        return self.dependent.get(commit_or_id_or_raw_version, tag_key)

    def set(self, commit_or_id_or_raw_version, tag_key, value):
        self.dependent.set(commit_or_id_or_raw_version, tag_key, value)

    def remove(self, commit_or_id_or_raw_version, tag_key):
        self.dependent.remove(commit_or_id_or_raw_version, tag_key)
