# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The ``Balena`` facade: the official SDK's entry point."""

from __future__ import annotations

from .context import SdkContext
from .logs import Logs
from .models import Models
from .resumable_download import Downloads


class Balena:
    """``Balena(settings=None)`` with ``settings``, ``pine``, ``auth`` (and ``auth.two_factor``), ``logs`` and ``models``,
    plus ``downloads`` (not in the official SDK).

    ``settings`` takes the official keys (``balena_host``, ``data_directory`` (False: memory
    only), ``timeout``, ``request_limit``, ...) plus ``api_endpoint``: any http(s) API base URL.
    """

    def __init__(self, settings=None):
        self._ctx = SdkContext(settings)
        self.settings = self._ctx.settings
        self.pine = self._ctx.pine
        self.auth = self._ctx.auth
        self.logs = Logs(self._ctx)
        self.models = Models(self._ctx)
        self.downloads = Downloads(self._ctx)
