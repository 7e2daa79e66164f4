# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A scripted stand-in for the transport: records every request the models send, answers from rules.

The real pine client and settings run on top of it, so tests see the exact URLs the SDK builds.
"""

from __future__ import annotations

import re
from types import SimpleNamespace
from urllib.parse import unquote

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError
from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import Pine
from ansible_collections.balena.cloud.plugins.module_utils.sdk.settings import Settings


def canonical_path(path):
    """The decoded path with its query options sorted: option order carries no meaning."""
    resource, _sep, query = path.partition("?")
    if not query:
        return unquote(resource)
    return unquote(resource) + "?" + "&".join(sorted(unquote(option) for option in query.split("&")))


def canonical_request(text):
    method, _sep, path = text.partition(" ")
    resource, _sep, query = path.partition("?")
    if not query:
        return text
    return "%s %s?%s" % (method, resource, "&".join(sorted(query.split("&"))))


class RequestList(list):
    """Requests as ``"METHOD /path?options"``; equal to a list written with options in any order."""

    def __eq__(self, other):
        return list(self) == [canonical_request(text) for text in other]

    def __ne__(self, other):
        return not self == other

    __hash__ = None


class Call:
    def __init__(self, method, path, body, qs, endpoint, token, send_token=True):
        self.send_token = send_token
        self.method = method
        self.path = path
        self.body = body
        self.qs = qs
        self.endpoint = endpoint
        self.token = token

    def __repr__(self):
        return "%s %s %r" % (self.method, self.path, self.body)


class FakeTransport:
    def __init__(self):
        self.calls = []
        self.rules = []
        self.trusted = []

    def on(self, method, pattern, response):
        """Answer ``method`` requests whose decoded path matches ``pattern`` (a regex) with ``response``.

        ``response`` is data, an exception to raise, or a callable ``(call) -> data``. Later rules win.
        """
        self.rules.insert(0, (method, re.compile(pattern), response))
        return self

    def request(self, method, path, body=None, qs=None, endpoint=None, send_token=True, token=None,
                return_raw=False, stream=False, timeout=None, headers=None):
        call = Call(method, canonical_path(path), body, qs, endpoint, token, send_token)
        self.calls.append(call)
        for rule_method, pattern, response in self.rules:
            if rule_method == method and pattern.search(call.path):
                if isinstance(response, Exception):
                    raise response
                return response(call) if callable(response) else response
        if method == "GET" and "/v7/" in call.path:
            return {"d": []}
        return "OK"

    def trust_origin(self, url):
        self.trusted.append(url)

    def paths(self):
        return RequestList("%s %s" % (call.method, call.path) for call in self.calls)


class FakeAuth:
    def __init__(self, user_id=7, actor_id=70):
        self.user_id = user_id
        self.actor_id = actor_id

    def get_user_info(self):
        return {"id": self.user_id, "actor": self.actor_id, "username": "alice", "email": "alice@example.com"}

    def get_actor_id(self):
        return self.actor_id


def make_context():
    settings = Settings({"data_directory": False, "api_endpoint": "http://api.test"})
    transport = FakeTransport()
    return SimpleNamespace(settings=settings, transport=transport, pine=Pine(transport, settings), auth=FakeAuth())


def unique_violation():
    return RequestError('"unique" constraint violated', status_code=409)
