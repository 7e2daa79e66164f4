"""Response objects and the constructors handlers use to build them."""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Iterator

JSON_TYPE = "application/json; charset=utf-8"
TEXT_TYPE = "text/plain; charset=utf-8"


@dataclass
class Response:
    status: int = 200
    body: bytes = b""
    content_type: str | None = None
    headers: dict = field(default_factory=dict)
    stream: Iterator[bytes] | None = None   # when set, sent chunked, one chunk per item, body ignored


def json_response(value: Any, status: int = 200, headers: dict | None = None) -> Response:
    return Response(status, json.dumps(value, separators=(",", ":")).encode(), JSON_TYPE, headers or {})


def text_response(text: str, status: int = 200) -> Response:
    return Response(status, text.encode(), TEXT_TYPE)


def empty_response(status: int = 200) -> Response:
    return Response(status)


def stream_response(chunks: Iterator[bytes], content_type: str, status: int = 200) -> Response:
    return Response(status, b"", content_type, {}, chunks)
