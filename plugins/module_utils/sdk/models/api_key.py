# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.api_key``: named user keys, provisioning keys and device keys."""

from __future__ import annotations

from ..exceptions import InvalidParameter
from ..pine import merge
from .base import Model, strip_quotes


class ApiKey(Model):
    def create(self, name, description=None, expiry_date=None):
        body = {"name": name}
        if isinstance(description, str):
            body["description"] = description
        if isinstance(expiry_date, str):
            body["expiryDate"] = expiry_date
        return strip_quotes(self._request("POST", "/api-key/user/full", body=body))

    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": "api_key", "options": merge({"$orderby": "name asc"}, options)})

    def update(self, id, api_key_info):  # pylint: disable=redefined-builtin
        if api_key_info is None:
            raise InvalidParameter("apiKeyInfo", api_key_info)
        if api_key_info.get("name") == "":
            raise InvalidParameter("apiKeyInfo.name", "")
        body = {"description": api_key_info.get("description"), "expiry_date": api_key_info.get("expiry_date")}
        if api_key_info.get("name") is not None:
            body["name"] = api_key_info["name"]
        self.pine.patch({"resource": "api_key", "id": id, "body": body})

    def revoke(self, id):  # pylint: disable=redefined-builtin
        self.pine.delete({"resource": "api_key", "id": id})

    def _keys_of_actor(self, actor_id, options):
        return self.get_all(merge({"$filter": {"is_of__actor": actor_id}}, options))

    def get_provisioning_api_keys_by_application(self, slug_or_uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self._keys_of_actor(self.resolve.application(slug_or_uuid_or_id, {"$select": "actor"})["actor"]["__id"], options)

    def get_device_api_keys_by_device(self, uuid_or_id, options={}):  # pylint: disable=dangerous-default-value
        return self._keys_of_actor(self.resolve.device(uuid_or_id, {"$select": "actor"})["actor"]["__id"], options)

    def get_all_named_user_api_keys(self, options={}):  # pylint: disable=dangerous-default-value
        named = {"is_of__actor": self.ctx.auth.get_actor_id(), "name": {"$ne": None}}
        return self.get_all(merge({"$filter": named}, options))
