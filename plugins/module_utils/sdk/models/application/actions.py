# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fleet-wide supervisor actions."""

from __future__ import annotations

from ...exceptions import ApplicationNotFound, RequestError, SupervisorLocked
from ...identifiers import is_id
from ..base import SUPERVISOR_LOCKED_STATUS

NO_ONLINE_DEVICE = "No online device(s) found"


class ApplicationActions:
    def restart(self, slug_or_uuid_or_id):
        app_id = self.get_id(slug_or_uuid_or_id)
        try:
            self._request("POST", "/application/%d/restart" % app_id)
        except RequestError as error:
            if error.status_code == 404 and NO_ONLINE_DEVICE not in str(error.body):
                raise ApplicationNotFound(slug_or_uuid_or_id) from None
            if error.status_code == 404 and is_id(slug_or_uuid_or_id):
                # The API's 404 also means "the fleet has no online device"; an id was not looked up
                # before the call, so only a look-up tells that from a missing fleet.
                self.resolve.application(app_id, {"$select": "id"})
            if error.status_code == SUPERVISOR_LOCKED_STATUS:
                raise SupervisorLocked() from None
            raise

    def purge(self, app_id):
        self._supervisor_request("POST", "/supervisor/v1/purge", body={"appId": app_id, "data": {"appId": str(app_id)}})

    def shutdown(self, app_id, options={}):  # pylint: disable=dangerous-default-value
        body = {"appId": app_id, "data": {"force": bool(options.get("force"))}}
        self._supervisor_request("POST", "/supervisor/v1/shutdown", body=body)

    def reboot(self, app_id, options={}):  # pylint: disable=dangerous-default-value
        body = {"appId": app_id, "data": {"force": bool(options.get("force"))}}
        self._supervisor_request("POST", "/supervisor/v1/reboot", body=body)
