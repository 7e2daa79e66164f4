# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The pine client: OData requests through the shared transport, with pine-client's unwrapping."""

from __future__ import annotations

import re

from ..exceptions import RequestError
from ..parallel import ParallelCalls
from ..reference_cache import ReferenceCache
from .compiler import PineCompileError, compile_params
from .paging import count_options, iterate_pages

_UNIQUE = re.compile("unique", re.IGNORECASE)


class Pine:
    """``get``/``post``/``patch``/``put``/``delete``/``upsert``/``get_or_create`` as in pine-client,
    plus ``count``, ``iterate`` and ``compile``."""

    def __init__(self, transport, settings):
        self._transport = transport
        self._settings = settings
        self._prefix_override = None
        # Shared by every model of one SDK instance, which all use this client.
        self.reference_cache = ReferenceCache()
        self.parallel = ParallelCalls()

    @property
    def api_prefix(self):
        """``<api_endpoint>/<api_version>/``; assigning it (as scripts for the official SDK do) overrides it."""
        if self._prefix_override is not None:
            return self._prefix_override
        return "{0}/{1}/".format(str(self._settings.get("api_endpoint")).rstrip("/"), self._settings.get("api_version"))

    @api_prefix.setter
    def api_prefix(self, value):
        # Configured by the caller, like api_endpoint: the token may go there.
        self._transport.trust_origin(value)
        self._prefix_override = value

    def compile(self, params):
        return compile_params(params)

    def request(self, params):
        method = str(params.get("method", "GET")).upper()
        compiled = compile_params(params)
        prefix = params.get("api_prefix", self._prefix_override)
        if prefix is not None:
            return self._transport.request(method, compiled, body=params.get("body"), endpoint=prefix, send_token=None)
        path = "/{0}/{1}".format(self._settings.get("api_version"), compiled)
        return self._transport.request(method, path, body=params.get("body"), send_token=None)

    def transform_get_result(self, params):
        singular = params.get("id") is not None

        def unwrap(data):
            if not isinstance(data, dict):
                raise Exception("Response was not a JSON object: '{0}'".format(type(data)))  # pylint: disable=broad-exception-raised
            found = data.get("d")
            if found is None:
                raise Exception("Invalid response received, the 'd' property is missing.")  # pylint: disable=broad-exception-raised
            if not singular or not isinstance(found, list):
                return found
            if len(found) > 1:
                raise Exception("Returned multiple results when only one was expected.")  # pylint: disable=broad-exception-raised
            return found[0] if found else None

        return unwrap

    def get(self, params):
        return self.transform_get_result(params)(self.request(dict(params, method="GET")))

    def post(self, params):
        return self.request(dict(params, method="POST"))

    def patch(self, params):
        return self.request(dict(params, method="PATCH"))

    def put(self, params):
        return self.request(dict(params, method="PUT"))

    def delete(self, params):
        return self.request(dict(params, method="DELETE"))

    def get_or_create(self, params):
        key = params["id"]
        body = params["body"]
        if params["resource"].endswith("/$count"):
            raise PineCompileError("getOrCreate does not support $count on resources")
        if body is None:
            raise PineCompileError("The body property is missing")
        if not isinstance(key, dict):
            raise PineCompileError("The id property must be an object with the natural key of the model")
        rest = {name: value for name, value in params.items() if name not in ("id", "body")}
        found = self.get(dict(rest, id=key))
        if found is not None:
            return found
        return self.post(dict(rest, body=dict(key, **body)))

    def upsert(self, params):
        """POST the natural key and body; on a unique-constraint conflict (409), PATCH by the key."""
        key = params["id"]
        body = params["body"]
        if not isinstance(key, dict):
            raise PineCompileError("The id property must be an object")
        if not key:
            raise PineCompileError("The id property must be an object with the natural key of the model")
        if body is None:
            raise PineCompileError("The body property is missing")
        rest = {name: value for name, value in params.items() if name not in ("id", "body")}
        try:
            return self.post(dict(rest, body=dict(key, **body)))
        except RequestError as error:
            if error.status_code != 409 or not _UNIQUE.search(str(error.body)):
                raise
        options = dict(rest.get("options") or {})
        options["$filter"] = key if options.get("$filter") is None else {"$and": [options["$filter"], key]}
        return self.patch(dict(rest, options=options, body=body))

    def count(self, params):
        """The number of rows the params' ``$filter`` matches (other options are ignored)."""
        counted = dict(params, options=count_options(params.get("options")))
        counted.pop("id", None)
        return self.get(counted)

    def iterate(self, params, page_size=1000, check_count=False):
        """Every matching row, fetched in pages of ``page_size`` with a stable order.

        ``check_count``: count the rows alongside the first page (one request more, no wait), so
        that a server or proxy cutting pages shorter than asked cannot end the paging early. The
        balena API has no maximum page size, so without it a short page is taken as the end."""
        if not check_count:
            return iterate_pages(self.get, params, page_size)
        return iterate_pages(self.get, params, page_size, count=self.count, together=self.parallel.run)
