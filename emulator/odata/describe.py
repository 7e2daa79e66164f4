"""Writes parsed expressions back as OData text, so that error messages quote what the client sent."""
from __future__ import annotations

from .syntax import AliasRef, Binary, Call, CountTail, In, LambdaTail, Literal, Not, Path


def describe(node) -> str:
    if isinstance(node, Literal):
        return _literal(node)
    if isinstance(node, AliasRef):
        return f"@{node.name}"
    if isinstance(node, Path):
        return "/".join(node.names) + _tail(node.tail)
    if isinstance(node, Call):
        return f"{node.name}({', '.join(describe(arg) for arg in node.args)})"
    if isinstance(node, Binary):
        return f"{describe(node.left)} {node.op} {describe(node.right)}"
    if isinstance(node, Not):
        return f"not {describe(node.operand)}"
    if isinstance(node, In):
        return f"{describe(node.operand)} in ({', '.join(describe(item) for item in node.items)})"
    return "an expression"


def _literal(node: Literal) -> str:
    if node.type == "null":
        return "null"
    if node.type == "boolean":
        return "true" if node.value else "false"
    if node.type in ("integer", "real"):
        return str(node.value)
    if node.type == "string":
        return "'" + str(node.value).replace("'", "''") + "'"
    return f"{node.type}'{node.value}'"


def _tail(tail) -> str:
    if isinstance(tail, CountTail):
        return "/$count"
    if isinstance(tail, LambdaTail):
        return f"/{tail.kind}(...)"
    return ""
