"""Splits an OData expression (already percent-decoded) into tokens."""
from __future__ import annotations

import re
from typing import NamedTuple

from .syntax import InvalidQuery, MalformedUrl, integer_value

TYPED_LITERALS = ("datetime", "date", "time", "duration", "datetimeoffset")


class Token(NamedTuple):
    kind: str       # name string number typed punct alias end
    value: object
    text: str = ""  # for typed: the type prefix


_NUMBER = re.compile(r"-?\d+(\.\d+)?([eE][-+]?\d+)?")
_NAME = re.compile(r"\$?[A-Za-z_][A-Za-z0-9_]*")
_ALIAS = re.compile(r"@[A-Za-z_][A-Za-z0-9_]*")
_PUNCT = "(),/:=;"


def _read_quoted(text: str, start: int) -> tuple[str, int]:
    """`start` is just past the opening quote; returns the unescaped text and the index after the closing quote."""
    out = []
    i = start
    while True:
        end = text.find("'", i)
        if end < 0:
            # Not "Malformed url": the real server answers an unterminated string like an unknown name.
            raise InvalidQuery(f"the string '{text[start:start + 40]} has no closing quote")
        out.append(text[i:end])
        if text.startswith("''", end):
            out.append("'")
            i = end + 2
            continue
        return "".join(out), end + 1


def tokenize(text: str) -> list[Token]:
    tokens: list[Token] = []
    i = 0
    length = len(text)
    while i < length:
        char = text[i]
        if char in " \t\r\n+" and not (char == "+" and i + 1 < length and text[i + 1].isdigit()):
            i += 1
            continue
        if char == "'":
            value, i = _read_quoted(text, i + 1)
            tokens.append(Token("string", value))
            continue
        if char in _PUNCT:
            tokens.append(Token("punct", char))
            i += 1
            continue
        match = _NUMBER.match(text, i)
        if match and (char != "-" or match.end() > i + 1):
            raw = match.group(0)
            is_real = match.group(1) is not None or match.group(2) is not None
            tokens.append(Token("number", float(raw) if is_real else integer_value(raw), "real" if is_real else "integer"))
            i = match.end()
            continue
        match = _ALIAS.match(text, i)
        if match:
            tokens.append(Token("alias", match.group(0)[1:]))
            i = match.end()
            continue
        match = _NAME.match(text, i)
        if match:
            name = match.group(0)
            i = match.end()
            if name.lower() in TYPED_LITERALS and i < length and text[i] == "'":
                value, i = _read_quoted(text, i + 1)
                tokens.append(Token("typed", value, name.lower()))
            else:
                tokens.append(Token("name", name))
            continue
        raise MalformedUrl(f"unexpected character {char!r}")
    tokens.append(Token("end", None))
    return tokens
