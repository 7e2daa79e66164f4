from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.query_filters import all_of, has_tags, one_or_many, organization


def test_all_of_drops_empty_conditions_and_never_makes_an_and_of_one():
    assert all_of([]) is None
    assert all_of([None, {"a": 1}]) == {"a": 1}
    assert all_of([{"a": 1}, {"b": 2}]) == {"$and": [{"a": 1}, {"b": 2}]}


def test_one_or_many():
    assert one_or_many("id", [3]) == {"id": 3}
    assert one_or_many("id", [3, 4]) == {"id": {"$in": [3, 4]}}


def test_tags_match_key_and_value_or_only_key():
    conditions = has_tags({"site": "berlin", "ring": None})
    assert conditions == [
        {"device_tag": {"$any": {"$alias": "t0", "$expr": {"t0": {"tag_key": "ring"}}}}},
        {"device_tag": {"$any": {"$alias": "t1", "$expr": {"t1": {"tag_key": "site", "value": "berlin"}}}}},
    ]


def test_organization_by_id_or_handle():
    assert organization("12") == {"organization": 12}
    assert organization("acme") == {"organization": {"$any": {"$alias": "o", "$expr": {"o": {"handle": "acme"}}}}}
