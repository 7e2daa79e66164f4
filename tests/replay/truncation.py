"""Undo the recorder's shortening of long strings (README §3), so the requests are the same size."""
from __future__ import annotations

import re

_TRUNCATED = re.compile(r"^(?P<kept>.*)\.\.\.<string truncated: (?P<length>\d+) chars>$", re.S)


def restore(value):
    """Rebuild strings the recorder shortened to 2,000 characters (a repeated letter)."""
    if isinstance(value, str):
        found = _TRUNCATED.match(value)
        if found and len(set(found.group("kept"))) == 1:
            return found.group("kept")[0] * int(found.group("length"))
        return value
    if isinstance(value, dict):
        return {k: restore(v) for k, v in value.items()}
    if isinstance(value, list):
        return [restore(v) for v in value]
    return value


def restore_path(path: str) -> str:
    """The ~20 KB URL probe (seq 756) was shortened; continue its ascending id list."""
    found = _TRUNCATED.match(path)
    if not found:
        return path
    kept, length = found.group("kept"), int(found.group("length"))
    head = kept.rsplit(",", 1)[0]           # drop the cut-off last item
    last = int(head.rsplit("%20", 1)[-1])   # items are separated by ",%20"
    parts = [head]
    while len("".join(parts)) < length:
        last += 1
        parts.append(f",%20{last}")
    return "".join(parts) + ")"
