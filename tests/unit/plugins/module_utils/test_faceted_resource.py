from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.base import ResourceModule
from ansible_collections.balena.cloud.plugins.module_utils.facets import Facet, FacetPlan


class FakeAnsibleModule:
    def __init__(self, params, check_mode=False):
        self.params = params
        self.check_mode = check_mode


class Labels(Facet):
    """A facet whose current value is the object's ``labels`` and whose writes are recorded."""

    name = "labels"

    def __init__(self, wanted, written):
        self.wanted = wanted
        self.written = written

    def shown(self, found):
        return (found or {}).get("labels", [])

    def plan(self, found, label):
        current = self.shown(found)
        if current == self.wanted:
            return None
        return FacetPlan(current, self.wanted, lambda object_id, _ledger: self.written.append((object_id, label, self.wanted)))


class Thing(ResourceModule):
    noun = "thing"

    def __init__(self, stored, wanted, labels, check_mode=False):
        super().__init__(FakeAnsibleModule({"state": "present"}, check_mode))
        self.stored, self.wanted, self.writes = stored, wanted, []
        self.labels = Labels(labels, self.writes)

    def facets(self):
        return [self.labels]

    def find(self):
        return dict(self.stored) if self.stored else None

    def desired(self):
        return dict(self.wanted)

    def create(self, desired):
        self.writes.append(("create", desired))
        return dict(desired, id=7)

    def update(self, current, changes):
        self.writes.append(("update", changes))

    def label(self, obj):
        return obj.get("name")


def test_fields_and_facets_share_one_diff():
    thing = Thing({"id": 7, "name": "a", "labels": ["x"]}, {"name": "b"}, ["y"])
    result = thing.run()
    assert result["changed"]
    assert result["diff"] == {"before": {"name": "a", "labels": ["x"]}, "after": {"name": "b", "labels": ["y"]}}
    assert thing.writes == [("update", {"name": "b"}), (7, "b", ["y"])]
    assert result["thing"]["labels"] == ["y"]


def test_check_mode_predicts_and_writes_nothing():
    thing = Thing(None, {"name": "new"}, ["y"], check_mode=True)
    result = thing.run()
    assert result["changed"] and thing.writes == []
    assert result["diff"]["before"] == {"state": "absent"}
    assert result["diff"]["after"] == {"name": "new", "state": "present", "labels": ["y"]}


def test_nothing_to_do_is_unchanged_and_shows_the_current_facets():
    thing = Thing({"id": 7, "name": "a", "labels": ["x"]}, {"name": "a"}, ["x"])
    result = thing.run()
    assert result == {"changed": False, "thing": {"id": 7, "name": "a", "labels": ["x"]}}
    assert thing.writes == []


def test_a_created_object_gets_its_facets_by_its_new_id():
    thing = Thing(None, {"name": "new"}, ["y"])
    result = thing.run()
    assert thing.writes == [("create", {"name": "new"}), (7, "new", ["y"])]
    assert result["thing"]["id"] == 7
