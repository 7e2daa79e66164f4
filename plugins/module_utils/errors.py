# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turn what went wrong into one clear sentence and a ``failure`` dict for ``fail_json``.

A message names what was being done and to what, the problem, the HTTP status and balena's
own message. The SDK already redacts credentials from response bodies and URLs.
"""

from __future__ import annotations

import json
import re

from http.client import responses


# What an authorization failure means when the API explains nothing (it answers 401 and 403 with
# an empty body). balena also answers 401 when the key is valid but cannot see the resource, so
# the meaning depends on whether the key itself was accepted (``key_valid``: True, False or None).
EMPTY_ANSWER_MEANINGS = {
    401: "Unauthorized: the API key is not valid (mistyped, expired or revoked), or it may not {verb} {resource}",
    403: "Forbidden: the API key may not {verb} {resource}",
}
INVALID_KEY = "the API key was refused: it is not valid (mistyped, expired or revoked); check api_key"
READ_ONLY_KEY = "the API key is valid but read-only for {resource}: it may see it, not change it"
NOT_VISIBLE = "the API key is valid but may not see {resource}"
AUTHORIZATION_STATUSES = (401, 403)
HTML_PAGE = re.compile(r"^<(!doctype html|html|head|body|title)\b", re.IGNORECASE)
WRONG_API_URL = "not found, with no message: api_url ({api_url}) may be wrong; it should be the API's base address"
# The SDK names its settings; a module user knows the options they come from.
SETTINGS_AS_OPTIONS = (("the timeout setting", "the timeout option"), ("set api_endpoint to", "set api_url to"))


class ParameterError(Exception):
    """Input the module rejects before any write: names the parameter and the problem."""

    def __init__(self, parameter, problem):
        super().__init__("{0}: {1}".format(parameter, problem))
        self.parameter = parameter
        self.problem = problem


class ReadOnlyError(Exception):
    """The API accepted a write but left rows unchanged that the key may only read."""


class AnswerLostError(Exception):
    """A create took effect but its answer never arrived: the object exists, the task did not finish."""


def answer_lost(error):
    """Whether ``error`` broke a request after it may have reached the API (no HTTP status came back)."""
    return getattr(error, "status_code", 0) is None and type(error).__name__ in ("ConnectionFailed", "RequestTimeout")


class OperationError(Exception):
    """An SDK exception with the operation it interrupted (``"creating variable X on fleet Y"``)."""

    def __init__(self, action, error):
        super().__init__(action)
        self.action = action
        self.error = error


def balena_message(body):
    """balena's error text from a response body: a JSON string, an object with a message, or text."""
    if body is None:
        return ""
    if isinstance(body, bytes):
        body = body.decode("utf-8", "replace")
    if isinstance(body, str):
        text = body.strip()
        if HTML_PAGE.match(text):
            # A proxy's or a framework's error page: its markup says nothing the status does not.
            return ""
        try:
            body = json.loads(text) if text else ""
        except ValueError:
            return text
    if isinstance(body, dict):
        for key in ("message", "error", "description"):
            if isinstance(body.get(key), str):
                return body[key]
        return json.dumps(body, sort_keys=True)
    return body if isinstance(body, str) else json.dumps(body)


def describe(error, action=None, key_valid=None, api_url=None):
    """``(message, failure)`` for an SDK exception, optionally prefixed by the action it interrupted.

    ``key_valid`` says whether the API key was accepted (None: not known), to tell a wrong key from
    one that may not do what was asked; ``api_url`` (as it may be shown) is named when the address
    itself looks wrong.
    """
    status = getattr(error, "status_code", None)
    code = getattr(error, "code", type(error).__name__)
    failure = {"code": code}
    if hasattr(error, "body"):
        message = as_options(balena_message(error.body))
        said = _request_meaning(status, message, error, key_valid, api_url)
        failure.update({"status": status, "message": message or said, "method": error.method, "path": error.path})
        if error.detail:
            failure["detail"] = error.detail
        problem = _request_problem(status, said, error)
    else:
        problem = getattr(error, "message", None) or str(error) or code
        failure["message"] = problem
    text = "{0} failed: {1}".format(action, problem) if action else problem
    return text, failure


def as_options(text):
    for setting, option in SETTINGS_AS_OPTIONS:
        text = text.replace(setting, option)
    return text


def _request_meaning(status, message, error, key_valid, api_url):
    """What the answer means, in words: balena's message, or what its status says when it gave none."""
    reading = error.method in ("GET", "HEAD")
    if status in AUTHORIZATION_STATUSES and key_valid is False:
        return INVALID_KEY
    if status in AUTHORIZATION_STATUSES and key_valid and not message:
        return (NOT_VISIBLE if reading else READ_ONLY_KEY).format(resource=resource_of(error.path))
    if message:
        return message
    if status in EMPTY_ANSWER_MEANINGS:
        return EMPTY_ANSWER_MEANINGS[status].format(verb="see" if reading else "change", resource=resource_of(error.path))
    if status == 404 and api_url:
        return WRONG_API_URL.format(api_url=api_url)
    if getattr(error, "reason", None) or status in responses:
        return getattr(error, "reason", None) or responses[status]
    return "no message"


def _request_problem(status, said, error):
    # The request as messages name it: without its query, which can be a screenful of OData.
    where = " ".join(part for part in (error.method, (error.path or "").split("?", 1)[0]) if part)
    if status is None:
        # Connection failures and timeouts: the SDK's own text says which.
        return "{0} ({1})".format(said, where) if where else said
    return "HTTP {0} from the balena API: {1} ({2})".format(status, said, where)


def resource_of(path):
    """How a message names what a request was about: ``/v7/device(5)?$select=id`` is ``device(5)``."""
    bare = (path or "").split("?", 1)[0]
    found = re.match(r"^/v\d+/([^/]+)", bare)
    if found:
        return found.group(1)
    return bare or "the requested resource"
