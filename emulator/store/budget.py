"""Runs the SQL compiled from a client's query within a budget of CPU time, so that one costly query
cannot hold the store (one connection behind one lock) for long while other callers wait.

The budget is counted per transaction over the statements run through it, in the CPU time of the
running thread: a busy machine slows a query down without using up its budget.
"""
from __future__ import annotations

import sqlite3
import time

from ..errors import bad_request

DEFAULT_QUERY_BUDGET_MS = 100
MAX_TEXT_BYTES = 8 * 1024 * 1024   # longest text or blob SQLite may build (stored values are far shorter)
_PROGRESS_STEPS = 100_000          # virtual-machine steps between two looks at the clock (about a millisecond)
_TOO_COMPLEX = ("parser stack overflow", "expression tree is too large", "too many sql variables",
                "too many terms", "at most")


class QueryBudget:
    """`milliseconds` of CPU time per transaction for client queries; 0 means no limit."""

    def __init__(self, connection, milliseconds: int = DEFAULT_QUERY_BUDGET_MS):
        self.connection = connection
        self.milliseconds = milliseconds
        self._deadline = None
        if hasattr(connection, "setlimit"):   # Python 3.11 and later
            connection.setlimit(sqlite3.SQLITE_LIMIT_LENGTH, MAX_TEXT_BYTES)

    def run(self, tx, sql: str, params) -> list:
        """All rows of `sql`; `tx.query_seconds` keeps what the transaction's client queries used."""
        started = time.thread_time()
        if self.milliseconds:
            self._deadline = started + self.milliseconds / 1000.0 - tx.query_seconds
            self.connection.set_progress_handler(self._over_budget, _PROGRESS_STEPS)
        try:
            return self.connection.execute(sql, params).fetchall()
        except (sqlite3.OperationalError, sqlite3.DataError) as error:
            raise self._answer(error) from error
        finally:
            if self.milliseconds:
                self.connection.set_progress_handler(None, 0)
                self._deadline = None
            tx.query_seconds += time.thread_time() - started

    def _over_budget(self) -> bool:
        return self._deadline is not None and time.thread_time() > self._deadline

    def _answer(self, error: Exception) -> Exception:
        text = str(error)
        if text == "interrupted" and self.milliseconds:
            return bad_request(f"Invalid request: the query was stopped after {self.milliseconds} ms of database "
                               "time; ask for less (a narrower $filter, fewer nested any() or $expand, a $top)")
        if "string or blob too big" in text:
            return bad_request(f"Invalid request: the query builds a text longer than the database allows "
                               f"({MAX_TEXT_BYTES // (1024 * 1024)} MiB); simplify its string functions")
        if any(sign in text.lower() for sign in _TOO_COMPLEX):
            return bad_request(f"Invalid request: the query is too complex for the database ({text}); "
                               "nest less or use `in (...)` for long lists")
        return error
