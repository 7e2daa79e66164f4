# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.organization``: organizations."""

from __future__ import annotations

from ...pine import merge
from ..base import Model
from .invite import OrganizationInvite
from .membership import OrganizationMembership


class Organization(Model):
    def __init__(self, ctx):
        super(Organization, self).__init__(ctx)
        self.invite = OrganizationInvite(ctx)
        self.membership = OrganizationMembership(ctx)

    def create(self, name, handle=None, logo_image=None):
        body = {"name": name}
        if handle is not None:
            body["handle"] = handle
        if logo_image is not None:
            body["logo_image"] = logo_image
        return self.pine.post({"resource": "organization", "body": body})

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": "organization", "options": merge({"$orderby": "name asc"}, options)})

    def get(self, handle_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self.resolve.organization(handle_or_id, options)

    def remove(self, handle_or_id):
        self.pine.delete({"resource": "organization", "id": self.get(handle_or_id, {"$select": "id"})["id"]})
