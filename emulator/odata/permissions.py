"""Turns a resource's Grants into the row filter a caller is held to for an action."""
from __future__ import annotations

from ..auth.caller import ADMIN, ANONYMOUS
from ..errors import unauthorized
from .catalog import column_sql
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

    def rule(self, resource, action: str, changing: frozenset = frozenset()):
        """The filter (a parsed expression) rows must match, None for every row; 401 without any grant.
        `changing`: fields an update changes; grants that keep one of them fixed do not count."""
        key = (resource.name, action, changing)
        if key in self._cache:
            return self._cache[key]
        if self.is_admin:
            self._cache[key] = UNRESTRICTED
            return UNRESTRICTED
        rules, granted = [], False
        for grant in self._grants(resource, action):
            if changing & set(grant.fixed):
                continue
            granted = True
            if grant.where is None:
                rules = None
                break
            rules.append(self._parse(self._bind(grant.where)))
        if not granted:
            raise unauthorized()
        combined = None
        if rules is not None:
            for rule in rules:
                combined = rule if combined is None else Binary("or", combined, rule)
        self._cache[key] = combined
        return combined

    def fixed(self, resource, action: str) -> frozenset:
        """Fields some grant of the caller for `action` keeps fixed (none for the admin)."""
        if self.is_admin:
            return frozenset()
        return frozenset(name for grant in self._grants(resource, action) for name in grant.fixed)

    def _grants(self, resource, action: str):
        role = self.caller.grant_role if self.caller is not None else "guest"
        return [grant for grant in resource.grants if grant.who in ("guest", role) and action in grant.actions]

    def _bind(self, template: str) -> str:
        return (self.caller or ANONYMOUS).bind(template)

    @staticmethod
    def _parse(text: str):
        try:
            return parse_filter(text)
        except MalformedUrl as error:
            raise InvalidQuery(f"bad grant rule {text!r}") from error

    def sql(self, resource, alias: str, action: str = "read",
            changing: frozenset = frozenset()) -> tuple[str | None, list]:
        rule = self.rule(resource, action, changing)
        if rule is None:
            return None, []
        return self._compile(resource, alias, rule)

    def field_sql(self, resource, field, alias: str) -> tuple[str, list]:
        """The SQL that reads `field` for this caller: null on rows outside the field's `read_where`."""
        column = column_sql(field, alias)
        if field.read_where is None or self.is_admin:
            return column, []
        rule_sql, params = self._compile(resource, alias, self._parse(self._bind(field.read_where)))
        return f"(CASE WHEN {rule_sql} THEN {column} END)", params

    def _compile(self, resource, alias: str, rule) -> tuple[str, list]:
        from .compiler import Compiler   # the rules themselves are compiled without further restriction
        return Compiler(self.catalog, self.now).condition(resource, alias, rule)

    def restrict_reads(self, resource, alias: str) -> tuple[str | None, list]:
        return self.sql(resource, alias, "read")
