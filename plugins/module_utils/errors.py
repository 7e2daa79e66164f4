# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Turn what went wrong into one clear sentence and a ``failure`` dict for ``fail_json``.

A message names what was being done and to what, the problem, the HTTP status and balena's
own message. The SDK already redacts credentials from response bodies and URLs.
"""

from __future__ import annotations

import json
import re


# What an authorization failure means when the API explains nothing (it answers 401 and 403 with
# an empty body). balena also answers 401 when the key is valid but cannot see the resource.
EMPTY_ANSWER_MEANINGS = {
    401: "Unauthorized: the API key is not valid (mistyped, expired or revoked), or it may not {verb} {resource}",
    403: "Forbidden: the API key may not {verb} {resource}",
}


class ParameterError(Exception):
    """Input the module rejects before any write: names the parameter and the problem."""

    def __init__(self, parameter, problem):
        super().__init__("{0}: {1}".format(parameter, problem))
        self.parameter = parameter
        self.problem = problem


class ReadOnlyError(Exception):
    """The API accepted a write but left rows unchanged that the key may only read."""


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


def describe(error, action=None):
    """``(message, failure)`` for an SDK exception, optionally prefixed by the action it interrupted."""
    status = getattr(error, "status_code", None)
    code = getattr(error, "code", type(error).__name__)
    failure = {"code": code}
    if hasattr(error, "body"):
        message = balena_message(error.body)
        failure.update({"status": status, "message": message, "method": error.method, "path": error.path})
        if error.detail:
            failure["detail"] = error.detail
        problem = _request_problem(status, message, error)
    else:
        problem = getattr(error, "message", None) or str(error) or code
        failure["message"] = problem
    text = "{0} failed: {1}".format(action, problem) if action else problem
    return text, failure


def _request_problem(status, message, error):
    if status is None:
        # Connection failures and timeouts: the SDK's own text says which.
        where = " ".join(part for part in (error.method, error.path) if part)
        return "{0} ({1})".format(error.body, where) if where else str(error.body)
    if message:
        said = message
    elif status in EMPTY_ANSWER_MEANINGS:
        verb = "see" if error.method in ("GET", "HEAD") else "change"
        said = EMPTY_ANSWER_MEANINGS[status].format(verb=verb, resource=resource_of(error.path))
    else:
        said = "no message"
    return "HTTP {0} from the balena API: {1} ({2} {3})".format(status, said, error.method, error.path)


def resource_of(path):
    """How a message names what a request was about: ``/v7/device(5)?$select=id`` is ``device(5)``."""
    bare = (path or "").split("?", 1)[0]
    found = re.match(r"^/v\d+/([^/]+)", bare)
    if found:
        return found.group(1)
    return bare or "the requested resource"
