# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Organization memberships and their tags."""

from __future__ import annotations

from ...dependent_resource import DependentResource, DependentSpec
from ...exceptions import OrganizationMembershipNotFound
from ...identifiers import navigation_filter, organization_navigation_filter
from ...pine import merge
from ..base import Model

RESOURCE = "organization_membership"
TAG_RESOURCE = "organization_membership_tag"


class OrganizationMembership(Model):
    def __init__(self, ctx):
        super(OrganizationMembership, self).__init__(ctx)
        self.tags = OrganizationMembershipTag(ctx, self.get)

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({}, options)})

    def get_all_by_organization(self, handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.get_all(merge({"$filter": organization_navigation_filter("is_member_of__organization", handle_or_id)}, options))
        if not found:
            self.resolve.organization(handle_or_id, {"$select": "id"})
        return found

    def get(self, membership_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.pine.get({"resource": RESOURCE, "id": membership_id, "options": merge({}, options)})
        if found is None:
            raise OrganizationMembershipNotFound(membership_id)
        return found


class OrganizationMembershipTag(Model):
    def __init__(self, ctx, get_membership):
        super(OrganizationMembershipTag, self).__init__(ctx)
        spec = DependentSpec(TAG_RESOURCE, "organization_membership", "tag_key", TAG_RESOURCE, get_membership)
        self.dependent = DependentResource(self.pine, spec)

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all(options)

    def get_all_by_organization(self, handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        by_org = navigation_filter("organization_membership", "om", organization_navigation_filter("is_member_of__organization", handle_or_id))

        def confirm():
            self.resolve.organization(handle_or_id, {"$select": "id"})
        return self.dependent.get_all_filtered(by_org, options, confirm)

    def get_all_by_organization_membership(self, membership_id, options={}):  # pylint: disable=dangerous-default-value
        return self.dependent.get_all_by_parent(membership_id, options)

    def get(self, membership_id, tag_key):
        return self.dependent.get(membership_id, tag_key)

    def set(self, membership_id, tag_key, value):
        self.dependent.set(membership_id, tag_key, value)

    def remove(self, membership_id, tag_key):
        self.dependent.remove(membership_id, tag_key)
