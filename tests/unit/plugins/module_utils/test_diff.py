from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.diff import (
    MASK,
    changed_fields,
    known,
    link_id,
    masked,
    view_diff,
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


def test_view_diff_shows_only_the_keys_that_differ():
    before = {"fleet": "o/a", "fleet_id": 4, "note": "same"}
    after = {"fleet": "o/b", "fleet_id": 5, "note": "same"}
    assert view_diff(before, after) == {"before": {"fleet": "o/a", "fleet_id": 4}, "after": {"fleet": "o/b", "fleet_id": 5}}


def test_known_drops_empty_values():
    assert known({"name": "x", "id": None}) == {"name": "x"}
