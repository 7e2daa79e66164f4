# -*- coding: utf-8 -*-
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import compile_params, merge


def test_none_extras_returns_defaults():
    defaults = {"$select": "id"}
    assert merge(defaults) is defaults


def test_unknown_option_is_rejected():
    with pytest.raises(ValueError, match="Unknown pine option: \\$format"):
        merge({}, {"$format": "json"})


def test_a_callers_select_replaces_the_default_one():
    assert merge({"$select": ["id", "uuid"]}, {"$select": ["uuid", "device_name"]}) == {"$select": ["uuid", "device_name"]}
    assert merge({"$select": "id"}, {"$select": "uuid"}) == {"$select": "uuid"}
    assert merge({"$select": ["id"]}, {"$select": "*"}) == {"$select": "*"}
    assert merge({"$select": "*"}, {"$select": ["id"]}) == {"$select": ["id"]}
    assert merge({"$select": ["id", "a"]}, {"$select": ["b"]}, replace_selects=True) == {"$select": ["b"]}


def test_the_default_select_stays_without_a_callers_select():
    assert merge({"$select": ["id", "a"]}, {"$top": 1}) == {"$select": ["id", "a"], "$top": 1}


def test_filters_are_and_ed():
    assert merge({"$filter": {"a": 1}}, {"$filter": {"b": 2}}) == {"$filter": {"$and": [{"a": 1}, {"b": 2}]}}
    assert merge({}, {"$filter": {"b": 2}}) == {"$filter": {"b": 2}}
    assert merge({"$filter": {"a": 1}}, {"$filter": {}}) == {"$filter": {"a": 1}}


def test_order_top_skip_are_replaced():
    merged = merge({"$orderby": "a asc", "$top": 5}, {"$orderby": "b desc", "$top": 1, "$skip": 2})
    assert merged == {"$orderby": "b desc", "$top": 1, "$skip": 2}


def test_expands_are_merged_per_navigation():
    defaults = {"$expand": {"belongs_to__application": {"$select": "id"}}}
    extras = {"$expand": [{"belongs_to__application": {"$select": "app_name"}}, "is_of__device_type"]}
    assert merge(defaults, extras) == {"$expand": {
        "belongs_to__application": {"$select": "app_name"},
        "is_of__device_type": {},
    }}
    assert merge({"$expand": "a"}, {"$expand": {"a": {"$filter": {"x": 1}}}}) == {"$expand": {"a": {"$filter": {"x": 1}}}}


def test_count_turns_a_listing_into_a_count_of_the_merged_filter():
    defaults = {"$filter": {"a": 1}, "$orderby": "device_name asc", "$select": "id"}
    merged = merge(defaults, {"$count": {"$filter": {"b": 2}}})
    assert merged == {"$count": {"$filter": {"$and": [{"a": 1}, {"b": 2}]}}}
    assert compile_params({"resource": "device", "options": merged}) == "device/$count?$filter=(a eq 1) and (b eq 2)"
    assert merge({"$orderby": "x asc"}, {"$count": {}}) == {"$count": {}}
