# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Name exact rows by id in requests whose URL stays short: writes and the reads that prove them."""

from __future__ import annotations

# Characters of ids one filtered request may carry: the API refuses URLs over 16 KiB, and the
# rest of the URL (resource, $select, the other conditions) needs far less than the remainder.
URL_ID_BUDGET = 8000
ID_SEPARATOR_COST = 3  # the URL-encoded comma between two ids


def chunks(items, id_of=None, budget=URL_ID_BUDGET):
    """``items`` split into runs whose ids (``id_of(item)``, the item itself by default) fit in
    ``budget`` characters of one URL: small ids go many to a request, long ones fewer."""
    result, current, used = [], [], 0
    for item in items:
        cost = len(str(item if id_of is None else id_of(item))) + ID_SEPARATOR_COST
        if current and used + cost > budget:
            result.append(current)
            current, used = [], 0
        current.append(item)
        used += cost
    if current:
        result.append(current)
    return result


def ids_filter(ids):
    return {"id": ids[0]} if len(ids) == 1 else {"id": {"$in": ids}}


def rows_by_id(pine, resource, ids, options):
    """``{id: row}`` of the rows among ``ids`` that exist, read with ``options`` (one request per chunk)."""
    found = {}
    for chunk in chunks(sorted(set(ids))):
        query = {"resource": resource, "options": dict(options, **{"$filter": ids_filter(chunk)})}
        found.update((row["id"], row) for row in pine.get(query))
    return found
