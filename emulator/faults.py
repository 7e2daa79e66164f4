"""Injected faults: rules that make chosen requests slow, fail, or lose their connection.

One rule model serves both the HTTP hook (`POST /_emulator/faults` with a JSON object) and the
command line (`--fault SPEC`). A rule has these keys, all optional but at least one effect:

    status       an HTTP status to answer with instead of serving the request (400-599)
    retry_after  the Retry-After header: seconds (2 or "2"), "http-date" (one second from now as
                 an HTTP date), "http-date+N" (N seconds from now as an HTTP date), or an HTTP date
                 written out in full, sent as given
    latency_ms   milliseconds to wait before answering (alone, the request is then served normally)
    drop         true: close the connection without any answer
    lose_answer  true: serve the request (a write takes effect), then close the connection without
                 the answer, as when a connection breaks after the server did its work
    every        fire on every Nth matching request only (default 1: every one)
    path         a regular expression searched in the decoded request target (path and query)
    method       only requests with this method
    times        fire at most this many times, then stay inactive

The command-line form is the same keys joined by `:`; a leading bare status or `drop` is a
shorthand, e.g. `429:retry_after=2:every=3`, `503:path=^/v7/device:times=2`, `drop:every=5`,
`latency_ms=200:method=GET`.
"""
from __future__ import annotations

import re
import threading
import time
from dataclasses import dataclass
from email.utils import formatdate
from typing import Optional
from urllib.parse import unquote

from .web.response import Response, text_response

RULE_KEYS = ("status", "retry_after", "latency_ms", "drop", "lose_answer", "every", "path", "method", "times")
_HTTP_DATE = re.compile(r"^http-date(?:\+(\d+))?$")


class FaultRuleError(ValueError):
    """A rule that cannot be understood; the message says why."""


@dataclass
class Fault:
    """What to do to one request: wait, then drop the connection or answer with `status`."""
    latency_ms: int = 0
    drop: bool = False
    lose_answer: bool = False
    status: Optional[int] = None
    retry_after: Optional[str] = None

    def response(self) -> Response:
        if self.status == 429:
            response = text_response("Too Many Requests", 429)
        else:
            response = Response(self.status or 500)
        if self.retry_after is not None:
            response.headers["Retry-After"] = _render_retry_after(self.retry_after)
        return response


def _render_retry_after(value: str) -> str:
    found = _HTTP_DATE.match(value)
    if not found:
        return value
    seconds = int(found.group(1) or 1)
    # HTTP dates have whole seconds: round up so the date is never earlier than promised.
    return formatdate(int(time.time()) + 1 + seconds, usegmt=True)


def _integer(rule: dict, key: str, minimum: int) -> Optional[int]:
    value = rule.get(key)
    if value is None:
        return None
    if isinstance(value, bool):
        raise FaultRuleError(f"{key} must be an integer")
    try:
        number = int(value)
    except (TypeError, ValueError) as exc:
        raise FaultRuleError(f"{key} must be an integer") from exc
    if number < minimum:
        raise FaultRuleError(f"{key} must be at least {minimum}")
    return number


def _boolean(value, key="drop") -> bool:
    if isinstance(value, bool):
        return value
    if isinstance(value, str) and value.lower() in ("true", "1", "yes", "false", "0", "no", ""):
        return value.lower() in ("true", "1", "yes")
    if isinstance(value, int):
        return bool(value)
    raise FaultRuleError(f"{key} must be true or false")


def _retry_after(value) -> Optional[str]:
    if value is None:
        return None
    if isinstance(value, bool):
        raise FaultRuleError("retry_after must be seconds, 'http-date[+N]' or an HTTP date")
    if isinstance(value, (int, float)):
        if value < 0:
            raise FaultRuleError("retry_after must not be negative")
        return str(int(value))
    text = str(value).strip()
    if not text:
        raise FaultRuleError("retry_after must not be empty")
    if "\r" in text or "\n" in text:
        raise FaultRuleError("retry_after must be a single line")
    return text


class FaultRule:
    """One validated rule with its own counters (thread safety is the FaultSet's job)."""

    def __init__(self, rule_id: int, rule: dict):
        if not isinstance(rule, dict):
            raise FaultRuleError("a fault rule is a JSON object")
        unknown = sorted(set(rule) - set(RULE_KEYS))
        if unknown:
            raise FaultRuleError(f"unknown rule keys: {', '.join(unknown)}")
        self.id = rule_id
        self.status = _integer(rule, "status", 100)
        if self.status is not None and not 400 <= self.status <= 599:
            raise FaultRuleError("status must be between 400 and 599")
        self.retry_after = _retry_after(rule.get("retry_after"))
        self.latency_ms = _integer(rule, "latency_ms", 0) or 0
        self.drop = _boolean(rule.get("drop", False))
        self.lose_answer = _boolean(rule.get("lose_answer", False), "lose_answer")
        self.every = _integer(rule, "every", 1) or 1
        self.times = _integer(rule, "times", 1)
        self.method = str(rule["method"]).upper() if rule.get("method") else None
        self.path = rule.get("path") or None
        try:
            self._path_regex = re.compile(self.path) if self.path else None
        except (re.error, TypeError) as exc:
            raise FaultRuleError(f"path is not a valid regular expression: {exc}") from exc
        if self.status is None and not self.drop and not self.lose_answer and not self.latency_ms:
            raise FaultRuleError("a rule needs an effect: status, drop, lose_answer or latency_ms")
        if sum((self.status is not None, self.drop, self.lose_answer)) > 1:
            raise FaultRuleError("a rule either answers with a status, drops the connection or loses the answer")
        self.matched = 0
        self.fired = 0

    def matches(self, method: str, target: str) -> bool:
        if self.method is not None and self.method != method:
            return False
        return self._path_regex is None or self._path_regex.search(target) is not None

    @property
    def exhausted(self) -> bool:
        return self.times is not None and self.fired >= self.times

    def count_and_decide(self) -> bool:
        """Counts one matching request; True when this one is to be hit."""
        if self.exhausted:
            return False
        self.matched += 1
        if self.matched % self.every:
            return False
        self.fired += 1
        return True

    def describe(self) -> dict:
        return {
            "id": self.id,
            "status": self.status,
            "retry_after": self.retry_after,
            "latency_ms": self.latency_ms,
            "drop": self.drop,
            "lose_answer": self.lose_answer,
            "every": self.every,
            "path": self.path,
            "method": self.method,
            "times": self.times,
            "matched": self.matched,
            "fired": self.fired,
        }


class FaultSet:
    """The active rules. Every matching rule counts the request; the ones that fire combine:
    their latencies add up, and the first (oldest) one that drops or answers decides the outcome."""

    def __init__(self) -> None:
        self._rules: list[FaultRule] = []
        self._next_id = 1
        self._lock = threading.Lock()

    def add(self, rule: dict) -> dict:
        with self._lock:
            added = FaultRule(self._next_id, rule)
            self._next_id += 1
            self._rules.append(added)
            return added.describe()

    def rules(self) -> list[dict]:
        with self._lock:
            return [rule.describe() for rule in self._rules]

    def remove(self, rule_id: int) -> bool:
        with self._lock:
            kept = [rule for rule in self._rules if rule.id != rule_id]
            removed = len(kept) != len(self._rules)
            self._rules = kept
            return removed

    def clear(self) -> None:
        with self._lock:
            self._rules = []

    def pick(self, request) -> Optional[Fault]:
        if not self._rules:
            return None
        target = unquote(request.raw_target)
        fault = None
        with self._lock:
            for rule in self._rules:
                if not rule.matches(request.method, target) or not rule.count_and_decide():
                    continue
                fault = fault or Fault()
                fault.latency_ms += rule.latency_ms
                if fault.status is None and not fault.drop and not fault.lose_answer:
                    fault.drop = rule.drop
                    fault.lose_answer = rule.lose_answer
                    fault.status = rule.status
                    fault.retry_after = rule.retry_after
        return fault


def parse_rule_spec(spec: str) -> dict:
    """Turns a command-line rule (`429:retry_after=2:every=3`) into the JSON rule it stands for."""
    rule: dict = {}
    # Split on `:` only where a `key=` follows, so a path regex may itself contain colons.
    parts = re.split(r":(?=[a-z_]+=|drop(?::|$))", spec.strip())
    for position, part in enumerate(parts):
        if not part:
            raise FaultRuleError(f"empty item in fault rule {spec!r}")
        if "=" not in part:
            if position == 0 and part.isdigit():
                rule["status"] = int(part)
            elif part == "drop":
                rule["drop"] = True
            else:
                raise FaultRuleError(f"cannot read {part!r} in fault rule {spec!r}")
            continue
        key, value = part.split("=", 1)
        if key not in RULE_KEYS:
            raise FaultRuleError(f"unknown key {key!r} in fault rule {spec!r}")
        rule[key] = value
    return rule
