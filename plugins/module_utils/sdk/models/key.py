# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.key``: the user's SSH public keys."""

from __future__ import annotations

from ..exceptions import KeyNotFound
from ..pine import merge
from .base import Model

RESOURCE = "user__has__public_key"


class Key(Model):
    def get_all(self, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({}, options)})

    def get(self, id):  # pylint: disable=redefined-builtin
        key = self.pine.get({"resource": RESOURCE, "id": id})
        if key is None:
            raise KeyNotFound(id)
        return key

    def remove(self, id):  # pylint: disable=redefined-builtin
        self.pine.delete({"resource": RESOURCE, "id": id})

    def create(self, title, key):
        user_id = self.ctx.auth.get_user_info()["id"]
        return self.pine.post({"resource": RESOURCE, "body": {"title": title, "public_key": key.strip(), "user": user_id}})
