# -*- coding: utf-8 -*-
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine.paging import count_options, iterate_pages, stable_orderby


class Table:
    def __init__(self, rows):
        self.rows = rows
        self.calls = []

    def fetch(self, params):
        options = params["options"]
        self.calls.append(options)
        return self.rows[options["$skip"]:options["$skip"] + options["$top"]]


def test_iterates_every_row_in_pages():
    table = Table([{"id": n} for n in range(25)])
    assert [row["id"] for row in iterate_pages(table.fetch, {"resource": "device"}, page_size=10)] == list(range(25))
    assert [(call["$top"], call["$skip"]) for call in table.calls] == [(10, 0), (10, 10), (10, 20)]
    assert all(call["$orderby"] == "id asc" for call in table.calls)


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
