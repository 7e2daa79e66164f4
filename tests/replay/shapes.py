"""Compare the shape of two JSON bodies: keys, value types, list versus object.

Values are not compared. `null` matches any type (a nullable field can hold a value in one
world and not in the other), and so do integers and floats (both are JSON numbers).
"""
from __future__ import annotations


def kind(value) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, (int, float)):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "list"
    return "object"


def differences(recorded, actual, where: str = "$", extra_allowed: frozenset = frozenset()) -> list[str]:
    """Every place where `actual` does not have the shape of `recorded`; keys in
    `extra_allowed` may appear in `actual` without being recorded."""
    expected_kind, actual_kind = kind(recorded), kind(actual)
    if "null" in (expected_kind, actual_kind):
        return []
    if expected_kind != actual_kind:
        return [f"{where}: {expected_kind} expected, got {actual_kind}"]
    if expected_kind == "object":
        found = []
        missing = sorted(set(recorded) - set(actual))
        extra = sorted(set(actual) - set(recorded) - extra_allowed)
        if missing:
            found.append(f"{where}: missing keys {missing}")
        if extra:
            found.append(f"{where}: unexpected keys {extra}")
        for key in sorted(set(recorded) & set(actual)):
            found.extend(differences(recorded[key], actual[key], f"{where}.{key}", extra_allowed))
        return found
    if expected_kind == "list" and recorded and actual:
        found = []
        for index, item in enumerate(actual):
            found.extend(_row_differences(recorded, item, f"{where}[{index}]", extra_allowed))
        return found[:10]
    return []


def _row_differences(recorded_rows: list, row, where: str, extra_allowed: frozenset) -> list[str]:
    """A returned row against all recorded rows of the same list: a key every recorded row has
    is required, a key no recorded row has is unexpected (rows may differ in optional keys).
    The same rule applies inside nested objects: the recording shows that rows of one list differ
    there too (one device type's contract has `media.altBoot`, another's does not)."""
    objects = [r for r in recorded_rows if isinstance(r, dict)]
    if not objects or not isinstance(row, dict):
        return differences(recorded_rows[0], row, where, extra_allowed)
    required = set.intersection(*(set(r) for r in objects))
    allowed = set.union(*(set(r) for r in objects))
    found = []
    if required - set(row):
        found.append(f"{where}: missing keys {sorted(required - set(row))}")
    if set(row) - allowed - extra_allowed:
        found.append(f"{where}: unexpected keys {sorted(set(row) - allowed - extra_allowed)}")
    for key in sorted(set(row) & allowed):
        samples = [r[key] for r in objects if r.get(key) is not None]
        found.extend(_sampled_differences(samples, row[key], f"{where}.{key}", extra_allowed))
    return found


def _sampled_differences(samples: list, actual, where: str, extra_allowed: frozenset) -> list[str]:
    """`actual` against every non-null recorded value at the same place in the rows of a list."""
    if not samples or actual is None:
        return []
    kinds = {kind(sample) for sample in samples}
    if kind(actual) not in kinds:
        return [f"{where}: {' or '.join(sorted(kinds))} expected, got {kind(actual)}"]
    if isinstance(actual, dict):
        return _row_differences([s for s in samples if isinstance(s, dict)], actual, where, extra_allowed)
    if isinstance(actual, list):
        items = [item for sample in samples if isinstance(sample, list) for item in sample]
        if not items:
            return []
        found = []
        for index, item in enumerate(actual):
            found.extend(_row_differences(items, item, f"{where}[{index}]", extra_allowed))
        return found[:10]
    return []
