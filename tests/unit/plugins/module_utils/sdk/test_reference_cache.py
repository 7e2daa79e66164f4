# -*- coding: utf-8 -*-
from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.sdk.reference_cache import ReferenceCache


def test_a_found_row_is_fetched_once_and_handed_out_as_a_copy():
    cache = ReferenceCache()
    fetched = []

    def fetch():
        fetched.append(1)
        return {"id": 7, "is_of__cpu_architecture": [{"slug": "aarch64"}]}

    key = cache.key("device_type", "raspberrypi4-64", {"$select": "id"})
    first = cache.get_or_fetch(key, fetch)
    first["is_of__cpu_architecture"][0]["slug"] = "changed by the caller"
    second = cache.get_or_fetch(key, fetch)
    assert fetched == [1]
    assert second == {"id": 7, "is_of__cpu_architecture": [{"slug": "aarch64"}]}


def test_a_missing_row_is_asked_for_every_time():
    cache = ReferenceCache()
    fetched = []

    def fetch():
        fetched.append(1)

    assert cache.get_or_fetch("k", fetch) is None
    assert cache.get_or_fetch("k", fetch) is None
    assert fetched == [1, 1]


def test_keys_differ_by_options_and_ignore_their_order():
    key = ReferenceCache.key
    assert key("r", "a", {"$select": "id", "$top": 1}) == key("r", "a", {"$top": 1, "$select": "id"})
    assert key("r", "a", {"$select": "id"}) != key("r", "a", {"$select": "slug"})
    assert key("r", 1, {}) != key("r", "1", {})
