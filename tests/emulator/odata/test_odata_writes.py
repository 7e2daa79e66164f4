"""Writes through the engine: validation, grants, hooks and transactions."""
from __future__ import annotations

import pytest

from emulator.auth.caller import Caller
from emulator.errors import ApiError
from emulator.hooks.base import ResourceHooks, register
from odata_standin_schema import ADMIN_CALLER


def status_of(call):
    with pytest.raises(ApiError) as error:
        call()
    return error.value.status, error.value.body


def test_create_returns_the_full_entity(world):
    row = world.odata.create(ADMIN_CALLER, "device_tag", {"device": world.ids["beta"], "tag_key": "k", "junk": 1})
    assert row["device"] == {"__id": world.ids["beta"]} and row["value"] == "" and "junk" not in row
    assert set(row) == {"created_at", "modified_at", "id", "device", "tag_key", "value"}


def test_create_applies_defaults_and_drops_server_fields(world):
    row = world.odata.create(ADMIN_CALLER, "application", {
        "app_name": "new-fleet", "slug": "client/value", "organization": world.ids["org1"],
        "is_for__device_type": world.ids["pi"]})
    assert row["slug"] is None and row["is_of__class"] == "fleet" and row["is_public"] is False
    assert row["device_count"] == 0


@pytest.mark.parametrize("body, expected", [
    ({"device": 1, "tag_key": 5}, (400, "Invalid request: tag_key must be a string")),
    ({"device": 1, "tag_key": "x" * 256},
     (400, "Invalid request: tag_key is 256 characters long, at most 255 are allowed")),
    ({"device": {"__id": 1}, "tag_key": "k"}, (400, "Invalid request: device must be an integer id")),
    ({"device": True, "tag_key": "k"}, (400, "Invalid request: device must be an integer id")),
    ({"device": 1, "tag_key": None}, (400, "Invalid request: tag_key cannot be null")),
    ({"device": 1}, (400, "It is necessary that each device_tag has a tag_key.")),
    ({"device": 999, "tag_key": "k"}, (409, "Foreign key constraint violated")),
    ({"device": 1, "tag_key": "group"}, (409, '"device" and "tag_key" must be unique.')),
])
def test_create_validation(world, body, expected):
    assert status_of(lambda: world.odata.create(ADMIN_CALLER, "device_tag", body)) == expected


def test_wire_values_accepted_on_write(world):
    row = world.odata.create(ADMIN_CALLER, "device", {
        "uuid": "f" * 32, "belongs_to__application": str(world.ids["app1"]), "is_of__device_type": world.ids["pi"],
        "is_online": 1, "memory_usage": "42", "last_connectivity_event": 0, "storage_size": "5"})
    assert row["belongs_to__application"] == {"__id": world.ids["app1"]} and row["is_online"] is True
    assert row["memory_usage"] == 42 and row["last_connectivity_event"] == "1970-01-01T00:00:00.000Z"
    assert row["api_heartbeat_state"] == "unknown" and row["storage_size"] == "5"
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", row["id"], {"api_heartbeat_state": "bad"})) == (
        400, "Check constraint violated")
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", row["id"], {"is_online": "yes"}))[0] == 400
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", row["id"], {"custom": "text"}))[0] == 400


def test_update_rules(world):
    beta = world.ids["beta"]
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", beta, {})) == (400, "No fields to update")
    unchangeable = "Invalid request: none of the fields sent can be changed on {} (unknown, computed or read-only): {}"
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", beta, {"nope": 1})) == (
        400, unchangeable.format("device", "nope"))
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "device", beta, {"overall_status": "x"})) == (
        400, unchangeable.format("device", "overall_status"))
    # A create-only field is dropped from a PATCH; with nothing else left the PATCH changes nothing.
    assert status_of(lambda: world.odata.update(ADMIN_CALLER, "application", world.ids["app1"],
                                                {"organization": world.ids["org2"]})) == (
        400, unchangeable.format("application", "organization"))
    world.odata.update(ADMIN_CALLER, "application", world.ids["app1"], {"organization": world.ids["org2"], "app_name": "renamed"})
    assert world.odata.read(ADMIN_CALLER, "application", f"$select=organization,app_name&$filter=id eq {world.ids['app1']}") == [
        {"organization": {"__id": world.ids["org1"]}, "app_name": "renamed"}]


def test_create_outside_the_grant_is_401_and_rolled_back(world):
    member = world.callers["member"]
    assert status_of(lambda: world.odata.create(member, "device_tag", {"device": world.ids["O'Brien"], "tag_key": "t"}))[0] == 401
    assert world.odata.read(ADMIN_CALLER, "device_tag", "$filter=tag_key eq 't'") == []
    assert world.odata.create(member, "device_tag", {"device": world.ids["beta"], "tag_key": "t"})["tag_key"] == "t"
    reader = Caller(kind="user", user_id=9, app_ids=frozenset([world.ids["app1"]]))
    assert status_of(lambda: world.odata.create(reader, "organization", {"name": "x", "handle": "x"}))[0] == 401


def test_update_and_delete_outside_the_grant_are_silent_no_ops(world):
    member = world.callers["member"]
    world.odata.update(member, "device", world.ids["O'Brien"], {"note": "changed"})
    world.odata.delete(member, "device_tag", 5)
    obrien = world.ids["O'Brien"]
    (row,) = world.odata.read(ADMIN_CALLER, "device", f"$select=note&$filter=id eq {obrien}")
    assert row["note"] == "note 4"
    assert len(world.odata.read(ADMIN_CALLER, "device_tag", "$select=id")) == 6


def test_keyed_delete_not_found_text(world):
    assert status_of(lambda: world.odata.delete(ADMIN_CALLER, "application", 999)) == (404, "Application(s) not found.")
    world.odata.delete(ADMIN_CALLER, "device_tag", 999)


def test_delete_of_a_referenced_row_is_refused(world):
    assert status_of(lambda: world.odata.delete(ADMIN_CALLER, "device", world.ids["alpha"])) == (
        409, "Data is referenced by device_tag.")


class _Recorder(ResourceHooks):
    resource = "device"

    def __init__(self):
        self.seen = []

    def prepare(self, op):
        if "name" in op.values:
            op.values["device_name"] = op.values.pop("name")

    def before_create(self, op):
        self.seen.append(("before_create", dict(op.values)))
        if op.values.get("device_name") == "refuse":
            raise ApiError(400, "Refused by a hook")
        op.values.setdefault("note", "from hook")

    def after_create(self, op):
        self.seen.append(("after_create", op.id))
        op.tx.insert("device_tag", {"device": op.id, "tag_key": "created", "value": "yes"}, op.caller)

    def before_update(self, op):
        self.seen.append(("before_update", op.old["device_name"], dict(op.values)))

    def after_update(self, op):
        self.seen.append(("after_update", op.id))

    def before_delete(self, op):
        self.seen.append(("before_delete", op.id))
        for tag in op.tx.find("device_tag", device=op.id):
            op.tx.delete("device_tag", tag["id"], op.caller)

    def after_delete(self, op):
        self.seen.append(("after_delete", op.id))


def new_device(name):
    return {"uuid": name.ljust(32, "0"), "name": name, "belongs_to__application": 1, "is_of__device_type": 1}


def test_hooks_run_in_order_and_write_through_the_transaction(world):
    recorder = register(_Recorder())
    row = world.odata.create(ADMIN_CALLER, "device", new_device("abc"))
    assert row["device_name"] == "abc" and row["note"] == "from hook"
    assert world.odata.read(ADMIN_CALLER, "device_tag", f"$select=tag_key&$filter=device eq {row['id']}") == [{"tag_key": "created"}]
    world.odata.update(ADMIN_CALLER, "device", row["id"], {"note": "x"})
    world.odata.delete(ADMIN_CALLER, "device", row["id"])
    assert [entry[0] for entry in recorder.seen] == [
        "before_create", "after_create", "before_update", "after_update", "before_delete", "after_delete"]
    assert recorder.seen[2] == ("before_update", "abc", {"note": "x"})


def test_a_hook_error_aborts_the_whole_request(world):
    register(_Recorder())
    before = len(world.odata.read(ADMIN_CALLER, "device", "$select=id"))
    assert status_of(lambda: world.odata.create(ADMIN_CALLER, "device", new_device("refuse"))) == (400, "Refused by a hook")
    assert len(world.odata.read(ADMIN_CALLER, "device", "$select=id")) == before


def test_the_new_row_must_satisfy_the_create_grant_after_hooks(world):
    class MoveToAnotherFleet(ResourceHooks):
        resource = "device_tag"

        def after_create(self, op):
            op.tx.update("device", op.values["device"], {"belongs_to__application": world.ids["app2"]})

    register(MoveToAnotherFleet())
    member = world.callers["member"]
    assert status_of(lambda: world.odata.create(member, "device_tag", {"device": world.ids["beta"], "tag_key": "m"}))[0] == 401
    (row,) = world.odata.read(ADMIN_CALLER, "device", f"$select=belongs_to__application&$filter=id eq {world.ids['beta']}")
    assert row["belongs_to__application"] == {"__id": world.ids["app1"]}
