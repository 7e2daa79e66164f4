"""The SQLite store: tables from declarations, transactions, stored value forms."""
from __future__ import annotations

import threading

import pytest

from emulator.errors import ApiError
from emulator.schema.declare import COMPUTED, Field, Resource
from emulator.store import Store
from emulator.store.timestamps import normalise_instant, parse_duration
from emulator.store.values import to_stored

PARENT = Resource("parent", fields=(Field("name", "string", required=True),
                                    Field("flag", "boolean", nullable=False),
                                    Field("data", "json"),
                                    Field("double", "integer", write=COMPUTED, sql="{t}.id * 2")),
                  unique=(("name",),))
CHILD = Resource("child", fields=(Field("parent", "fk", references="parent", required=True),
                                  Field("key", "string", required=True)),
                 unique=(("parent", "key"),))


@pytest.fixture
def store():
    store = Store(":memory:", [PARENT, CHILD])
    yield store
    store.close()


def test_tables_columns_constraints_and_fk_indexes(store):
    with store.transaction() as tx:
        columns = [row["name"] for row in tx.query('PRAGMA table_info("parent")')]
        assert columns == ["id", "created_at", "modified_at", "name", "flag", "data"]
        indexes = [row["name"] for row in tx.query('PRAGMA index_list("child")')]
    assert "child__parent__idx" in indexes


def test_a_file_store_reopens_and_adds_new_columns(tmp_path):
    path = str(tmp_path / "db.sqlite")
    first = Store(path, [PARENT])
    with first.transaction() as tx:
        tx.insert("parent", {"name": "kept"})
    first.close()
    grown = Resource("parent", fields=PARENT.fields + (Field("extra", "string"),), unique=PARENT.unique)
    second = Store(path, [grown])
    with second.transaction() as tx:
        assert tx.find("parent", name="kept")[0]["extra"] is None
    second.close()


def test_insert_get_find_decode_python_values(store):
    with store.transaction() as tx:
        parent = tx.insert("parent", {"name": "a", "data": {"x": [1]}, "unknown": 1})
        row = tx.get("parent", parent)
        assert row["flag"] is False and row["data"] == {"x": [1]} and "double" not in row
        assert row["created_at"] == row["modified_at"] and row["created_at"].endswith("Z")
        tx.insert("child", {"parent": parent, "key": "k"})
        assert [child["key"] for child in tx.find("child", parent=parent)] == ["k"]
        assert tx.get("parent", 999) is None


def test_update_and_delete(store):
    with store.transaction() as tx:
        parent = tx.insert("parent", {"name": "a"})
        assert tx.update("parent", parent, {"flag": True}) is True
        assert tx.get("parent", parent)["flag"] is True
        assert tx.update("parent", 999, {"flag": True}) is False
        child = tx.insert("child", {"parent": parent, "key": "k"})
        with pytest.raises(ApiError) as error:
            tx.delete("parent", parent)
        assert (error.value.status, error.value.body) == (409, "Data is referenced by child.")
        assert tx.delete("child", child) and tx.delete("parent", parent)
        assert tx.delete("parent", parent) is False


def test_ids_are_never_reused(store):
    with store.transaction() as tx:
        first = tx.insert("parent", {"name": "a"})
        tx.delete("parent", first)
        assert tx.insert("parent", {"name": "b"}) > first


def test_unique_and_foreign_key_violations(store):
    with store.transaction() as tx:
        parent = tx.insert("parent", {"name": "a"})
        tx.insert("child", {"parent": parent, "key": "k"})
        with pytest.raises(ApiError) as error:
            tx.insert("child", {"parent": parent, "key": "k"})
        assert (error.value.status, error.value.body) == (409, '"parent" and "key" must be unique.')
        with pytest.raises(ApiError) as error:
            tx.insert("child", {"parent": 999, "key": "k"})
        assert (error.value.status, error.value.body) == (409, "Foreign key constraint violated")
        with pytest.raises(ApiError) as error:
            tx.insert("child", {"parent": parent})
        assert (error.value.status, error.value.body) == (400, "It is necessary that each child has a key.")


def test_rollback_on_error_and_nested_transactions(store):
    with pytest.raises(RuntimeError):
        with store.transaction() as tx:
            tx.insert("parent", {"name": "gone"})
            raise RuntimeError("boom")
    with store.transaction() as tx:
        tx.insert("parent", {"name": "outer"})
        with pytest.raises(ApiError):
            with store.transaction() as inner:
                inner.insert("parent", {"name": "inner"})
                inner.insert("parent", {"name": "outer"})
        with store.transaction() as inner:
            inner.insert("parent", {"name": "joined"})
    with store.transaction() as tx:
        assert sorted(row["name"] for row in tx.find("parent")) == ["joined", "outer"]


def test_transactions_are_serialised_across_threads(store):
    def worker(index):
        for number in range(20):
            with store.transaction() as tx:
                tx.insert("parent", {"name": f"{index}-{number}"})

    threads = [threading.Thread(target=worker, args=(index,)) for index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    with store.transaction() as tx:
        assert tx.query("SELECT COUNT(*) AS n FROM parent")[0]["n"] == 80


def test_now_uses_the_world_clock(store):
    from datetime import datetime, timezone

    class World:
        clock = staticmethod(lambda: datetime(2030, 1, 2, 3, 4, 5, 678000, tzinfo=timezone.utc))

    store.world = World()
    with store.transaction() as tx:
        assert tx.now() == "2030-01-02T03:04:05.678Z"
        assert tx.get("parent", tx.insert("parent", {"name": "t"}))["created_at"] == "2030-01-02T03:04:05.678Z"


@pytest.mark.parametrize("field, value, stored", [
    (Field("n", "integer"), "42", 42), (Field("n", "integer"), 4.0, 4), (Field("n", "fk"), "7", 7),
    (Field("n", "real"), "1.5", 1.5), (Field("n", "boolean"), True, 1), (Field("n", "boolean"), 0, 0),
    (Field("n", "datetime"), 0, "1970-01-01T00:00:00.000Z"),
    (Field("n", "datetime"), "2024-01-02T05:04:05.1+02:00", "2024-01-02T03:04:05.100Z"),
    (Field("n", "json"), [1], "[1]"), (Field("n", "string"), "x" * 255, "x" * 255), (Field("n", "text"), "x" * 999, "x" * 999),
    (Field("n", "string"), None, None),
])
def test_stored_forms(field, value, stored):
    assert to_stored(field, value) == stored


@pytest.mark.parametrize("field, value", [
    (Field("n", "integer"), True), (Field("n", "integer"), "x"), (Field("n", "fk"), {"__id": 1}),
    (Field("n", "boolean"), "true"), (Field("n", "boolean"), 2), (Field("n", "datetime"), "yesterday"),
    (Field("n", "json"), "text"), (Field("n", "string"), 5), (Field("n", "string"), "x" * 256),
    (Field("n", "string", max_length=3), "abcd"), (Field("n", "string", nullable=False), None),
])
def test_invalid_values_are_a_400_naming_the_field(field, value):
    with pytest.raises(ApiError) as error:
        to_stored(field, value)
    assert error.value.status == 400
    assert error.value.body.startswith("Invalid request: n ")


def test_choices():
    with pytest.raises(ApiError) as error:
        to_stored(Field("n", "string", choices=("a", "b")), "c")
    assert (error.value.status, error.value.body) == (400, "Check constraint violated")


def test_timestamp_helpers():
    assert normalise_instant("2024-01-02") == "2024-01-02T00:00:00.000Z"
    assert normalise_instant("2024-01-02 03:04:05") == "2024-01-02T03:04:05.000Z"
    assert normalise_instant("nope") is None
    assert parse_duration("P1DT2H3M4.5S") == 93784.5
    assert parse_duration("PT") is None


def test_internal_writers_may_set_base_columns_in_any_datetime_form(store):
    from datetime import datetime, timezone

    with store.transaction() as tx:
        first = tx.insert("parent", {"name": "a", "created_at": datetime(2020, 1, 1, tzinfo=timezone.utc)})
        second = tx.insert("parent", {"name": "b", "created_at": "2020-01-02T00:00:00+01:00", "id": 50})
        assert tx.get("parent", first)["created_at"] == "2020-01-01T00:00:00.000Z"
        assert second == 50 and tx.get("parent", 50)["created_at"] == "2020-01-01T23:00:00.000Z"
