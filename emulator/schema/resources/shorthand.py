"""Short constructors for the field kinds the declarations repeat most."""
from __future__ import annotations

from dataclasses import replace

from ..declare import COMPUTED, CREATE_ONLY, SERVER, USER, Field

__all__ = [
    "COMPUTED", "CREATE_ONLY", "SERVER", "USER",
    "link", "string", "text", "flag", "integer", "big_integer", "timestamp", "json_value", "computed", "secret",
    "shown_where",
]


def link(name: str, target: str, *, required: bool = False, write: str = USER) -> Field:
    return Field(name, "fk", required=required, nullable=not required, write=write, references=target)


def string(name: str, *, required: bool = False, max_length: int | None = None, default=None,
           write: str = USER, choices: tuple | None = None, nullable: bool | None = None) -> Field:
    return Field(name, "string", required=required, nullable=_nullable(required, nullable, default),
                 default=default, write=write, max_length=max_length, choices=choices)


def text(name: str, *, required: bool = False, max_length: int | None = None, default=None,
         write: str = USER, nullable: bool | None = None) -> Field:
    return Field(name, "text", required=required, nullable=_nullable(required, nullable, default),
                 default=default, write=write, max_length=max_length)


def flag(name: str, default: bool = False, *, write: str = USER) -> Field:
    """A boolean that is never null (the model's `DEFAULT FALSE NOT NULL` columns)."""
    return Field(name, "boolean", nullable=False, default=default, write=write)


def integer(name: str, *, required: bool = False, default=None, write: str = USER,
            nullable: bool | None = None) -> Field:
    return Field(name, "integer", required=required, nullable=_nullable(required, nullable, default),
                 default=default, write=write)


def big_integer(name: str, *, write: str = USER) -> Field:
    return Field(name, "biginteger", write=write)


def timestamp(name: str, *, required: bool = False, write: str = USER) -> Field:
    return Field(name, "datetime", required=required, nullable=not required, write=write)


def json_value(name: str, *, required: bool = False, write: str = USER, default=None) -> Field:
    return Field(name, "json", required=required, nullable=not required, write=write, default=default)


def computed(name: str, type_: str, sql: str, *, references: str | None = None) -> Field:
    return Field(name, type_, write=COMPUTED, sql=" ".join(sql.split()), references=references)


def secret(field: Field) -> Field:
    """The same field, never readable through OData."""
    return replace(field, readable=False)


def shown_where(field: Field, where: str) -> Field:
    """The same field, read as null on rows outside `where` (a Grant-style filter template)."""
    return replace(field, read_where=where)


def _nullable(required: bool, nullable: bool | None, default) -> bool:
    if nullable is not None:
        return nullable
    return not required and default is None
