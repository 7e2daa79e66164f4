"""SQL functions the OData compiler relies on, registered on the store's connection."""
from __future__ import annotations

import math

from .timestamps import parse_instant, shift_instant


def _nullsafe(function):
    def wrapper(*args):
        if any(arg is None for arg in args):
            return None
        try:
            return function(*args)
        except (TypeError, ValueError):
            return None
    return wrapper


def _part(stamp, part):
    moment = parse_instant(stamp) if isinstance(stamp, str) else None
    if moment is None:
        return None
    if part == "fractionalseconds":
        return moment.microsecond / 1_000_000
    if part == "date":
        return moment.strftime("%Y-%m-%d")
    if part == "time":
        return moment.strftime("%H:%M:%S.") + f"{moment.microsecond // 1000:03d}"
    if part == "totaloffsetminutes":
        return 0
    return getattr(moment, part)


def _substring(text, start, length=None):
    start = max(int(start), 0)
    return str(text)[start:] if length is None else str(text)[start:start + max(int(length), 0)]


_FUNCTIONS = {
    "odata_startswith": (2, lambda text, prefix: int(str(text).startswith(str(prefix)))),
    "odata_endswith": (2, lambda text, suffix: int(str(text).endswith(str(suffix)))),
    "odata_contains": (2, lambda text, part: int(str(part) in str(text))),
    "odata_indexof": (2, lambda text, part: str(text).find(str(part))),
    "odata_substring2": (2, _substring),
    "odata_substring3": (3, _substring),
    "odata_trim": (1, lambda text: str(text).strip()),
    "odata_round": (1, lambda number: math.floor(number + 0.5)),
    "odata_floor": (1, math.floor),
    "odata_ceiling": (1, math.ceil),
    "odata_part": (2, _part),
    "odata_shift": (2, shift_instant),
}


def register_functions(connection) -> None:
    for name, (arity, function) in _FUNCTIONS.items():
        connection.create_function(name, arity, _nullsafe(function), deterministic=True)
