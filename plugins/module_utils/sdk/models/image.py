# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.image``: built container images."""

from __future__ import annotations

from ..exceptions import ImageNotFound
from ..pine import merge
from .base import Model

DEFAULT_SELECT = [
    "id", "content_hash", "dockerfile", "project_type", "status", "error_message", "image_size",
    "created_at", "push_timestamp", "start_timestamp", "end_timestamp",
]


class Image(Model):
    def get(self, id, options={}):  # pylint: disable=redefined-builtin,dangerous-default-value
        image = self.pine.get({"resource": "image", "id": id, "options": merge({"$select": list(DEFAULT_SELECT)}, options, True)})
        if image is None:
            raise ImageNotFound(id)
        return image

    def get_logs(self, id):  # pylint: disable=redefined-builtin
        return self.get(id, {"$select": "build_log"})["build_log"]
