"""The parsed forms of an OData request: filter expressions, query options and the URL target."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Optional


class MalformedUrl(Exception):
    """The request cannot be parsed: answered 400 "Malformed url: '<raw target>'"."""


def integer_value(text: str) -> int:
    """Digits (maybe signed) as an int. Beyond 19 digits (more than 64 bits, and possibly more than
    Python converts) it raises the OverflowError SQLite raises for a number it cannot bind."""
    if len(text.lstrip("+-").lstrip("0")) > 19:
        raise OverflowError(text)
    return int(text)


class InvalidQuery(Exception):
    """The request parses but names something that does not exist or mixes types: answered 400 with
    a message (the real API answers an empty 500)."""


@dataclass(frozen=True)
class Literal:
    value: Any
    type: str   # string integer real boolean null datetime date duration


@dataclass(frozen=True)
class AliasRef:
    name: str   # a parameter alias `@name`


@dataclass(frozen=True)
class CountTail:
    filter: Any = None


@dataclass(frozen=True)
class LambdaTail:
    kind: str               # any | all
    var: Optional[str] = None
    body: Any = None


@dataclass(frozen=True)
class Path:
    names: tuple            # navigation and field names, in order
    tail: Any = None        # CountTail | LambdaTail | None


@dataclass(frozen=True)
class Call:
    name: str
    args: tuple


@dataclass(frozen=True)
class Binary:
    op: str                 # eq ne gt ge lt le add sub mul div mod and or
    left: Any
    right: Any


@dataclass(frozen=True)
class Not:
    operand: Any


@dataclass(frozen=True)
class In:
    operand: Any
    items: tuple


@dataclass(frozen=True)
class OrderItem:
    expr: Any
    descending: bool


@dataclass(frozen=True)
class Expand:
    name: str
    options: "QueryOptions"
    count: bool = False     # `nav/$count`


@dataclass(frozen=True)
class QueryOptions:
    select: Optional[tuple] = None      # None or ("*",) for every field
    filter: Any = None
    expand: tuple = ()
    orderby: tuple = ()
    top: Optional[int] = None
    skip: Optional[int] = None
    aliases: dict = field(default_factory=dict, hash=False, compare=False)   # @name -> Literal
    custom: dict = field(default_factory=dict, hash=False, compare=False)    # params without `$`


@dataclass(frozen=True)
class Target:
    """What the URL path addresses: `/v7/<resource>[(<key>)][/<navigation>][/$count]`."""
    resource: str
    key: Any = None         # None, a Literal, an AliasRef, or a tuple of (name, Literal|AliasRef)
    navigation: Optional[str] = None
    count: bool = False
