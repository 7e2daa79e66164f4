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


def iterate_pages(fetch, params, page_size=1000):
    """Yield every row of ``fetch(params)`` page by page.

    A ``$top`` in the options caps the total and a ``$skip`` is the starting offset. Paging
    stops only at a short page: the API has no maximum page size, so a short page is the end.
    """
    if page_size < 1:
        raise ValueError("page_size must be at least 1")
    options = dict(params.get("options") or {})
    limit = options.pop("$top", None)
    offset = options.pop("$skip", 0) or 0
    options["$orderby"] = stable_orderby(options.get("$orderby"))
    produced = 0
    while limit is None or produced < limit:
        size = page_size if limit is None else min(page_size, limit - produced)
        page = fetch(dict(params, options=dict(options, **{"$top": size, "$skip": offset})))
        yield from page
        produced += len(page)
        offset += len(page)
        if len(page) < size:
            return
