"""Parses `$filter` and `$orderby` expressions in the pinejs dialect.

`and` and `or` share one precedence level and are read left to right, as the real server does.
"""
from __future__ import annotations

from functools import lru_cache

from ..store.timestamps import normalise_instant, parse_duration
from .lexer import Token, tokenize
from .limits import MAX_NESTING, check_growth, check_height, expression_too_deep
from .syntax import (
    AliasRef, Binary, Call, CountTail, In, LambdaTail, Literal, MalformedUrl, Not, OrderItem, Path,
)

# Function name -> accepted argument counts.
FUNCTIONS = {
    "contains": (2,), "startswith": (2,), "endswith": (2,), "substringof": (2,),
    "tolower": (1,), "toupper": (1,), "length": (1,), "indexof": (2,), "substring": (2, 3),
    "replace": (3,), "trim": (1,), "concat": (2,),
    "year": (1,), "month": (1,), "day": (1,), "hour": (1,), "minute": (1,), "second": (1,),
    "fractionalseconds": (1,), "date": (1,), "time": (1,), "totaloffsetminutes": (1,),
    "totalseconds": (1,), "now": (0,), "maxdatetime": (0,), "mindatetime": (0,),
    "round": (1,), "floor": (1,), "ceiling": (1,),
}
COMPARISONS = ("eq", "ne", "gt", "ge", "lt", "le")
ADDITIVE = ("add", "sub")
MULTIPLICATIVE = ("mul", "div", "mod")


def typed_literal(kind: str, text: str) -> Literal:
    if kind == "duration":
        seconds = parse_duration(text)
        if seconds is None:
            raise MalformedUrl(f"bad duration {text!r}")
        return Literal(seconds, "duration")
    stamp = normalise_instant(text)
    if stamp is None:
        raise MalformedUrl(f"bad {kind} {text!r}")
    if kind == "date":
        return Literal(stamp[:10], "date")
    return Literal(stamp, "datetime")


class _Parser:
    def __init__(self, text: str):
        self.tokens = tokenize(text)
        self.pos = 0
        self.nesting = 0

    # -- token helpers
    def peek(self, offset: int = 0) -> Token:
        return self.tokens[min(self.pos + offset, len(self.tokens) - 1)]

    def next(self) -> Token:
        token = self.peek()
        self.pos += 1
        return token

    def at_punct(self, char: str) -> bool:
        token = self.peek()
        return token.kind == "punct" and token.value == char

    def at_word(self, *words: str) -> bool:
        token = self.peek()
        return token.kind == "name" and token.value in words

    def expect_punct(self, char: str) -> None:
        if not self.at_punct(char):
            raise MalformedUrl(f"expected {char!r}")
        self.pos += 1

    def expect_end(self) -> None:
        if self.peek().kind != "end":
            raise MalformedUrl("unexpected trailing input")

    # -- grammar
    def expression(self):
        # Every nested expression (parentheses, arguments, lambdas, $count filters) comes through here.
        self.nesting += 1
        if self.nesting > MAX_NESTING:
            raise expression_too_deep()
        node = self.negation()
        while self.at_word("and", "or"):
            op = self.next().value
            node = Binary(op, node, self.negation())
        self.nesting -= 1
        return node

    def negation(self):
        negations = 0
        while self.at_word("not") and not (self.peek(1).kind == "punct" and self.peek(1).value == "/"):
            self.pos += 1
            negations += 1
            if self.nesting + negations > MAX_NESTING:
                raise expression_too_deep()
        node = self.comparison()
        for _ in range(negations):
            node = Not(node)
        return node

    def comparison(self):
        node = self.additive()
        if self.at_word(*COMPARISONS):
            op = self.next().value
            return Binary(op, node, self.additive())
        if self.at_word("in"):
            self.pos += 1
            self.expect_punct("(")
            items = [self.additive()]
            while self.at_punct(","):
                self.pos += 1
                items.append(self.additive())
            self.expect_punct(")")
            return In(node, tuple(items))
        return node

    def additive(self):
        node = self.multiplicative()
        while self.at_word(*ADDITIVE):
            op = self.next().value
            node = Binary(op, node, self.multiplicative())
        return node

    def multiplicative(self):
        node = self.primary()
        while self.at_word(*MULTIPLICATIVE):
            op = self.next().value
            node = Binary(op, node, self.primary())
        return node

    def primary(self):
        token = self.next()
        if token.kind == "string":
            return Literal(token.value, "string")
        if token.kind == "number":
            return Literal(token.value, token.text)
        if token.kind == "typed":
            return typed_literal(token.text, token.value)
        if token.kind == "alias":
            return AliasRef(token.value)
        if token.kind == "punct" and token.value == "(":
            node = self.expression()
            self.expect_punct(")")
            return node
        if token.kind != "name" or token.value.startswith("$"):
            raise MalformedUrl(f"unexpected {token.value!r}")
        name = token.value
        if self.at_punct("("):
            return self.call(name)
        if not self.at_punct("/"):
            if name == "true":
                return Literal(True, "boolean")
            if name == "false":
                return Literal(False, "boolean")
            if name == "null":
                return Literal(None, "null")
        return self.path(name)

    def call(self, name: str):
        if name not in FUNCTIONS:
            raise MalformedUrl(f"unknown function {name}")
        self.expect_punct("(")
        args = []
        if not self.at_punct(")"):
            args.append(self.expression())
            while self.at_punct(","):
                self.pos += 1
                args.append(self.expression())
        self.expect_punct(")")
        if len(args) not in FUNCTIONS[name]:
            raise MalformedUrl(f"{name} takes {FUNCTIONS[name]} arguments")
        return Call(name, tuple(args))

    def path(self, first: str):
        names = [first]
        while self.at_punct("/"):
            self.pos += 1
            token = self.next()
            if token.kind != "name":
                raise MalformedUrl("bad path")
            if token.value == "$count":
                return Path(tuple(names), self.count_tail())
            if token.value in ("any", "all") and self.at_punct("("):
                return Path(tuple(names), self.lambda_tail(token.value))
            if token.value.startswith("$"):
                raise MalformedUrl("bad path")
            names.append(token.value)
        return Path(tuple(names))

    def count_tail(self) -> CountTail:
        if not self.at_punct("("):
            return CountTail()
        self.pos += 1
        token = self.next()
        if token.kind != "name" or token.value != "$filter":
            raise MalformedUrl("expected $filter")
        self.expect_punct("=")
        node = self.expression()
        self.expect_punct(")")
        return CountTail(node)

    def lambda_tail(self, kind: str) -> LambdaTail:
        self.expect_punct("(")
        if self.at_punct(")"):
            self.pos += 1
            return LambdaTail(kind)
        var = self.next()
        if var.kind != "name":
            raise MalformedUrl("expected a lambda variable")
        self.expect_punct(":")
        body = self.expression()
        self.expect_punct(")")
        return LambdaTail(kind, var.value, body)


@lru_cache(maxsize=2048)
def parse_filter(text: str):
    parser = _Parser(text)
    if parser.peek().kind == "end":
        raise MalformedUrl("empty expression")
    node = parser.expression()
    parser.expect_end()
    return _bounded(node)


def _bounded(node):
    check_height(node)
    check_growth(node)
    return node


@lru_cache(maxsize=1024)
def parse_orderby(text: str) -> tuple:
    parser = _Parser(text)
    items = []
    while True:
        expr = parser.additive()
        descending = True   # pinejs: no direction means descending
        if parser.at_word("asc", "desc"):
            descending = parser.next().value == "desc"
        items.append(_bounded(OrderItem(expr, descending)))
        if parser.at_punct(","):
            parser.pos += 1
            continue
        parser.expect_end()
        return tuple(items)


def parse_literal(text: str) -> Literal:
    """A parameter alias value or a key value: one literal."""
    parser = _Parser(text)
    node = parser.primary()
    parser.expect_end()
    if not isinstance(node, Literal):
        raise MalformedUrl("expected a literal")
    return node
