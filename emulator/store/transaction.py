"""What code inside `store.transaction()` works with: reads, raw SQL, and hooked writes."""
from __future__ import annotations

import re
import sqlite3
from datetime import datetime, timezone

from ..errors import ApiError, bad_request, conflict, unauthorized
from ..hooks.base import WriteOp, hooks_for
from ..schema.declare import COMPUTED, CREATE_ONLY, SERVER, Field
from .tables import BASE_COLUMNS, quote, stored_fields
from .timestamps import format_instant
from .values import from_stored, to_stored

_BASE_FIELDS = {
    "id": Field("id", "integer", nullable=False),
    "created_at": Field("created_at", "datetime", nullable=False),
    "modified_at": Field("modified_at", "datetime", nullable=False),
}
_UNIQUE_FAILURE = re.compile(r"UNIQUE constraint failed: (.*)")


def unique_message(error: sqlite3.IntegrityError) -> str:
    match = _UNIQUE_FAILURE.search(str(error))
    if not match:
        return "Unique key constraint violated"
    names = [column.strip().split(".", 1)[-1] for column in match.group(1).split(",")]
    return " and ".join(f'"{name}"' for name in names) + " must be unique."


class Transaction:
    """Rows come back as dicts of Python values: booleans as bool, json parsed, fks as plain ids,
    datetimes as stored ISO text. Hooks see `op.values` and `op.old` in the same form."""

    def __init__(self, store):
        self.store = store
        self.connection = store.connection
        self.world = store.world
        self.query_seconds = 0.0   # CPU time the client queries of this transaction used

    # -- reading
    def now(self) -> str:
        clock = getattr(self.world, "clock", None)
        return format_instant(clock() if clock else datetime.now(timezone.utc))

    def query(self, sql: str, params=()) -> list[dict]:
        cursor = self.connection.execute(sql, params)
        names = [column[0] for column in cursor.description or ()]
        return [dict(zip(names, row)) for row in cursor.fetchall()]

    def execute(self, sql: str, params=()):
        return self.connection.execute(sql, params)

    def run_query(self, sql: str, params=()) -> list:
        """All rows of SQL compiled from a client's query, run within the store's query budget; what the
        database refuses as too complex or too costly answers 400."""
        return self.store.budget.run(self, sql, params)

    def get(self, resource, id) -> dict | None:
        rows = self.find(resource, id=id)
        return rows[0] if rows else None

    def find(self, resource, **equals) -> list[dict]:
        resource = self.store.resource(resource)
        clauses = []
        params = []
        for name, value in equals.items():
            if value is None:
                clauses.append(f"{quote(name)} IS NULL")
            else:
                clauses.append(f"{quote(name)} = ?")
                params.append(int(value) if isinstance(value, bool) else value)
        sql = f"SELECT * FROM {quote(resource.name)}"
        if clauses:
            sql += " WHERE " + " AND ".join(clauses)
        return [self._decode(resource, row) for row in self.query(sql + " ORDER BY id", params)]

    def _decode(self, resource, row: dict) -> dict:
        for field in resource.fields:
            if field.name in row and field.type in ("boolean", "json"):
                row[field.name] = from_stored(field.type, row[field.name])
        return row

    # -- writing
    def insert(self, resource, values: dict, caller=None, *, client: bool = False, may_create=None) -> int:
        """Creates a row through the hooks; returns its id. `client=True` drops what clients may not set.
        `may_create(row)`, when given, judges the row that conflicts with a unique key: a caller who may
        not create it gets 401, not word of the row it conflicts with."""
        resource = self.store.resource(resource)
        if client:
            values = self.client_body(resource, values, caller)
        op = WriteOp(self.world, caller, resource, self,
                     values=self._decode(resource, self.prepare(resource, values, "create", client)))
        for hooks in hooks_for(resource.name):
            hooks.before_create(op)
        row = self.prepare(resource, op.values, "create", False)
        self._complete(resource, row)
        self._check_references(resource, row)
        now = self.now()
        row.setdefault("created_at", now)
        row.setdefault("modified_at", row["created_at"])
        names = list(row)
        sql = (f"INSERT INTO {quote(resource.name)} (" + ", ".join(quote(name) for name in names)
               + ") VALUES (" + ", ".join("?" for _ in names) + ")")
        try:
            cursor = self.connection.execute(sql, [row[name] for name in names])
        except sqlite3.IntegrityError as error:
            if may_create is not None and not may_create(row):
                raise unauthorized() from error
            raise conflict(unique_message(error)) from error
        op.id = cursor.lastrowid
        op.values = self._decode(resource, row)
        for hooks in hooks_for(resource.name):
            hooks.after_create(op)
        return op.id

    def update(self, resource, id, values: dict, caller=None, *, client: bool = False) -> bool:
        """Changes the fields in `values` through the hooks; False if the row does not exist."""
        resource = self.store.resource(resource)
        old = self.get(resource, id)
        if old is None:
            return False
        if client:
            values = self.client_body(resource, values, caller, id, old)
        op = WriteOp(self.world, caller, resource, self, id=id, old=old,
                     values=self._decode(resource, self.prepare(resource, values, "update", client)))
        for hooks in hooks_for(resource.name):
            hooks.before_update(op)
        changes = self.prepare(resource, op.values, "update", False)
        changes.pop("id", None)
        self._check_references(resource, changes)
        if changes:
            changes.setdefault("modified_at", self.now())
            sql = (f"UPDATE {quote(resource.name)} SET " + ", ".join(f"{quote(name)} = ?" for name in changes)
                   + " WHERE id = ?")
            try:
                self.connection.execute(sql, [*changes.values(), id])
            except sqlite3.IntegrityError as error:
                raise conflict(unique_message(error)) from error
        op.values = self._decode(resource, changes)
        for hooks in hooks_for(resource.name):
            hooks.after_update(op)
        return True

    def delete(self, resource, id, caller=None) -> bool:
        """Deletes a row through the hooks (which delete dependants first); False if it does not exist."""
        resource = self.store.resource(resource)
        old = self.get(resource, id)
        if old is None:
            return False
        op = WriteOp(self.world, caller, resource, self, id=id, old=old)
        for hooks in hooks_for(resource.name):
            hooks.before_delete(op)
        for referencing, field_name in self.store.references_to(resource.name):
            found = self.connection.execute(
                f"SELECT 1 FROM {quote(referencing.name)} WHERE {quote(field_name)} = ? LIMIT 1", (id,)
            ).fetchone()
            if found:
                raise conflict(f"Data is referenced by {referencing.name}.")
        self.connection.execute(f"DELETE FROM {quote(resource.name)} WHERE id = ?", (id,))
        for hooks in hooks_for(resource.name):
            hooks.after_delete(op)
        return True

    # -- validation
    def client_body(self, resource, values: dict, caller=None, id=None, old=None) -> dict:
        """A client's raw body after the hooks' `prepare` turned convenience inputs into fields."""
        op = WriteOp(self.world, caller, resource, self, id=id, old=old, values=dict(values or {}))
        for hooks in hooks_for(resource.name):
            prepare = getattr(hooks, "prepare", None)
            if prepare is not None:
                prepare(op)
        return op.values

    def prepare(self, resource, values: dict, mode: str, client: bool) -> dict:
        """Known fields only, in stored form. Clients' values for server-owned fields are dropped."""
        prepared = {}
        for name, value in (values or {}).items():
            if name in BASE_COLUMNS:
                if not client:
                    prepared[name] = to_stored(_BASE_FIELDS[name], value)
                continue
            field = resource.field(name)
            if field is None or field.write == COMPUTED:
                continue
            if client and (field.write == SERVER or (mode == "update" and field.write == CREATE_ONLY)):
                continue
            prepared[name] = to_stored(field, value)
        return prepared

    def _complete(self, resource, row: dict) -> None:
        """Defaults, then required fields (a missing one is a 400 naming it; the real API answers an empty 500)."""
        for field in stored_fields(resource):
            if row.get(field.name) is None and field.name not in row:
                default = field.default() if callable(field.default) else field.default
                if default is None and field.type == "boolean" and not field.nullable:
                    default = False
                if default is not None:
                    row[field.name] = to_stored(field, default)
            if row.get(field.name) is None and (field.required or not field.nullable):
                raise bad_request(f"It is necessary that each {resource.name} has a {field.name}.")

    def _check_references(self, resource, row: dict) -> None:
        for name, value in row.items():
            field = resource.field(name)
            if field is None or field.type != "fk" or value is None or not field.references:
                continue
            target = self.store.resources.get(field.references)
            if target is None:
                continue
            found = self.connection.execute(
                f"SELECT 1 FROM {quote(target.name)} WHERE id = ?", (value,)
            ).fetchone()
            if not found:
                raise ApiError(409, "Foreign key constraint violated")
