"""Looks up resources (by name or alias), their fields and their navigations, from the declarations."""
from __future__ import annotations

from dataclasses import dataclass

from ..schema.declare import COMPUTED, Field, Resource

BASE_FIELDS = (
    Field("created_at", "datetime", nullable=False),
    Field("modified_at", "datetime", nullable=False),
    Field("id", "integer", nullable=False),
)


@dataclass(frozen=True)
class Navigation:
    name: str
    target: Resource
    to_one: bool        # through an fk of the source row; otherwise rows of target pointing back
    column: str         # the fk field: on the source when to_one, on the target otherwise


class Catalog:
    def __init__(self, resources):
        values = resources.values() if isinstance(resources, dict) else resources
        self.resources = {resource.name: resource for resource in values}
        self._names = dict(self.resources)
        for resource in self.resources.values():
            for alias in resource.aliases:
                self._names.setdefault(alias, resource)
        self._fields: dict = {}
        self._navigations: dict = {}
        self._all_fields: dict = {}

    def resolve(self, name: str) -> Resource | None:
        return self._names.get(name)

    def all_fields(self, resource: Resource) -> tuple:
        """Every readable field in wire order: created_at, modified_at, id, then the declared ones.
        Unreadable fields are unknown to the engine: not in `*`, refused in $select, $filter, $orderby."""
        found = self._all_fields.get(resource.name)
        if found is None:
            declared = tuple(field for field in resource.fields
                             if field.name not in ("id", "created_at", "modified_at") and field.readable)
            found = self._all_fields[resource.name] = BASE_FIELDS + declared
        return found

    def field(self, resource: Resource, name: str) -> Field | None:
        key = (resource.name, name)
        if key not in self._fields:
            self._fields[key] = next((f for f in self.all_fields(resource) if f.name == name), None)
        return self._fields[key]

    def navigation(self, resource: Resource, name: str) -> Navigation | None:
        key = (resource.name, name)
        if key not in self._navigations:
            self._navigations[key] = self._find_navigation(resource, name)
        return self._navigations[key]

    def _find_navigation(self, resource: Resource, name: str) -> Navigation | None:
        real = resource.nav_aliases.get(name, name)
        field = resource.field(real)
        if field is not None and field.readable and field.type == "fk" and field.references in self.resources:
            return Navigation(name, self.resources[field.references], True, real)
        for reverse in resource.reverse:
            if reverse.name == real and reverse.resource in self.resources:
                return Navigation(name, self.resources[reverse.resource], False, reverse.field)
        return None


def column_sql(field: Field, alias: str) -> str:
    if field.write == COMPUTED and field.sql:
        return "(" + field.sql.format(t=alias) + ")"
    return f'{alias}."{field.name}"'
