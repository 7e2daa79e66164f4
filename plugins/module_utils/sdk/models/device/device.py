# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.device``: devices."""

from __future__ import annotations

from ..application import Application
from ..base import Model
from ..config import Config
from ..os_versions import DeviceOs
from .history import DeviceHistory
from .local_mode import DeviceLocalMode
from .local_supervisor import LocalSupervisor
from .os_update import DeviceOsUpdate
from .provisioning import DeviceProvisioning
from .queries import DeviceQueries
from .service_var import DeviceServiceEnvVariable
from .setters import DeviceSetters
from .supervisor import DeviceSupervisor
from .variables import DeviceConfigVariable, DeviceEnvVariable, DeviceTag


class Device(DeviceQueries, DeviceSetters, DeviceSupervisor, DeviceOsUpdate, DeviceLocalMode, DeviceProvisioning, Model):
    def __init__(self, ctx):
        super(Device, self).__init__(ctx)
        self.tags = DeviceTag(ctx)
        self.config_var = DeviceConfigVariable(ctx)
        self.env_var = DeviceEnvVariable(ctx)
        self.service_var = DeviceServiceEnvVariable(ctx)
        self.history = DeviceHistory(ctx)
        self._local_supervisor = LocalSupervisor(ctx.transport)
        self._os = DeviceOs(ctx)
        self._config = Config(ctx)
        self._application = Application(ctx)
