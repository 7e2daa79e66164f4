"""Who sees and changes what, through the engine and the declared grants."""
from __future__ import annotations

import pytest

from emulator.auth.caller import ANONYMOUS, APPLICATION, Caller
from emulator.errors import ApiError
from emulator.schema.registry import RESOURCES

DIRECTLY_ACCESSIBLE = "$select=id&$filter=is_directly_accessible_by__user/any(dau:1 eq 1)"


def ids(rows) -> set:
    return {row["id"] for row in rows}


def status_of(call) -> int:
    with pytest.raises(ApiError) as caught:
        call()
    return caught.value.status


@pytest.mark.parametrize("name", sorted(RESOURCES))
def test_every_resource_reads_for_the_admin_and_a_user(world, tenants, name):
    world.odata.read(tenants.admin, name, "$top=5")
    try:
        world.odata.read(tenants.alice.caller, name, "$top=5")
    except ApiError as error:
        assert error.status == 401


def test_users_see_their_own_tenant_only(world, tenants):
    alice, bob = tenants.alice, tenants.bob
    assert ids(world.odata.read(alice.caller, "application", "$select=id")) == {alice.app, tenants.public_fleet}
    assert ids(world.odata.read(alice.caller, "device", "$select=id")) == {alice.device}
    tags = world.odata.read(alice.caller, "device_tag", "$select=value")
    assert [tag["value"] for tag in tags] == ["alice"]
    assert world.odata.read(alice.caller, "device", f"$select=id&$filter=id eq {bob.device}") == []
    assert ids(world.odata.read(alice.caller, "organization", "$select=id")) == {alice.org}
    assert ids(world.odata.read(alice.caller, "user", "$select=id")) == {alice.user}


def test_directly_accessible_means_my_fleets(world, tenants):
    alice = tenants.alice
    assert ids(world.odata.read(alice.caller, "application", DIRECTLY_ACCESSIBLE)) == {alice.app}
    assert world.odata.read(alice.device_caller, "application", DIRECTLY_ACCESSIBLE) == []
    provisioning = Caller(kind=APPLICATION, application_id=alice.app)
    assert world.odata.read(provisioning, "application", DIRECTLY_ACCESSIBLE) == []
    assert status_of(lambda: world.odata.read(ANONYMOUS, "application", DIRECTLY_ACCESSIBLE)) == 401


def test_guests_read_device_types_and_public_fleets(world, tenants):
    assert world.odata.read(ANONYMOUS, "device_type", "$select=slug") == [{"slug": "raspberrypi4-64"}]
    assert ids(world.odata.read(ANONYMOUS, "application", "$select=id")) == {tenants.public_fleet}
    assert status_of(lambda: world.odata.read(ANONYMOUS, "device", "$select=id")) == 401


def test_device_keys_see_their_device_and_fleet(world, tenants):
    alice = tenants.alice
    assert ids(world.odata.read(alice.device_caller, "device", "$select=id")) == {alice.device}
    assert ids(world.odata.read(alice.device_caller, "application", "$select=id")) == {
        alice.app, tenants.public_fleet}
    assert status_of(lambda: world.odata.read(alice.device_caller, "user", "$select=id")) == 401
    assert status_of(lambda: world.odata.read(alice.device_caller, "api_key", "$select=id")) == 401
    created = world.odata.create(alice.device_caller, "device_tag",
                                 {"device": alice.device, "tag_key": "from-device", "value": "1"})
    assert created["device"] == {"__id": alice.device}
    assert status_of(lambda: world.odata.create(alice.device_caller, "device_tag",
                                                {"device": tenants.bob.device, "tag_key": "x", "value": "1"})) == 401


def test_cross_tenant_writes_are_refused_or_ignored(world, tenants):
    alice, bob = tenants.alice, tenants.bob
    assert status_of(lambda: world.odata.create(alice.caller, "application_tag",
                                                {"application": bob.app, "tag_key": "x", "value": "1"})) == 401
    world.odata.update(alice.caller, "device", bob.device, {"note": "hijack"})
    assert world.odata.read(tenants.admin, "device", f"$select=note&$filter=id eq {bob.device}") == [{"note": None}]
    world.odata.delete(alice.caller, "device", bob.device)
    assert len(world.odata.read(tenants.admin, "device", f"$select=id&$filter=id eq {bob.device}")) == 1


def test_provisioning_keys_create_devices_in_their_fleet_only(world, tenants):
    alice, bob = tenants.alice, tenants.bob
    provisioning = Caller(kind=APPLICATION, application_id=alice.app)
    created = world.odata.create(provisioning, "device", {"belongs_to__application": alice.app,
                                                          "is_of__device_type": tenants.device_type})
    assert created["belongs_to__application"] == {"__id": alice.app}
    assert status_of(lambda: world.odata.create(provisioning, "device", {
        "belongs_to__application": bob.app, "is_of__device_type": tenants.device_type})) == 401


def test_memberships_by_username_over_the_engine(world, tenants):
    alice, bob = tenants.alice, tenants.bob
    membership = world.odata.create(alice.caller, "user__is_member_of__application",
                                    {"username": "bob", "is_member_of__application": alice.app})
    assert membership["user"] == {"__id": bob.user}
    invite = world.odata.create(alice.caller, "invitee__is_invited_to__application",
                                {"invitee": "carol@example.com", "is_invited_to__application": alice.app,
                                 "message": "join"})
    assert set(invite) >= {"id", "invitee", "invitationToken", "application_membership_role"}


def test_users_read_their_own_keys_and_those_of_their_fleets(world, tenants):
    alice, bob = tenants.alice, tenants.bob
    with world.store.transaction() as tx:
        actors = {owner: tx.get(kind, row_id)["actor"] for owner, kind, row_id in (
            ("alice", "user", alice.user), ("alice-fleet", "application", alice.app),
            ("alice-device", "device", alice.device), ("bob-fleet", "application", bob.app))}
        keys = {owner: tx.insert("api_key", {"key": f"key-{owner}", "is_of__actor": actor})
                for owner, actor in actors.items()}
    visible = ids(world.odata.read(alice.caller, "api_key", "$select=id"))
    assert visible == {keys["alice"], keys["alice-fleet"], keys["alice-device"]}
    assert status_of(lambda: world.odata.read(alice.device_caller, "api_key", "$select=id")) == 401
