"""Creates the SQLite tables, unique constraints and foreign-key indexes the declarations describe."""
from __future__ import annotations

from ..schema.declare import COMPUTED

BASE_COLUMNS = ("id", "created_at", "modified_at")
_SQL_TYPES = {
    "integer": "INTEGER", "biginteger": "INTEGER", "fk": "INTEGER", "boolean": "INTEGER",
    "real": "REAL", "string": "TEXT", "text": "TEXT", "datetime": "TEXT", "json": "TEXT",
}


def quote(name: str) -> str:
    return '"' + name.replace('"', '""') + '"'


def stored_fields(resource) -> list:
    return [field for field in resource.fields if field.write != COMPUTED and field.name not in BASE_COLUMNS]


def _create_table_sql(resource) -> str:
    columns = ["id INTEGER PRIMARY KEY AUTOINCREMENT", "created_at TEXT", "modified_at TEXT"]
    columns += [f"{quote(field.name)} {_SQL_TYPES.get(field.type, '')}".strip() for field in stored_fields(resource)]
    for names in resource.unique:
        columns.append("UNIQUE (" + ", ".join(quote(name) for name in names) + ")")
    return f"CREATE TABLE IF NOT EXISTS {quote(resource.name)} (\n  " + ",\n  ".join(columns) + "\n)"


def create_missing(connection, resources) -> None:
    """Creates missing tables, adds missing columns to existing ones, and indexes every fk column."""
    for resource in resources:
        connection.execute(_create_table_sql(resource))
        existing = {row[1] for row in connection.execute(f"PRAGMA table_info({quote(resource.name)})")}
        for field in stored_fields(resource):
            if field.name not in existing:
                connection.execute(
                    f"ALTER TABLE {quote(resource.name)} ADD COLUMN {quote(field.name)} {_SQL_TYPES.get(field.type, '')}"
                )
        for field in stored_fields(resource):
            if field.type == "fk":
                index = quote(f"{resource.name}__{field.name}__idx")
                connection.execute(
                    f"CREATE INDEX IF NOT EXISTS {index} ON {quote(resource.name)} ({quote(field.name)})"
                )
