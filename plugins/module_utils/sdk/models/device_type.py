# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.device_type``: device types, found by slug, alias, name or id."""

from __future__ import annotations

from ..exceptions import InvalidDeviceType
from ..pine import merge
from .base import Model

SUPPORTED_FILTER = {
    "is_default_for__application": {"$any": {"$alias": "idfa", "$expr": {"idfa": {
        "is_host": True,
        "is_archived": False,
        "owns__release": {"$any": {"$alias": "r", "$expr": {"r": {"status": "success", "is_final": True, "is_invalidated": False}}}},
    }}}},
}


class DeviceType(Model):
    def get(self, id_or_slug, options={}):  # pylint: disable=dangerous-default-value
        return self.resolve.device_type(id_or_slug, options)

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": "device_type", "options": merge({"$orderby": "name asc"}, options)})

    def get_all_supported(self, options={}):  # pylint: disable=dangerous-default-value
        return self.get_all(merge({"$filter": SUPPORTED_FILTER}, options))

    def get_by_slug_or_name(self, slug_or_name, options={}):  # pylint: disable=dangerous-default-value
        found = self.get_all(merge({"$top": 1, "$filter": {"$or": [{"name": slug_or_name}, {"slug": slug_or_name}]}}, options))
        if not found:
            raise InvalidDeviceType(slug_or_name)
        return found[0]

    def get_name(self, slug):
        return self.get_by_slug_or_name(slug, {"$select": "name"})["name"]

    def get_slug_by_name(self, name):
        return self.get_by_slug_or_name(name, {"$select": "slug"})["slug"]
