# -*- coding: utf-8 -*-
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine.paging import count_options, iterate_pages, stable_orderby


def above(filter_option):
    """The id bound of an ``id gt n`` condition, alone or as the last term of an ``$and``."""
    if filter_option is None:
        return None
    condition = filter_option["$and"][-1] if "$and" in filter_option else filter_option
    return condition.get("id", {}).get("$gt")


class Table:
    """Rows in id order, answering ``$top``/``$skip`` and an ``id gt n`` bound; ``between``
    runs after each page, to change the rows while they are being paged."""

    def __init__(self, rows, between=None):
        self.rows = rows
        self.calls = []
        self.between = between

    def fetch(self, params):
        options = params["options"]
        self.calls.append(options)
        bound = above(options.get("$filter"))
        rows = [row for row in self.rows if bound is None or row["id"] > bound]
        skip = options.get("$skip", 0)
        page = rows[skip:skip + options["$top"]]
        if self.between is not None:
            self.between(self)
        return page


def test_iterates_every_row_in_pages():
    table = Table([{"id": n} for n in range(25)])
    assert [row["id"] for row in iterate_pages(table.fetch, {"resource": "device"}, page_size=10)] == list(range(25))
    assert [(call["$top"], call.get("$skip"), above(call.get("$filter"))) for call in table.calls] == [
        (10, 0, None), (10, None, 9), (10, None, 19)]
    assert all(call["$orderby"] == "id asc" for call in table.calls)


def test_rows_deleted_while_paging_by_id_shift_nothing():
    def delete_the_first_row(table):
        table.rows = table.rows[1:]
    table = Table([{"id": n} for n in range(25)], between=delete_the_first_row)
    seen = [row["id"] for row in iterate_pages(table.fetch, {"resource": "device"}, page_size=10)]
    # Rows 0, 1 and 2 went while paging, each after it was read: paging by offset would then skip rows.
    assert seen == list(range(25))


def test_the_callers_filter_is_kept_next_to_the_id_bound():
    table = Table([{"id": n} for n in range(5)])
    caller_filter = {"is_online": True}
    list(iterate_pages(table.fetch, {"resource": "device", "options": {"$filter": caller_filter}}, page_size=2))
    assert table.calls[0]["$filter"] == caller_filter
    assert table.calls[1]["$filter"] == {"$and": [caller_filter, {"id": {"$gt": 1}}]}


def test_other_orders_and_selections_without_id_page_by_offset():
    for options in ({"$orderby": "device_name asc"}, {"$select": ["uuid"]}):
        table = Table([{"id": n} for n in range(5)])
        list(iterate_pages(table.fetch, {"resource": "device", "options": options}, page_size=2))
        assert [(call.get("$skip"), "$filter" in call) for call in table.calls] == [(0, False), (2, False), (4, False)]


def test_exact_multiple_needs_one_empty_page():
    table = Table([{"id": n} for n in range(20)])
    assert len(list(iterate_pages(table.fetch, {"resource": "device"}, page_size=10))) == 20
    assert len(table.calls) == 3


def test_top_caps_and_skip_offsets():
    table = Table([{"id": n} for n in range(25)])
    rows = list(iterate_pages(table.fetch, {"resource": "device", "options": {"$top": 12, "$skip": 3}}, page_size=5))
    assert [row["id"] for row in rows] == list(range(3, 15))


def test_user_order_gets_an_id_tie_breaker():
    assert stable_orderby("device_name asc") == ["device_name asc", "id asc"]
    assert stable_orderby({"created_at": "desc"}) == [{"created_at": "desc"}, "id asc"]
    assert stable_orderby("id desc") == "id desc"
    assert stable_orderby(["a asc", "id asc"]) == ["a asc", "id asc"]


def test_page_size_must_be_positive():
    with pytest.raises(ValueError):
        list(iterate_pages(Table([]).fetch, {"resource": "device"}, page_size=0))


def test_count_options_keep_only_the_filter():
    assert count_options({"$filter": {"a": 1}, "$select": "id", "$orderby": "id asc"}) == {"$count": {"$filter": {"a": 1}}}
    assert count_options(None) == {"$count": {}}


class CappedTable(Table):
    """A server that never answers more than ``cap`` rows, whatever ``$top`` asks for."""

    def __init__(self, rows, cap):
        super().__init__(rows)
        self.cap = cap

    def fetch(self, params):
        return super().fetch(params)[:self.cap]

    def count(self, params):
        return len(self.rows)


def test_a_count_keeps_a_server_that_cuts_pages_short_from_truncating():
    table = CappedTable([{"id": n} for n in range(25)], cap=4)
    assert len(list(iterate_pages(table.fetch, {"resource": "device"}, page_size=10))) == 4
    table = CappedTable([{"id": n} for n in range(25)], cap=4)
    rows = list(iterate_pages(table.fetch, {"resource": "device"}, page_size=10, count=table.count))
    assert [row["id"] for row in rows] == list(range(25))


def test_rows_deleted_after_counting_end_the_paging_with_one_empty_page():
    table = CappedTable([{"id": n} for n in range(12)], cap=100)
    counted = table.count(None)

    def delete_the_last_two(table):
        table.rows = table.rows[:10]
    table.between = delete_the_last_two
    rows = list(iterate_pages(table.fetch, {"resource": "device"}, page_size=8, count=lambda params: counted))
    assert [row["id"] for row in rows] == list(range(10))
    # 8 rows, then 2 of the 4 counted (a short page, but rows are missing), then nothing: the end.
    assert [above(call.get("$filter")) for call in table.calls] == [None, 7, 9]


def test_the_count_is_taken_from_the_starting_offset():
    table = CappedTable([{"id": n} for n in range(10)], cap=3)
    rows = list(iterate_pages(table.fetch, {"resource": "device", "options": {"$skip": 4}}, page_size=5, count=table.count))
    assert [row["id"] for row in rows] == list(range(4, 10))
