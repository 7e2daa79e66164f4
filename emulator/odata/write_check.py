"""Holds the rows a PATCH or PUT changed to the caller's grants, judged on the rows as they are after it.

A row the caller may update before the change must, after it:
- still match the caller's update grants;
- for every field it changed that one of those grants keeps fixed, match (before and after) the grants
  that let that field change;
- point every link the write re-pointed at a row the caller may read.
Otherwise the whole request is refused with 401 and its transaction rolled back, as for a create.
A create that conflicts with a stored row is judged on the row it would have made, so that a caller
who may not make it learns nothing of the row it conflicts with.
"""
from __future__ import annotations

import json

from ..errors import ApiError, unauthorized
from ..store.tables import quote, stored_fields


class WriteCheck:
    """`sent`: the body's fields in stored form, as every matched row will be given them."""

    def __init__(self, tx, permissions, resource, sent: dict):
        self.tx = tx
        self.permissions = permissions
        self.resource = resource
        self.sent = sent
        self.fixed_sent = frozenset(sent) & permissions.fixed(resource, "update")
        self.old: dict = {}
        self.fixed_before: set = set()

    def before(self, ids: list) -> None:
        """Records the rows about to change and which of them the grants for their fixed fields match.
        A link re-pointed at a row the caller cannot read is refused here already, so that no unique
        or other conflict with that row is reported."""
        if self.permissions.is_admin:
            return
        for row_id in ids:
            self.old[row_id] = self.tx.get(self.resource, row_id)
        for name, value in self.sent.items():
            if any(self._changes(old, (name,)) for old in self.old.values()):
                self._check_link(name, value)
        if self.fixed_sent and ids:
            try:
                self.fixed_before = self._matching(ids, self._rule_for(self.fixed_sent))
            except ApiError:   # no grant lets these fields change: fine as long as none of them does
                self.fixed_before = set()
            for row_id, old in self.old.items():
                if row_id not in self.fixed_before and self._changes(old, self.fixed_sent):
                    raise unauthorized()

    def after(self) -> None:
        """Raises 401 if a changed row fell outside what the caller may do."""
        ids = list(self.old)
        if not ids:
            return
        if set(ids) - self._matching(ids, self._rule_for(frozenset())):
            raise unauthorized()
        moved_fixed = []
        for row_id, old in self.old.items():
            new = self.tx.get(self.resource, row_id)
            if new is None:
                continue
            changed = {name for name in self.sent if old.get(name) != new.get(name)}
            if changed & self.fixed_sent:
                moved_fixed.append(row_id)
            for name in changed:
                self._check_link(name, new.get(name))
        if moved_fixed:
            allowed = self.fixed_before & self._matching(moved_fixed, self._rule_for(self.fixed_sent))
            if set(moved_fixed) - allowed:
                raise unauthorized()

    def _changes(self, old: dict, names) -> bool:
        """Whether the body changes one of `names` on the row `old` (as far as the body alone says)."""
        return any(self.resource.field(name) is not None and old.get(name) != self.sent[name] for name in names)

    def _rule_for(self, changing: frozenset) -> tuple:
        return self.permissions.sql(self.resource, "t", "update", changing)

    def _matching(self, ids: list, rule: tuple) -> set:
        rule_sql, params = rule
        restriction = f" AND {rule_sql}" if rule_sql else ""
        sql = (f"SELECT t.id FROM {quote(self.resource.name)} t "
               f"WHERE t.id IN (SELECT value FROM json_each(?)){restriction}")
        return {row[0] for row in self.tx.connection.execute(sql, [json.dumps(ids), *params]).fetchall()}

    def _check_link(self, name: str, value) -> None:
        field = self.resource.field(name)
        if field is None or field.type != "fk" or value is None or not field.references:
            return
        target = self.tx.store.resources.get(field.references)
        if target is None:
            return
        rule_sql, params = self.permissions.sql(target, "t", "read")
        restriction = f" AND {rule_sql}" if rule_sql else ""
        found = self.tx.connection.execute(
            f"SELECT 1 FROM {quote(target.name)} t WHERE t.id = ?{restriction}", [value, *params]).fetchone()
        if not found:
            raise unauthorized()


def unstored_row_matches(tx, resource, row: dict, rule: tuple) -> bool:
    """Whether a row that is not stored (a create that conflicts with a stored row) matches a rule
    compiled over the alias `t`."""
    rule_sql, params = rule
    if not rule_sql:
        return True
    names = ["id", *(field.name for field in stored_fields(resource))]
    columns = ", ".join(f"? AS {quote(name)}" for name in names)
    found = tx.connection.execute(f"SELECT 1 FROM (SELECT {columns}) t WHERE {rule_sql}",
                                  [row.get(name) for name in names] + list(params)).fetchone()
    return found is not None
