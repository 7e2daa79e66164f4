# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one context an SDK instance shares between all its parts."""

from __future__ import annotations

from .auth import Auth
from .pine import Pine
from .request import Transport
from .settings import Settings


class SdkContext:
    """``settings``, ``transport`` (the single HTTP session), ``pine`` and the single ``auth``."""

    def __init__(self, settings_config=None, session=None):
        self.settings = Settings(settings_config)
        self.transport = Transport(self.settings, session=session)
        self.pine = Pine(self.transport, self.settings)
        self.auth = Auth(self)
