# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What every model holds: the shared context and the one identifier resolver."""

from __future__ import annotations

from urllib.parse import urljoin

from ..exceptions import RequestError, SupervisorLocked
from ..resolver import Resolver

SUPERVISOR_LOCKED_STATUS = 423


class Model:
    def __init__(self, ctx):
        self.ctx = ctx
        self.pine = ctx.pine
        self.resolve = Resolver(ctx.pine)

    @property
    def settings(self):
        return self.ctx.settings

    def _request(self, method, path, **kwargs):
        return self.ctx.transport.request(method, path, **kwargs)

    def _supervisor_request(self, method, path, **kwargs):
        """A REST call through the API's supervisor proxy: HTTP 423 means the device holds an update lock."""
        try:
            return self._request(method, path, **kwargs)
        except RequestError as error:
            if error.status_code == SUPERVISOR_LOCKED_STATUS:
                raise SupervisorLocked() from None
            raise

    def _request_mapping_404(self, not_found, method, path, **kwargs):
        """A REST call whose HTTP 404 means the named resource does not exist."""
        try:
            return self._request(method, path, **kwargs)
        except RequestError as error:
            if error.status_code == 404:
                raise not_found from None
            raise

    def _dashboard_url(self, path):
        """The dashboard page ``path``: the API host with ``api`` replaced by ``dashboard``."""
        return urljoin(str(self.settings.get("api_endpoint")).replace("api", "dashboard"), path)


def strip_quotes(value):
    """API key endpoints answer with a JSON string; the transport may hand it over decoded or raw."""
    return value.strip('"') if isinstance(value, str) else value
