"""Errors a handler raises to answer with a given status and body, the way the real API words them."""
from __future__ import annotations

import json


class ApiError(Exception):
    """An HTTP error answer. `body` is sent as given: None means an empty body."""

    def __init__(self, status: int, body: object = None, *, as_text: bool = False, headers: dict | None = None):
        super().__init__(f"{status}: {body!r}")
        self.status = status
        self.body = body
        self.as_text = as_text
        self.headers = headers or {}

    def payload(self) -> tuple[bytes, str | None]:
        if self.body is None:
            return b"", None
        if self.as_text:
            return str(self.body).encode(), "text/plain; charset=utf-8"
        return json.dumps(self.body).encode(), "application/json; charset=utf-8"


def bad_request(message: str | None = None) -> ApiError:
    """400 with the message as a JSON string (hook and rule failures), or empty (body validation)."""
    return ApiError(400, message)


def unauthorized() -> ApiError:
    """401 with an empty body: what the API answers for missing rights and unknown resources alike."""
    return ApiError(401)


def not_found(message: str | None = None) -> ApiError:
    return ApiError(404, message)


def conflict(message: str) -> ApiError:
    return ApiError(409, message)


def malformed_url(raw_path: str) -> ApiError:
    return ApiError(400, f"Malformed url: '{raw_path}'")
