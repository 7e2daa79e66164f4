# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Talking to the supervisor of the device this code runs on, when balenaOS exposes it."""

from __future__ import annotations

import os

from ...exceptions import RequestError, SupervisorLocked
from ..base import SUPERVISOR_LOCKED_STATUS


class LocalSupervisor:
    """Direct supervisor API access, enabled by the variables balenaOS sets for a container."""

    def __init__(self, transport, environ=None):
        environ = os.environ if environ is None else environ
        self.transport = transport
        self.address = environ.get("BALENA_SUPERVISOR_ADDRESS")
        self.api_key = environ.get("BALENA_SUPERVISOR_API_KEY")
        self.app_id = environ.get("BALENA_APP_ID")
        self.device_uuid = environ.get("BALENA_DEVICE_UUID")

    @property
    def available(self):
        return bool(self.address and self.api_key and self.app_id)

    def targets(self, uuid_or_id):
        return self.available and (uuid_or_id is None or uuid_or_id == self.device_uuid)

    def call(self, method, path, body=None):
        try:
            return self.transport.request(
                method, path, body=body, qs={"apikey": self.api_key}, endpoint=self.address, send_token=False,
            )
        except RequestError as error:
            if error.status_code == SUPERVISOR_LOCKED_STATUS:
                raise SupervisorLocked() from None
            raise
