# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.config``: the API's public configuration."""

from __future__ import annotations

from .base import Model


class Config(Model):
    def get_all(self):
        return self._request("GET", "/config")
