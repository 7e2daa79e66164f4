# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Invitations to organizations (``invitee__is_invited_to__organization``)."""

from __future__ import annotations

from ...identifiers import organization_navigation_filter
from ...pine import merge
from ..base import Model
from ..roles import role_id

RESOURCE = "invitee__is_invited_to__organization"


class OrganizationInvite(Model):
    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({}, options)})

    def get_all_by_organization(self, handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.get_all(merge({"$filter": organization_navigation_filter("is_invited_to__organization", handle_or_id)}, options))
        if not found:
            self.resolve.organization(handle_or_id, {"$select": "id"})
        return found

    def create(self, handle_or_id, invitee, role_name=None, message=None):
        lookups = [lambda: self.resolve.organization(handle_or_id, {"$select": "id"})["id"]]
        if role_name is not None:
            lookups.append(lambda: role_id(self.pine, "organization", role_name))
        found = self.pine.parallel.run(*lookups)
        body = {"invitee": invitee, "is_invited_to__organization": found[0], "message": message}
        if role_name is not None:
            body["organization_membership_role"] = found[1]
        return self.pine.post({"resource": RESOURCE, "body": body})

    def revoke(self, invite_id):
        self.pine.delete({"resource": RESOURCE, "id": invite_id})

    def accept(self, invite_token):
        self._request("POST", "/org/v1/invitation/%s" % invite_token)
