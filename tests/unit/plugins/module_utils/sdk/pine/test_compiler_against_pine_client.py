# -*- coding: utf-8 -*-
"""Development check: the compiler against the installed pine-client on inputs beyond the reference table."""

from __future__ import annotations

import datetime

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import compile_params

pine_client = pytest.importorskip("pine_client.client")


class _Compiler(pine_client.PinejsClientCore):
    def _request(self, method, url, body=None):
        raise AssertionError("never sends")


REFERENCE = _Compiler("/")
MOMENT = datetime.datetime(2024, 1, 2, 3, 4, 5, 999600)

FILTERS = [
    {"$raw": ["x eq $1", True]},
    {"id": {"$in": [True, None]}},
    {"a": {"b": {"c": None}}},
    {"nav": {"$count": {}}},
    {"x": {"$eq": {"a": 1, "b": 2}}},
    {"a": {"@": "p"}},
    {"$raw": ["$1 $10", "a$b", 2]},
    {"a": {"$eq": [1, 2]}},
    {"$not": "x"},
    {"a": 1.5},
    {"t": MOMENT},
    {"d": {"$duration": {"minutes": 1.5, "negative": True}}},
    {"$or": [{"$raw": "a eq 1"}, {"b": {"$in": ["x", "y'z"]}}]},
    {"belongs_to__application": {"$any": {"$alias": "bta", "$expr": {"bta": {"organization": {"$any": {"$alias": "o", "$expr": {"o": {"handle": "h"}}}}}}}}},
]
OPTIONS = [
    {"$format": "json", "foo": "bar", "b": True, "n": 3, "l": ["x", "y"], "@p": "v'1"},
    {"$orderby": {"owns__device": {"$count": {"$filter": {"a": 1}}}, "$dir": "asc"}},
    {"$expand": {"a": {"$expand": ["b", {"c": {"$select": ["x", "y"]}}]}}},
    {"$count": {}},
]
IDS = [1.5, True, {"a": {"@": "z"}}, MOMENT, "it's"]


@pytest.mark.parametrize("params", (
    [{"resource": "device", "options": {"$filter": item}} for item in FILTERS]
    + [{"resource": "device", "options": item} for item in OPTIONS]
    + [{"resource": "device", "id": item} for item in IDS]
))
def test_same_url_as_pine_client(params):
    assert compile_params(params) == REFERENCE.compile(params)
