"""Parses the path of an OData URL (after `/v7/`) into a Target."""
from __future__ import annotations

import re
from functools import lru_cache

from .expression import parse_literal
from .options import split_top_level
from .syntax import AliasRef, MalformedUrl, Target

_RESOURCE = re.compile(r"^([A-Za-z_][A-Za-z0-9_]*)(?:\((.*)\))?$", re.S)
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_ALIAS = re.compile(r"^@([A-Za-z_][A-Za-z0-9_]*)$")


def _parse_key_value(text: str):
    text = text.strip()
    alias = _ALIAS.match(text)
    if alias:
        return AliasRef(alias.group(1))
    return parse_literal(text)


def _parse_key(text: str):
    parts = split_top_level(text, ",")
    if len(parts) == 1 and "=" not in parts[0].split("'")[0]:
        return _parse_key_value(parts[0])
    pairs = []
    for part in parts:
        name, sep, value = part.partition("=")
        if not sep or not _NAME.match(name.strip()):
            raise MalformedUrl("bad key")
        pairs.append((name.strip(), _parse_key_value(value)))
    return tuple(pairs)


@lru_cache(maxsize=1024)
def parse_target(path: str) -> Target:
    """`path` is the decoded path below `/v7/`, e.g. `device(uuid='abc')/device_tag/$count`."""
    segments = _split_segments(path)
    if not segments or not segments[0]:
        raise MalformedUrl("no resource")
    count = False
    if segments[-1] == "$count":
        count = True
        segments = segments[:-1]
    match = _RESOURCE.match(segments[0])
    if not match or len(segments) > 2:
        raise MalformedUrl("bad resource path")
    resource, key_text = match.group(1), match.group(2)
    key = _parse_key(key_text) if key_text is not None else None
    navigation = None
    if len(segments) == 2:
        if key is None or not _NAME.match(segments[1]):
            raise MalformedUrl("bad navigation")
        navigation = segments[1]
    return Target(resource, key, navigation, count)


def _split_segments(path: str) -> list[str]:
    segments, depth, start, quoted = [], 0, 0, False
    for index, char in enumerate(path):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
        elif char == "/" and depth == 0:
            segments.append(path[start:index])
            start = index + 1
    segments.append(path[start:])
    if any(segment == "" for segment in segments):
        raise MalformedUrl("empty path segment")
    return segments
