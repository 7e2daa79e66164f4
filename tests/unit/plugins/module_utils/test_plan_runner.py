from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils import plan_runner
from ansible_collections.balena.cloud.plugins.module_utils.errors import OperationError
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES
from ansible_collections.balena.cloud.plugins.module_utils.parents import Parent
from ansible_collections.balena.cloud.plugins.module_utils.reconcile import reconcile
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError


def filtered_ids(params):
    wanted = params["options"]["$filter"]["id"]
    return wanted["$in"] if isinstance(wanted, dict) else [wanted]


class RecordingPine:
    """Records the writes and answers the read-back as a store that applied them would."""

    def __init__(self, fail_on=None):
        self.calls = []
        self.fail_on = fail_on
        self.values = {}

    def _record(self, method, params):
        self.calls.append((method, params))
        if method == self.fail_on:
            raise RequestError('"boom"', status_code=400, method=method.upper(), path="/v7/" + params["resource"])

    def post(self, params):
        self._record("post", params)

    def patch(self, params):
        self._record("patch", params)
        self.values.update((row_id, params["body"]["value"]) for row_id in filtered_ids(params))

    def delete(self, params):
        self._record("delete", params)
        self.values.update((row_id, None) for row_id in filtered_ids(params))

    def get(self, params):
        return [{"id": row_id, "value": self.values[row_id]} for row_id in filtered_ids(params) if self.values.get(row_id) is not None]


def device(device_id, tags):
    rows = [{"id": device_id * 1000 + index, "tag_key": key, "value": value} for index, (key, value) in enumerate(sorted(tags.items()))]
    return Parent(device_id, "device", "uuid%d" % device_id, rows, TAGS["device"])


def test_removals_and_same_value_updates_are_batched_by_exact_ids():
    keyed = TAGS["device"]
    parents = [device(number, {"site": "old", "stale": "x"}) for number in range(1, 451)]
    work = [(parent, reconcile(parent.current, {"site": "new"}, purge=True)) for parent in parents]
    pine = RecordingPine()
    sent = plan_runner.run(pine, keyed, work)
    deletes = [params for method, params in pine.calls if method == "delete"]
    patches = [params for method, params in pine.calls if method == "patch"]
    # 450 ids of 4 to 6 digits fit in one URL: one DELETE, one PATCH
    assert [len(d["options"]["$filter"]["id"]["$in"]) for d in deletes] == [450]
    assert [len(p["options"]["$filter"]["id"]["$in"]) for p in patches] == [450]
    assert all(p["body"] == {"value": "new"} for p in patches)
    assert not [call for call in pine.calls if call[0] == "post"]
    assert sent == 2
    removed_ids = {row_id for d in deletes for row_id in d["options"]["$filter"]["id"]["$in"]}
    assert removed_ids == {parent.row_ids["stale"] for parent in parents}


def test_updates_with_different_values_get_one_patch_each_and_a_single_id_is_exact():
    keyed = VARIABLES[("env", "fleet")]
    parent = Parent(7, "fleet", "org/app", [{"id": 1, "name": "A", "value": "1"}, {"id": 2, "name": "B", "value": "2"}], keyed)
    pine = RecordingPine()
    plan_runner.run(pine, keyed, [(parent, reconcile(parent.current, {"A": "10", "B": "20", "C": "3"}))])
    assert pine.calls == [
        ("patch", {"resource": "application_environment_variable", "options": {"$filter": {"id": 1}}, "body": {"value": "10"}}),
        ("patch", {"resource": "application_environment_variable", "options": {"$filter": {"id": 2}}, "body": {"value": "20"}}),
        ("post", {"resource": "application_environment_variable", "body": {"application": 7, "name": "C", "value": "3"}}),
    ]


def test_a_failed_write_names_what_was_being_done():
    keyed = TAGS["fleet"]
    parent = Parent(3, "fleet", "org/app", [], keyed)
    with pytest.raises(OperationError) as raised:
        plan_runner.run(RecordingPine(fail_on="post"), keyed, [(parent, reconcile({}, {"k": "v"}))])
    assert raised.value.action == "creating tag 'k' on fleet org/app"
    assert raised.value.error.status_code == 400


def test_long_ids_split_writes_by_url_length_not_by_count():
    keyed = TAGS["device"]
    parents = [Parent(number, "device", "uuid%d" % number, [{"id": 10 ** 12 + number, "tag_key": "stale", "value": "x"}], keyed)
               for number in range(1, 1201)]
    work = [(parent, reconcile(parent.current, {}, purge=True)) for parent in parents]
    pine = RecordingPine()
    plan_runner.run(pine, keyed, work)
    deletes = [params["options"]["$filter"]["id"]["$in"] for method, params in pine.calls if method == "delete"]
    # 13-digit ids cost 16 characters each: 500 fit in the 8000-character budget of one URL
    assert [len(ids) for ids in deletes] == [500, 500, 200]
    assert all(sum(len(str(row_id)) + 3 for row_id in ids) <= 8000 for ids in deletes)
