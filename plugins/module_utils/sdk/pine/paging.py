# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Counting and paging over ``$top``/``$skip``."""

from __future__ import annotations


def count_options(options):
    options = options or {}
    if "$count" in options:
        return options
    if options.get("$filter") is None:
        return {"$count": {}}
    return {"$count": {"$filter": options["$filter"]}}


def stable_orderby(orderby):
    """The caller's order with ``id asc`` appended as a tie-breaker, so pages never overlap."""
    if orderby is None:
        return "id asc"
    terms = orderby if isinstance(orderby, list) else [orderby]
    if any(_orders_by_id(term) for term in terms):
        return orderby
    return terms + ["id asc"]


def _orders_by_id(term):
    if isinstance(term, str):
        return any(part.split()[:1] == ["id"] for part in term.split(","))
    return isinstance(term, dict) and "id" in term


def _in_id_order(orderby):
    return orderby in ("id asc", ["id asc"])


def _selects_id(select):
    if select is None:
        return True
    fields = select.split(",") if isinstance(select, str) else select
    return "id" in [str(field).strip() for field in fields]


def _after(base_filter, last_id):
    """The caller's ``$filter`` narrowed to ids above ``last_id``."""
    above = {"id": {"$gt": last_id}}
    return above if base_filter is None else {"$and": [base_filter, above]}


def iterate_pages(fetch, params, page_size=1000, count=None, together=None):
    """Yield every row of ``fetch(params)`` page by page.

    A ``$top`` in the options caps the total and a ``$skip`` is the starting offset.
    Rows in id order (no order of the caller's own) are paged by id: each page after the first
    asks for ids above the last one seen, so rows added or deleted meanwhile shift nothing and
    no row that exists throughout is missed or repeated. Any other order pages by offset.

    ``count(params)``, when given, counts the matching rows; ``together(*calls)`` sends it with the
    first page. A short page then ends the paging only once the rows counted have all come (or
    a page comes back empty): a server that cuts pages shorter than asked cannot truncate silently.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    options = dict(params.get("options") or {})
    limit = options.pop("$top", None)
    offset = options.pop("$skip", 0) or 0
    options["$orderby"] = stable_orderby(options.get("$orderby"))
    base_filter = options.get("$filter")
    by_id = _in_id_order(options["$orderby"]) and _selects_id(options.get("$select")) and \
        (base_filter is None or isinstance(base_filter, dict))
    produced = 0
    last_id = None
    expected = None
    first = True
    while limit is None or produced < limit:
        size = page_size if limit is None else min(page_size, limit - produced)
        page_options = dict(options, **{"$top": size})
        if last_id is None:
            page_options["$skip"] = offset
        else:
            page_options["$filter"] = _after(base_filter, last_id)
        page_params = dict(params, options=page_options)
        if count is not None and first:
            page, total = (together or _one_after_the_other)(lambda: fetch(page_params), lambda: count(params))
            expected = max(0, total - offset)
        else:
            page = fetch(page_params)
        first = False
        yield from page
        produced += len(page)
        offset += len(page)
        if not page or (len(page) < size and (expected is None or produced >= expected)):
            return
        last_id = page[-1].get("id") if by_id and isinstance(page[-1], dict) else None


def _one_after_the_other(*calls):
    return [call() for call in calls]
