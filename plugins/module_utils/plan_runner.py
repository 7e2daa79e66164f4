# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Run the plans of many parents against one ``key = value`` resource with as few writes as the API allows.

The API has no ``$batch`` and no multi-row insert, but it does accept a PATCH or DELETE on a
``$filter``. So removals go out as one DELETE per chunk of row ids, updates as one PATCH per
chunk of rows that get the same new value, and only additions need one POST per row. Every
write names exact row ids; none uses a broader filter.
"""

from __future__ import annotations

from .errors import OperationError
from .sdk.exceptions import BalenaException

WRITE_CHUNK = 200  # ids per filtered write: keeps the URL well below the API's 16 KiB limit


def chunks(items, size=WRITE_CHUNK):
    return [items[start:start + size] for start in range(0, len(items), size)]


def ids_filter(ids):
    return {"id": ids[0]} if len(ids) == 1 else {"id": {"$in": ids}}


def _describe(keyed, batch):
    """``(what, where)`` for messages about a batch of ``(parent, key)``."""
    names = sorted(set(entry[1] for entry in batch))
    parents = [entry[0] for entry in batch]
    what = "{0} {1!r}".format(keyed.noun, names[0]) if len(names) == 1 else "{0} {1}s".format(len(names), keyed.noun)
    where = parents[0].title if len(parents) == 1 else "{0} {1}s".format(len(parents), parents[0].noun)
    return what, where


def _write(action, call):
    try:
        return call()
    except BalenaException as error:
        raise OperationError(action, error) from None


def run(pine, keyed, work):
    """Apply ``work``, a list of ``(parent, plan)``; returns the number of write requests sent."""
    sent = 0
    removals = [(parent, key) for parent, plan in work for key in plan.remove]
    for batch in chunks(removals):
        ids = [parent.row_ids[key] for parent, key in batch]
        what, where = _describe(keyed, batch)
        _write("removing {0} from {1}".format(what, where),
               lambda ids=ids: pine.delete({"resource": keyed.resource, "options": {"$filter": ids_filter(ids)}}))
        sent += 1

    by_value = {}
    for parent, plan in work:
        for key, value in plan.update.items():
            by_value.setdefault(value, []).append((parent, key))
    for value in sorted(by_value):
        for batch in chunks(by_value[value]):
            ids = [parent.row_ids[key] for parent, key in batch]
            what, where = _describe(keyed, batch)
            _write("updating {0} on {1}".format(what, where),
                   lambda ids=ids, value=value: pine.patch({
                       "resource": keyed.resource, "options": {"$filter": ids_filter(ids)}, "body": {"value": value}}))
            sent += 1

    for parent, plan in work:
        for key in sorted(plan.add):
            body = {keyed.parent_field: parent.id, keyed.key_field: key, "value": plan.add[key]}
            _write("creating {0} {1!r} on {2}".format(keyed.noun, key, parent.title),
                   lambda body=body: pine.post({"resource": keyed.resource, "body": body}))
            sent += 1
    return sent
