# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Name exact rows by id in requests whose URL stays short: writes and the reads that prove them."""

from __future__ import annotations

WRITE_CHUNK = 200  # ids per filtered request: keeps the URL well below the API's 16 KiB limit


def chunks(items, size=WRITE_CHUNK):
    return [items[start:start + size] for start in range(0, len(items), size)]


def ids_filter(ids):
    return {"id": ids[0]} if len(ids) == 1 else {"id": {"$in": ids}}


def rows_by_id(pine, resource, ids, options):
    """``{id: row}`` of the rows among ``ids`` that exist, read with ``options`` (one request per chunk)."""
    found = {}
    for chunk in chunks(sorted(set(ids))):
        query = {"resource": resource, "options": dict(options, **{"$filter": ids_filter(chunk)})}
        found.update((row["id"], row) for row in pine.get(query))
    return found
