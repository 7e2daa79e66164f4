"""The SQLite store: one connection, serialised by one re-entrant lock."""
from __future__ import annotations

import sqlite3
import threading
from contextlib import contextmanager

from .budget import DEFAULT_QUERY_BUDGET_MS, QueryBudget
from .functions import register_functions
from .tables import create_missing
from .transaction import Transaction


class Store:
    """`Store(db_path, resources)`: `db_path` is a file or ":memory:"; `resources` the declared Resources
    (a dict by name or an iterable). Tables are named as the resources; missing ones are created.
    `query_budget_ms` bounds the CPU time of the client queries of one transaction (0: no bound)."""

    def __init__(self, db_path: str, resources, world=None, query_budget_ms: int = DEFAULT_QUERY_BUDGET_MS):
        values = resources.values() if isinstance(resources, dict) else resources
        self.resources = {resource.name: resource for resource in values}
        self.world = world
        self.lock = threading.RLock()
        self.connection = sqlite3.connect(db_path, check_same_thread=False, isolation_level=None)
        if db_path != ":memory:":
            self.connection.execute("PRAGMA journal_mode=WAL")
            self.connection.execute("PRAGMA synchronous=NORMAL")
        register_functions(self.connection)
        self.budget = QueryBudget(self.connection, query_budget_ms)
        self._depth = 0
        self._references = self._index_references()
        with self.lock:
            create_missing(self.connection, self.resources.values())

    def resource(self, name_or_resource):
        if not isinstance(name_or_resource, str):
            return name_or_resource
        resource = self.resources.get(name_or_resource)
        if resource is None:
            raise KeyError(f"unknown resource {name_or_resource}")
        return resource

    def references_to(self, resource_name: str) -> list:
        """(resource, fk field name) pairs whose rows point at rows of `resource_name`."""
        return self._references.get(resource_name, [])

    def _index_references(self) -> dict:
        found: dict = {}
        for resource in self.resources.values():
            for field in resource.fields:
                if field.type == "fk" and field.references and field.write != "computed":
                    found.setdefault(field.references, []).append((resource, field.name))
        return found

    @contextmanager
    def transaction(self):
        """Serialised access; a nested use joins the outer transaction through a savepoint."""
        with self.lock:
            depth = self._depth
            savepoint = f"sp{depth}"
            self.connection.execute("BEGIN" if depth == 0 else f"SAVEPOINT {savepoint}")
            self._depth += 1
            try:
                yield Transaction(self)
            except BaseException:
                self._depth -= 1
                if depth == 0:
                    self.connection.execute("ROLLBACK")
                else:
                    self.connection.execute(f"ROLLBACK TO {savepoint}")
                    self.connection.execute(f"RELEASE {savepoint}")
                raise
            self._depth -= 1
            self.connection.execute("COMMIT" if depth == 0 else f"RELEASE {savepoint}")

    def close(self) -> None:
        with self.lock:
            self.connection.close()
