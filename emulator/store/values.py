"""Turns written values into their stored form, and stored values into Python values.

A value of the wrong type is a 400 naming the field and what it takes (the real API's body
validation answers an empty 400).
"""
from __future__ import annotations

import json
import re
from datetime import datetime

from ..errors import ApiError
from .timestamps import format_instant, from_epoch_ms, normalise_instant

DEFAULT_STRING_LENGTH = 255
_INTEGER_TEXT = re.compile(r"^\s*-?\d+\s*$")
_REAL_TEXT = re.compile(r"^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$")


EXPECTED = {
    "integer": "an integer", "biginteger": "an integer", "fk": "an integer id", "real": "a number",
    "string": "a string", "text": "a string", "boolean": "true or false (or 1 or 0)",
    "datetime": "a date (ISO 8601 text or epoch milliseconds)", "json": "a JSON object or array",
}


class _WrongType(Exception):
    """Raised by the converters below; to_stored turns it into a 400 that names the field."""


def _invalid() -> _WrongType:
    return _WrongType()


def _integer(value):
    if isinstance(value, bool):
        raise _invalid()
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    if isinstance(value, str) and _INTEGER_TEXT.match(value):
        return int(value)
    raise _invalid()


def _real(value):
    if isinstance(value, bool):
        raise _invalid()
    if isinstance(value, (int, float)):
        return value
    if isinstance(value, str) and _REAL_TEXT.match(value):
        return float(value)
    raise _invalid()


def _boolean(value):
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int) and value in (0, 1):
        return value
    raise _invalid()


def _datetime(value):
    if isinstance(value, datetime):   # from hooks and seeding, never from JSON
        return format_instant(value)
    if isinstance(value, bool):
        raise _invalid()
    if isinstance(value, (int, float)):
        return from_epoch_ms(value)
    if isinstance(value, str):
        stamp = normalise_instant(value)
        if stamp is not None:
            return stamp
    raise _invalid()


def _json(value):
    if isinstance(value, (dict, list)):
        return json.dumps(value, separators=(",", ":"))
    if isinstance(value, str):
        # Already in stored form (a value that went through here once, e.g. re-checked after hooks).
        try:
            if isinstance(json.loads(value), (dict, list)):
                return value
        except ValueError:
            pass
    raise _invalid()


def _text(field, value):
    if not isinstance(value, str):
        raise _invalid()
    limit = field.max_length if field.max_length is not None else (
        DEFAULT_STRING_LENGTH if field.type == "string" else None)
    if limit is not None and len(value) > limit:
        raise ApiError(400, f"Invalid request: {field.name} is {len(value)} characters long, at most {limit} are allowed")
    return value


INT4_TYPES = ("integer", "fk")       # 32-bit columns, as in the real API's database
INT4_RANGE = range(-2 ** 31, 2 ** 31)


def out_of_int4_range(value, column: str) -> str:
    return f'value "{value}" is out of range for type integer ({column})'


def to_stored(field, value):
    """The stored form of `value` for `field`, or an ApiError(400) that says what is wrong."""
    if value is None:
        if field.required or not field.nullable:
            raise ApiError(400, f"Invalid request: {field.name} cannot be null")
        return None
    try:
        stored = _convert(field, value)
    except _WrongType:
        raise ApiError(400, f"Invalid request: {field.name} must be {EXPECTED.get(field.type, field.type)}") from None
    if field.type == "fk" and stored not in INT4_RANGE:   # ids; some integer fields hold more (memory_total)
        raise ApiError(400, f"Invalid request: {out_of_int4_range(value, field.name)}")
    if field.choices is not None and stored not in field.choices and value not in field.choices:
        raise ApiError(400, "Check constraint violated")
    return stored


def _convert(field, value):
    kind = field.type
    if kind in ("integer", "biginteger", "fk"):
        stored = _integer(value)
    elif kind == "real":
        stored = _real(value)
    elif kind in ("string", "text"):
        stored = _text(field, value)
    elif kind == "boolean":
        stored = _boolean(value)
    elif kind == "datetime":
        stored = _datetime(value)
    elif kind == "json":
        stored = _json(value)
    else:
        stored = value
    return stored


def from_stored(kind: str, value):
    """A stored value as hooks and REST routes see it: booleans as bool, json parsed, fks as ints."""
    if value is None:
        return None
    if kind == "boolean":
        return bool(value)
    if kind == "json":
        try:
            return json.loads(value) if isinstance(value, str) else value
        except ValueError:
            return value
    return value
