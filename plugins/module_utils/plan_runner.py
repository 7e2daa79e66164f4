# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the plans of many parents against one ``key = value`` resource with as few writes as the API allows.

The API has no ``$batch`` and no multi-row insert, but it does accept a PATCH or DELETE on a
``$filter``. So removals go out as one DELETE per chunk of row ids, updates as one PATCH per
chunk of rows that get the same new value (a chunk is as many ids as fit in one URL), and only
additions need one POST per row; those go out concurrently, at most ``parallel`` at a time.
Every write names exact row ids; none uses a broader filter.

Every write is recorded in a ``Ledger`` and proven: the rows patched or deleted are read back by
id (one request per chunk), and a row that did not take the change is refused, as the API skips
rows the key may only read without saying so. A POST whose answer was lost is looked up, never
sent again.
"""

from __future__ import annotations

import threading

from .bounded_calls import NOT_STARTED, run_bounded
from .errors import OperationError
from .id_chunks import chunks, ids_filter, rows_by_id
from .sdk.exceptions import BalenaException
from .write_ledger import Ledger


def _describe(keyed, batch):
    """``(what, where)`` for messages about a batch of ``(parent, key)``."""
    names = sorted(set(entry[1] for entry in batch))
    parents = [entry[0] for entry in batch]
    what = "{0} {1!r}".format(keyed.noun, names[0]) if len(names) == 1 else "{0} {1}s".format(len(names), keyed.noun)
    where = parents[0].title if len(parents) == 1 else "{0} {1}s".format(len(parents), parents[0].noun)
    return what, where


class _Run:
    """One run of plans: the writes, the ledger entries they make and the rows they must leave."""

    def __init__(self, pine, keyed, ledger, prefix):
        self.pine = pine
        self.keyed = keyed
        self.ledger = ledger
        self.prefix = prefix
        self.wanted = {}  # row id -> (parent, key, value, or None once removed)
        self.sent = 0
        self._count = threading.Lock()

    def count(self):
        with self._count:
            self.sent += 1

    def item(self, key):
        return self.prefix + key

    def expect(self, work):
        for parent, plan in work:
            keys = sorted(set(plan.remove) | set(plan.update) | set(plan.add))
            self.ledger.expect(parent.label, [self.item(key) for key in keys])

    def by_id(self, action, batch, values, call):
        """A PATCH or DELETE of the rows of ``batch``; when it fails, the rows say what it did."""
        for parent, key in batch:
            self.wanted[parent.row_ids[key]] = (parent, key, values.get((parent, key)))
        try:
            call()
        except BalenaException as error:
            self.prove([parent.row_ids[key] for parent, key in batch], quiet=True)
            raise OperationError(action, error) from None
        self.count()
        for parent, key in batch:
            self.ledger.done(parent.label, [self.item(key)])

    def create(self, parent, key, value):
        keyed = self.keyed
        body = {keyed.parent_field: parent.id, keyed.key_field: key, "value": value}
        try:
            self.pine.post({"resource": keyed.resource, "body": body})
        except BalenaException as error:
            if error.status_code is not None or not self.was_created(parent, key, value):
                raise OperationError("creating {0} {1!r} on {2}".format(keyed.noun, key, parent.title), error) from None
        self.count()
        self.ledger.done(parent.label, [self.item(key)])

    def was_created(self, parent, key, value):
        """Whether a POST whose answer was lost created its row (a read, never a second POST)."""
        keyed = self.keyed
        where = {keyed.parent_field: parent.id, keyed.key_field: key}
        try:
            rows = self.pine.get({"resource": keyed.resource, "options": {"$select": ["id", "value"], "$filter": where}})
        except BalenaException:
            return False
        return any(row.get("value") == value for row in rows)

    def prove(self, ids=None, quiet=False):
        """Read back the patched and deleted rows; a row without its change was refused."""
        ids = sorted(self.wanted) if ids is None else ids
        if not ids:
            return
        try:
            found = rows_by_id(self.pine, self.keyed.resource, ids, {"$select": ["id", "value"]})
        except BalenaException:
            if quiet:
                return
            raise
        for row_id in ids:
            parent, key, value = self.wanted[row_id]
            row = found.get(row_id)
            took = row is None if value is None else (row is not None and row.get("value") == value)
            if took and quiet:
                self.ledger.done(parent.label, [self.item(key)])
            elif not took and not quiet:
                self.ledger.refused(parent.label, [self.item(key)], parent.fleet)


def _row_id(entry):
    return entry[0].row_ids[entry[1]]


def _create_all(runner, work, parallel):
    """One POST per new row, ``parallel`` in flight. After a failure no further POST starts; the
    failures are raised as one error naming the first, how many failed and how many were not tried."""
    additions = [(parent, key, plan.add[key]) for parent, plan in work for key in sorted(plan.add)]
    outcomes = run_bounded([lambda entry=entry: runner.create(*entry) for entry in additions], parallel)
    failures = [error for _result, error in outcomes if error is not None]
    if not failures:
        return
    first = failures[0]
    skipped = sum(1 for result, _error in outcomes if result is NOT_STARTED)
    if (len(failures) == 1 and not skipped) or not isinstance(first, OperationError):
        raise first
    counts = "{0} of {1} creations failed{2}".format(
        len(failures), len(additions), ", {0} not tried".format(skipped) if skipped else "")
    # e.g. "creating variable 'A2' on fleet x (3 of 5 creations failed, 1 not tried)", then " failed: <why>"
    raise OperationError("{0} ({1})".format(first.action, counts), first.error)


def run(pine, keyed, work, ledger=None, prefix="", parallel=1):
    """Apply ``work``, a list of ``(parent, plan)``, recording it in ``ledger`` with items named
    ``prefix + key``; returns the number of write requests sent. New rows are created with at
    most ``parallel`` POSTs in flight. The caller raises the ledger's read-only failure once all
    its writes are done."""
    runner = _Run(pine, keyed, ledger if ledger is not None else Ledger(), prefix)
    runner.expect(work)
    removals = [(parent, key) for parent, plan in work for key in plan.remove]
    for batch in chunks(removals, _row_id):
        ids = [parent.row_ids[key] for parent, key in batch]
        what, where = _describe(keyed, batch)
        runner.by_id("removing {0} from {1}".format(what, where), batch, {},
                     lambda ids=ids: pine.delete({"resource": keyed.resource, "options": {"$filter": ids_filter(ids)}}))

    by_value = {}
    for parent, plan in work:
        for key, value in plan.update.items():
            by_value.setdefault(value, []).append((parent, key))
    for value in sorted(by_value):
        for batch in chunks(by_value[value], _row_id):
            ids = [parent.row_ids[key] for parent, key in batch]
            what, where = _describe(keyed, batch)
            runner.by_id("updating {0} on {1}".format(what, where), batch, {entry: value for entry in batch},
                         lambda ids=ids, value=value: pine.patch({
                             "resource": keyed.resource, "options": {"$filter": ids_filter(ids)}, "body": {"value": value}}))

    try:
        _create_all(runner, work, parallel)
    finally:
        runner.prove()
    return runner.sent
