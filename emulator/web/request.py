"""The request object handed to every route handler."""
from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import parse_qsl, unquote

from ..errors import ApiError

MAX_JSON_NESTING = 100
_JSON_STRINGS = re.compile(rb'"(?:[^"\\]|\\.)*"', re.S)
_NOT_BRACKETS = bytes(sorted(set(range(256)) - set(b"[]{}")))


def json_nesting(text: bytes) -> int:
    """How deep arrays and objects nest in a JSON text, counted without parsing it."""
    depth = deepest = 0
    for byte in _JSON_STRINGS.sub(b"", text).translate(None, _NOT_BRACKETS):
        if byte in b"[{":
            depth += 1
            deepest = max(deepest, depth)
        else:
            depth -= 1
    return deepest


@dataclass
class Request:
    method: str
    raw_target: str          # path and query exactly as received (still percent-encoded)
    headers: Any             # case-insensitive mapping (http.client.HTTPMessage)
    body: bytes = b""
    params: dict = field(default_factory=dict)   # values captured by the route pattern
    caller: Any = None       # emulator.auth.caller.Caller, resolved by the server before dispatch

    @property
    def raw_path(self) -> str:
        return self.raw_target.split("?", 1)[0]

    @property
    def path(self) -> str:
        return unquote(self.raw_path)

    @property
    def raw_query(self) -> str:
        parts = self.raw_target.split("?", 1)
        return parts[1] if len(parts) == 2 else ""

    def query(self) -> dict[str, str]:
        """Decoded query parameters; a repeated name keeps its last value."""
        return dict(parse_qsl(self.raw_query, keep_blank_values=True))

    def header(self, name: str, default: str | None = None) -> str | None:
        value = self.headers.get(name)
        return default if value is None else value

    def json(self, default: Any = None) -> Any:
        """The body parsed as JSON (form-encoded bodies are accepted too); `default` when empty."""
        if not self.body:
            return default
        content_type = (self.header("Content-Type") or "").lower()
        if content_type.startswith("application/x-www-form-urlencoded"):
            return dict(parse_qsl(self.body.decode("utf-8", "replace"), keep_blank_values=True))
        if json_nesting(self.body) > MAX_JSON_NESTING:
            raise ApiError(400, f"Bad Request: the JSON body nests more than {MAX_JSON_NESTING} levels deep",
                           as_text=True)
        try:
            value = json.loads(self.body)
        except UnicodeDecodeError as exc:
            raise _bad_json("the JSON body is not valid UTF-8") from exc
        except json.JSONDecodeError as exc:
            raise _bad_json(f"the body is not valid JSON: {exc.msg} at line {exc.lineno} column {exc.colno}") from exc
        except ValueError as exc:   # an integer beyond Python's digit limit for conversion
            raise _bad_json(f"a number in the JSON body is too long: {exc}") from exc
        field = _unpaired_surrogate(value)
        if field is not None:
            raise _bad_json(f"{field} holds an unpaired UTF-16 surrogate, which is not valid Unicode")
        return value


def _bad_json(problem: str) -> ApiError:
    return ApiError(400, f"Bad Request: {problem}", as_text=True)


def _unpaired_surrogate(value: Any, where: str = "the JSON body") -> str | None:
    """Where in a parsed JSON value a string holds a lone surrogate (`\\ud800`), which no store can encode."""
    if isinstance(value, str):
        try:
            value.encode("utf-8")
        except UnicodeEncodeError:
            return where
        return None
    if isinstance(value, list):
        items = ((f"{where}[{index}]", item) for index, item in enumerate(value))
    elif isinstance(value, dict):
        for key in value:
            if _unpaired_surrogate(key) is not None:
                return "a field name in " + where
        items = ((f'the field "{key}"' if where == "the JSON body" else f"{where}.{key}", item)
                 for key, item in value.items())
    else:
        return None
    return next((found for name, item in items if (found := _unpaired_surrogate(item, name)) is not None), None)
