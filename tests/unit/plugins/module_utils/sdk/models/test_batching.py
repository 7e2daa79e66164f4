# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import batching
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    AmbiguousDevice,
    DeviceNotFound,
    InvalidParameter,
)


def test_chunks():
    assert batching.chunks(list(range(5)), 2) == [[0, 1], [2, 3], [4]]
    assert batching.chunks([], 3) == []
    with pytest.raises(ValueError):
        batching.chunks([1], 0)


@pytest.mark.parametrize("value, expected", [
    (5, ([5], "id")),
    ("a" * 32, (["a" * 32], "uuid")),
    ([1, 2], ([1, 2], "id")),
    (["a" * 62, "b" * 32], (["a" * 62, "b" * 32], "uuid")),
])
def test_validate_identifiers_accepts(value, expected):
    assert batching.validate_identifiers(value, "p") == expected


@pytest.mark.parametrize("value", [[], [1, "a" * 32], ["short"], [True], "short", None, 1.5])
def test_validate_identifiers_rejects(value):
    with pytest.raises(InvalidParameter):
        batching.validate_identifiers(value, "p")


def recording_get_all(found_ids):
    queries = []

    def get_all(options):
        queries.append(options)
        wanted = options["$filter"].get("id") or options["$filter"].get("uuid")
        wanted = wanted["$in"] if isinstance(wanted, dict) else [wanted]
        key = "id" if "id" in options["$filter"] else "uuid"
        return [{key: value, "id": value if key == "id" else 1} for value in wanted if value in found_ids]
    return get_all, queries


def test_fetch_all_chunks_200_ids_per_request():
    ids = list(range(1, 451))
    get_all, queries = recording_get_all(set(ids))
    items = batching.fetch_all(get_all, ids, "p", [], DeviceNotFound, AmbiguousDevice)
    assert len(items) == 450
    assert [len(q["$filter"]["id"]["$in"]) for q in queries] == [200, 200, 50]


def test_fetch_all_chunks_50_uuids_per_request_and_selects_uuid():
    uuids = ["%032x" % n for n in range(120)]
    get_all, queries = recording_get_all(set(uuids))
    batching.fetch_all(get_all, uuids, "p", ["belongs_to__application"], DeviceNotFound, AmbiguousDevice)
    assert [len(q["$filter"]["uuid"]["$in"]) for q in queries] == [50, 50, 20]
    assert queries[0]["$select"] == ["id", "belongs_to__application", "uuid"]


def test_fetch_all_single_value_uses_eq():
    get_all, queries = recording_get_all({7})
    batching.fetch_all(get_all, 7, "p", [], DeviceNotFound, AmbiguousDevice)
    assert queries[0]["$filter"] == {"id": 7}


def test_fetch_all_reports_the_missing_identifier():
    get_all, _queries = recording_get_all({1, 2})
    with pytest.raises(DeviceNotFound) as raised:
        batching.fetch_all(get_all, [1, 2, 3], "p", [], DeviceNotFound, AmbiguousDevice)
    assert raised.value.message == "Device not found: 3"


def test_fetch_all_nothing_found_names_the_whole_input():
    get_all, _queries = recording_get_all(set())
    with pytest.raises(DeviceNotFound) as raised:
        batching.fetch_all(get_all, [4, 5], "p", [], DeviceNotFound, AmbiguousDevice)
    assert raised.value.message == "Device not found: [4, 5]"


def test_single_uuid_matching_two_rows_is_ambiguous():
    with pytest.raises(AmbiguousDevice):
        batching.check_found(["a" * 32], "uuid", [{"uuid": "a" * 32}, {"uuid": "a" * 32}], DeviceNotFound, AmbiguousDevice, "a" * 32)


def test_group_by_link_keeps_order():
    items = [{"id": 1, "app": {"__id": 5}}, {"id": 2, "app": {"__id": 6}}, {"id": 3, "app": {"__id": 5}}]
    assert batching.group_by_link(items, "app") == {5: [items[0], items[2]], 6: [items[1]]}


def test_ids_filter():
    assert batching.ids_filter([3]) == {"id": 3}
    assert batching.ids_filter([3, 4]) == {"id": {"$in": [3, 4]}}
