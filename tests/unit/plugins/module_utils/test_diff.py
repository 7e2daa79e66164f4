from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.diff import (
    MASK,
    changed_fields,
    field_diff,
    link_id,
    masked,
    presence_diff,
)


def test_masked_hides_all_values_or_only_chosen_keys():
    assert masked({"a": "1", "b": None}) == {"a": MASK, "b": None}
    assert masked({"a": "1", "b": "2"}, keys={"b"}) == {"a": "1", "b": MASK}
    assert masked({"a": "1"}, hidden=False) == {"a": "1"}


def test_links_compare_by_id():
    assert link_id({"__id": 4}) == 4
    assert link_id([{"id": 9, "slug": "x"}]) == 9
    current = {"note": "old", "belongs_to__application": {"__id": 4}}
    assert changed_fields(current, {"note": "old", "belongs_to__application": 4}) == {}
    assert changed_fields(current, {"note": "new", "belongs_to__application": 5}) == {"note": "new", "belongs_to__application": 5}


def test_field_diff_shows_only_changed_fields_with_secrets_masked():
    diff = field_diff({"note": "a", "api_key": "k1", "other": 1}, {"note": "b", "api_key": "k2"}, secret_fields=["api_key"])
    assert diff == {"before": {"note": "a", "api_key": MASK}, "after": {"note": "b", "api_key": MASK}}


def test_presence_diff_of_create_and_delete():
    assert presence_diff(None, {"name": "x"}) == {"before": {"state": "absent"}, "after": {"name": "x", "state": "present"}}
    assert presence_diff({"name": "x"}, None) == {"before": {"name": "x", "state": "present"}, "after": {"state": "absent"}}
