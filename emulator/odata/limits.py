"""Bounds on what one `$filter`, `$orderby` or `$expand` may ask for, checked before any SQL runs.

Nesting is counted by the parser itself (never by Python's recursion limit); the height of the parsed
tree bounds the compiler's recursion and the depth of the SQL expression; the growth bound keeps
string functions from building huge values (`replace` inside `replace` multiplies a value's length).
"""
from __future__ import annotations

from .syntax import AliasRef, Binary, Call, CountTail, In, InvalidQuery, LambdaTail, Literal, Not, OrderItem, Path

MAX_NESTING = 50            # parentheses, not, function arguments, lambdas, $count filters, nested $expand
MAX_HEIGHT = 200            # operators, calls and navigation steps on the longest path of one expression
NOMINAL_VALUE_LENGTH = 1024  # what a stored text value is assumed to hold when growth is estimated
MAX_TEXT_GROWTH = 256       # a computed text may be at most this many times a stored value
_SHORT = 40                 # the text length of a number, a date or a boolean


def too_deep(what: str, counted: str = "") -> InvalidQuery:
    return InvalidQuery(f"{what} nests more than {MAX_NESTING} levels deep" + (f" ({counted})" if counted else ""))


def expression_too_deep() -> InvalidQuery:
    return too_deep("the expression", "parentheses, not, function calls and lambdas each count")


def _children(node) -> tuple[int, tuple]:
    """(levels the node itself spans, its sub-expressions)."""
    if isinstance(node, Binary):
        return 1, (node.left, node.right)
    if isinstance(node, Not):
        return 1, (node.operand,)
    if isinstance(node, In):
        return 1, (node.operand, *node.items)
    if isinstance(node, Call):
        return 1, node.args
    if isinstance(node, OrderItem):
        return 0, (node.expr,)
    if isinstance(node, Path):
        inner = node.tail.filter if isinstance(node.tail, CountTail) else getattr(node.tail, "body", None)
        return len(node.names), (() if inner is None else (inner,))
    return 1, ()


def check_height(node) -> None:
    """Walks the tree without recursion, so any tree the parser built can be measured."""
    pending = [(node, 0)]
    while pending:
        current, above = pending.pop()
        spans, children = _children(current)
        level = above + spans
        if level > MAX_HEIGHT:
            raise InvalidQuery(f"the expression is more than {MAX_HEIGHT} operators, calls and navigation steps "
                               "deep; split it or use `in (...)` for long lists")
        pending.extend((child, level) for child in children)


def check_growth(node) -> None:
    """Rejects text computed to be far longer than any stored value (call after check_height)."""
    limit = NOMINAL_VALUE_LENGTH * MAX_TEXT_GROWTH
    for current in _calls(node):
        if _length_bound(current) > limit:
            raise InvalidQuery(f"{current.name}(...) could build a text of more than {limit} characters "
                               f"({MAX_TEXT_GROWTH} times a stored value); simplify the expression")


def _calls(node):
    pending = [node]
    while pending:
        current = pending.pop()
        if isinstance(current, Call):
            yield current
        pending.extend(_children(current)[1])


def _length_bound(node) -> float:
    """An upper bound of the length of the node's value, with every stored text NOMINAL_VALUE_LENGTH long."""
    if isinstance(node, Literal):
        return len(node.value) if isinstance(node.value, str) else _SHORT
    if isinstance(node, AliasRef):
        return NOMINAL_VALUE_LENGTH
    if isinstance(node, Path):
        return NOMINAL_VALUE_LENGTH if node.tail is None else _SHORT
    if not isinstance(node, Call):
        return _SHORT
    sizes = [_length_bound(arg) for arg in node.args]
    if node.name == "concat":
        return sizes[0] + sizes[1]
    if node.name == "replace":
        pattern = node.args[1]
        if isinstance(pattern, Literal) and isinstance(pattern.value, str):
            if not pattern.value:
                return sizes[0]   # an empty pattern replaces nothing
            return sizes[0] * max(1.0, sizes[2] / len(pattern.value))
        return sizes[0] * max(1.0, sizes[2])   # a pattern that matches is at least one character long
    if node.name in ("tolower", "toupper", "trim", "substring"):
        return sizes[0]
    return _SHORT
