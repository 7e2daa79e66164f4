# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models``: every model of the SDK, sharing one context."""

from __future__ import annotations

from .api_key import ApiKey
from .application import Application
from .config import Config
from .device import Device
from .device_type import DeviceType
from .image import Image
from .key import Key
from .organization import Organization
from .os_versions import DeviceOs
from .release import Release
from .service import Service
from .team import Team


class Models:
    def __init__(self, ctx):
        self.application = Application(ctx)
        self.device = Device(ctx)
        self.device_type = DeviceType(ctx)
        self.api_key = ApiKey(ctx)
        self.key = Key(ctx)
        self.organization = Organization(ctx)
        self.os = DeviceOs(ctx)
        self.config = Config(ctx)
        self.release = Release(ctx)
        self.service = Service(ctx)
        self.image = Image(ctx)
        self.team = Team(ctx)
