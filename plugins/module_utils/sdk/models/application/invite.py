# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Invitations to fleets (``invitee__is_invited_to__application``)."""

from __future__ import annotations

from ...exceptions import InvalidParameter, NotLoggedIn, RequestError
from ...identifiers import application_navigation_filter
from ...pine import merge
from ..base import Model
from ..roles import role_id

RESOURCE = "invitee__is_invited_to__application"


class ApplicationInvite(Model):
    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({}, options)})

    def get_all_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.get_all(merge({"$filter": application_navigation_filter("is_invited_to__application", slug_or_uuid_or_id)}, options))
        if not found:
            self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})
        return found

    def create(self, slug_or_uuid_or_id, options):
        invitee = options.get("invitee")
        if invitee is None:
            raise InvalidParameter("options.invitee", None)
        app_id, role = self.pine.parallel.run(
            lambda: self.resolve.application(slug_or_uuid_or_id, {"$select": "id"})["id"],
            lambda: role_id(self.pine, "application", options.get("roleName", "developer")),
        )
        body = {"invitee": invitee, "is_invited_to__application": app_id, "message": options.get("message"),
                "application_membership_role": role}
        return self.pine.post({"resource": RESOURCE, "body": body})

    def revoke(self, invite_id):
        self.pine.delete({"resource": RESOURCE, "id": invite_id})

    def accept(self, invite_token):
        try:
            self._request("POST", "/user/v1/invitation/%s" % invite_token)
        except RequestError as error:
            if error.status_code == 401:
                raise NotLoggedIn() from None
            raise
