"""Parses the query string of an OData request (and the options nested in `$expand`) into QueryOptions."""
from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import unquote

from .expression import parse_filter, parse_literal, parse_orderby
from .limits import MAX_NESTING, too_deep
from .syntax import Expand, MalformedUrl, QueryOptions, integer_value

_IGNORED = ("$format", "$inlinecount", "$count")
_KNOWN = ("$select", "$filter", "$expand", "$orderby", "$top", "$skip") + _IGNORED
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]*$")
_UNSIGNED = re.compile(r"^\d+$")


def split_top_level(text: str, separators: str) -> list[str]:
    """Splits on any of `separators` outside parentheses and quoted strings."""
    parts, depth, start, quoted = [], 0, 0, False
    for index, char in enumerate(text):
        if char == "'":
            quoted = not quoted
        elif quoted:
            continue
        elif char == "(":
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                raise MalformedUrl("unbalanced parentheses")
        elif depth == 0 and char in separators:
            parts.append(text[start:index])
            start = index + 1
    if depth != 0:
        raise MalformedUrl("unbalanced parentheses")
    parts.append(text[start:])
    return parts


def _parse_select(text: str) -> tuple:
    names = tuple(part.strip() for part in text.split(","))
    if names == ("*",):
        return names
    for name in names:
        if not _NAME.match(name):
            raise MalformedUrl(f"bad $select item {name!r}")
    return names


def _parse_unsigned(text: str) -> int:
    text = text.strip()
    if not _UNSIGNED.match(text):
        raise MalformedUrl(f"not an unsigned integer: {text!r}")
    return integer_value(text)


def _parse_expand(text: str, depth: int) -> tuple:
    if depth > MAX_NESTING:
        raise too_deep("$expand")
    items = []
    for raw_item in split_top_level(text, ","):
        item = raw_item.strip()
        options_text = None
        if item.endswith(")"):
            opening = item.find("(")
            if opening < 0:
                raise MalformedUrl("bad $expand")
            item, options_text = item[:opening].strip(), item[opening + 1:-1]
        count = False
        if item.endswith("/$count"):
            item, count = item[: -len("/$count")], True
        if not _NAME.match(item):
            raise MalformedUrl(f"bad $expand item {item!r}")
        options = _parse_pairs(split_top_level(options_text, ";&"), depth) if options_text else QueryOptions()
        items.append(Expand(item, options, count))
    return tuple(items)


def _parse_pairs(pairs: list[str], depth: int) -> QueryOptions:
    """`depth` is 0 for the request's own options, 1 and more inside `$expand`."""
    nested = depth > 0
    values: dict = {}
    aliases: dict = {}
    custom: dict = {}
    for pair in pairs:
        if not pair:
            continue
        name, _, value = pair.partition("=")
        name = name.strip()
        if name.startswith("$"):
            if name not in _KNOWN:
                raise MalformedUrl(f"unknown option {name}")
            values[name] = value
        elif name.startswith("@") and not nested:
            aliases[name[1:]] = parse_literal(value)
        elif nested:
            raise MalformedUrl(f"unknown nested option {name}")
        else:
            custom[name] = value
    select = _parse_select(values["$select"]) if "$select" in values else None
    return QueryOptions(
        select=select,
        filter=parse_filter(values["$filter"]) if "$filter" in values else None,
        expand=_parse_expand(values["$expand"], depth + 1) if "$expand" in values else (),
        orderby=parse_orderby(values["$orderby"]) if "$orderby" in values else (),
        top=_parse_unsigned(values["$top"]) if "$top" in values else None,
        skip=_parse_unsigned(values["$skip"]) if "$skip" in values else None,
        aliases=aliases,
        custom=custom,
    )


@lru_cache(maxsize=1024)
def parse_query(raw_query: str) -> QueryOptions:
    """`raw_query` is what follows `?`, percent-encoded or not."""
    decoded = unquote(raw_query)
    return _parse_pairs(split_top_level(decoded, "&"), depth=0)
