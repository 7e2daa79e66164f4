"""Maps a method and a path to a handler. Patterns use `{name}` for one path segment."""
from __future__ import annotations

import re
from typing import Callable, NamedTuple

Handler = Callable[..., object]


class Route(NamedTuple):
    method: str
    regex: re.Pattern
    handler: Handler


def _compile(pattern: str) -> re.Pattern:
    if pattern.startswith("^"):
        return re.compile(pattern)
    parts = re.split(r"(\{\w+\})", pattern)
    regex = "".join(
        f"(?P<{part[1:-1]}>[^/]+)" if part.startswith("{") else re.escape(part) for part in parts
    )
    return re.compile(f"^{regex}$")


class Router:
    """Routes are tried in registration order; the first whose method and pattern match wins.

    A pattern starting with `^` is a raw regular expression (named groups become params).
    Method `*` matches any method.
    """

    def __init__(self) -> None:
        self._routes: list[Route] = []

    def add(self, method: str, pattern: str, handler: Handler) -> None:
        self._routes.append(Route(method.upper(), _compile(pattern), handler))

    def route(self, method: str, pattern: str) -> Callable[[Handler], Handler]:
        def register(handler: Handler) -> Handler:
            self.add(method, pattern, handler)
            return handler
        return register

    def match(self, method: str, path: str) -> tuple[Handler | None, dict]:
        for route in self._routes:
            if route.method not in ("*", method):
                continue
            found = route.regex.match(path)
            if found:
                return route.handler, found.groupdict()
        return None, {}
