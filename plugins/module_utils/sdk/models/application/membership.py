# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Users' memberships of fleets (``user__is_member_of__application``)."""

from __future__ import annotations

from ...exceptions import ApplicationMembershipNotFound, InvalidParameter
from ...identifiers import application_navigation_filter, is_id, is_membership_key
from ...pine import merge
from ..base import Model
from ..roles import role_id

RESOURCE = "user__is_member_of__application"


class ApplicationMembership(Model):
    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({}, options)})

    def get(self, membership_id, options={}):  # pylint: disable=dangerous-default-value
        if not is_id(membership_id) and not is_membership_key(membership_id, "is_member_of__application"):
            raise InvalidParameter("membershipId", membership_id)
        found = self.pine.get({"resource": RESOURCE, "id": membership_id, "options": merge({}, options)})
        if found is None:
            raise ApplicationMembershipNotFound(str(membership_id))
        return found

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.get_all(merge({"$filter": application_navigation_filter("is_member_of__application", slug_or_uuid_or_id)}, options))
        if not found:
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return found

    def create(self, slug_or_uuid_or_id, username, role_name="developer"):
        app_id, role = self.pine.parallel.run(
            lambda: self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})["id"],
            lambda: role_id(self.pine, "application", role_name),
        )
        body = {"username": username, "is_member_of__application": app_id, "application_membership_role": role}
        return self.pine.post({"resource": RESOURCE, "body": body})

    def change_role(self, membership_id, role_name):
        body = {"application_membership_role": role_id(self.pine, "application", role_name)}
        self.pine.patch({"resource": RESOURCE, "id": membership_id, "body": body})

    def remove(self, membership_id):
        self.pine.delete({"resource": RESOURCE, "id": membership_id})
