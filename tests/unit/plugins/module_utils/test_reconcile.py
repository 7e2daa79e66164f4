from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.reconcile import reconcile


def test_present_adds_missing_and_updates_different_values():
    plan = reconcile({"A": "1", "B": "2", "C": "3"}, {"A": "1", "B": "20", "D": "4"})
    assert plan.summary() == {"added": ["D"], "updated": ["B"], "removed": [], "untouched": ["A", "C"]}
    assert plan.after() == {"A": "1", "B": "20", "C": "3", "D": "4"}
    assert plan.changed


def test_purge_removes_every_key_not_desired():
    plan = reconcile({"A": "1", "B": "2"}, {"A": "1"}, purge=True)
    assert plan.remove == ["B"]
    assert plan.untouched == ["A"]
    assert plan.after() == {"A": "1"}


def test_purge_with_nothing_desired_empties_the_set():
    plan = reconcile({"A": "1", "B": "2"}, {}, purge=True)
    assert plan.remove == ["A", "B"]
    assert plan.after() == {}


def test_absent_removes_given_keys_whatever_their_value_and_ignores_purge():
    plan = reconcile({"A": "1", "B": "2"}, {"A": None, "Z": None}, purge=True, state="absent")
    assert plan.summary() == {"added": [], "updated": [], "removed": ["A"], "untouched": ["B"]}


def test_identical_sets_plan_nothing():
    plan = reconcile({"A": "1"}, {"A": "1"}, purge=True)
    assert not plan.changed
    assert plan.untouched == ["A"]


def test_unknown_state_is_rejected():
    with pytest.raises(ValueError):
        reconcile({}, {}, state="gone")
