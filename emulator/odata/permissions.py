"""Turns a resource's Grants into the row filter a caller is held to for an action."""
from __future__ import annotations

from ..auth.caller import ADMIN
from ..errors import unauthorized
from .expression import parse_filter
from .syntax import Binary, InvalidQuery, MalformedUrl

UNRESTRICTED = None


class Permissions:
    def __init__(self, caller, catalog, now: str):
        self.caller = caller
        self.catalog = catalog
        self.now = now
        self._cache: dict = {}

    @property
    def is_admin(self) -> bool:
        return self.caller is not None and self.caller.kind == ADMIN

    def rule(self, resource, action: str):
        """The filter (a parsed expression) rows must match, None for every row; 401 without any grant."""
        key = (resource.name, action)
        if key in self._cache:
            return self._cache[key]
        if self.is_admin:
            self._cache[key] = UNRESTRICTED
            return UNRESTRICTED
        role = self.caller.grant_role if self.caller is not None else "guest"
        rules, granted = [], False
        for grant in resource.grants:
            if grant.who not in ("guest", role) or action not in grant.actions:
                continue
            granted = True
            if grant.where is None:
                rules = None
                break
            rules.append(self._parse(self.caller.bind(grant.where) if self.caller else grant.where))
        if not granted:
            raise unauthorized()
        combined = None
        if rules is not None:
            for rule in rules:
                combined = rule if combined is None else Binary("or", combined, rule)
        self._cache[key] = combined
        return combined

    @staticmethod
    def _parse(text: str):
        try:
            return parse_filter(text)
        except MalformedUrl as error:
            raise InvalidQuery(f"bad grant rule {text!r}") from error

    def sql(self, resource, alias: str, action: str = "read") -> tuple[str | None, list]:
        rule = self.rule(resource, action)
        if rule is None:
            return None, []
        from .compiler import Compiler   # the rules themselves are compiled without further restriction
        sql, params = Compiler(self.catalog, self.now).condition(resource, alias, rule)
        return sql, params

    def restrict_reads(self, resource, alias: str) -> tuple[str | None, list]:
        return self.sql(resource, alias, "read")
