"""authenticate(): from the credentials of a request to a Caller with its scope sets."""
from __future__ import annotations

from email.message import Message

import pytest

from emulator.app import build_world
from emulator.auth import jwt
from emulator.auth.api_keys import create_key
from emulator.auth.caller import ADMIN, APPLICATION, DEVICE, GUEST, USER, USER_KEY
from emulator.auth.resolve import authenticate
from emulator.auth.sessions import issue_session, new_jwt_secret
from emulator.errors import ApiError
from emulator.web.request import Request


def _request(token=None, *, target="/x", body=b"", content_type=None, scheme="Bearer"):
    headers = Message()
    if token is not None:
        headers["Authorization"] = f"{scheme} {token}"
    if content_type:
        headers["Content-Type"] = content_type
    return Request("GET", target, headers, body)


def _actor(tx, resource, row_id):
    row = tx.get(resource, row_id)
    if not row.get("actor"):
        tx.update(resource, row_id, {"actor": tx.insert("actor", {})})
    return tx.get(resource, row_id)["actor"]


@pytest.fixture(scope="module")
def world():
    world = build_world()
    ids = {}
    with world.store.transaction() as tx:
        arch = tx.insert("cpu_architecture", {"slug": "armv7hf"})
        dt = tx.insert("device_type", {"slug": "raspberrypi3", "name": "Raspberry Pi 3", "is_of__cpu_architecture": arch})
        roles = {name: tx.insert("organization_membership_role", {"name": name}) for name in ("administrator", "member")}
        fleet_roles = {name: tx.insert("application_membership_role", {"name": name})
                       for name in ("developer", "operator", "observer")}
        for name in ("alice", "carol", "dave"):
            ids[name] = tx.insert("user", {"username": name, "email": f"{name}@example.com", "password": "pw",
                                           "jwt_secret": new_jwt_secret()})
            _actor(tx, "user", ids[name])
        for handle in ("acme", "globex"):
            ids[handle] = tx.insert("organization", {"name": handle, "handle": handle})
        for name, org in (("one", "acme"), ("two", "acme"), ("b", "globex")):
            ids[name] = tx.insert("application", {"app_name": f"fleet-{name}", "organization": ids[org],
                                                  "is_for__device_type": dt, "slug": f"{org}/fleet-{name}"})
        tx.insert("organization_membership", {"user": ids["alice"], "is_member_of__organization": ids["acme"],
                                              "organization_membership_role": roles["administrator"]})
        tx.insert("organization_membership", {"user": ids["carol"], "is_member_of__organization": ids["acme"],
                                              "organization_membership_role": roles["member"]})
        tx.insert("user__is_member_of__application", {"user": ids["carol"], "is_member_of__application": ids["one"],
                                                      "application_membership_role": fleet_roles["developer"]})
        team = tx.insert("team", {"name": "ops", "belongs_to__organization": ids["globex"]})
        tx.insert("team_membership", {"user": ids["dave"], "is_member_of__team": team})
        tx.insert("team_application_access", {"team": team, "grants_access_to__application": ids["b"],
                                              "application_membership_role": fleet_roles["observer"]})
        ids["device"] = tx.insert("device", {"uuid": "d" * 32, "belongs_to__application": ids["one"],
                                             "is_of__device_type": dt})
        ids["keys"] = {
            "alice": create_key(tx, _actor(tx, "user", ids["alice"]), name="k"),
            "fleet": create_key(tx, _actor(tx, "application", ids["one"])),
            "device": create_key(tx, _actor(tx, "device", ids["device"])),
            "expired": create_key(tx, _actor(tx, "user", ids["alice"]), expiry_date="2001-01-01T00:00:00.000Z"),
        }
    world.ids = ids
    return world


def _session(world, name, **kwargs):
    with world.store.transaction() as tx:
        return issue_session(world, tx.get("user", world.ids[name]), **kwargs)


def test_no_credentials_make_a_guest(world):
    assert authenticate(world, _request()).kind == GUEST


def test_the_admin_token_is_admin(world):
    assert authenticate(world, _request(world.admin_token)).kind == ADMIN


def test_an_administrator_reads_and_writes_every_fleet_of_the_org(world):
    caller = authenticate(world, _request(_session(world, "alice")))
    ids = world.ids
    assert caller.kind == USER and caller.user_id == ids["alice"]
    assert caller.org_ids == caller.admin_org_ids == {ids["acme"]}
    assert caller.app_ids == caller.writable_app_ids == {ids["one"], ids["two"]}


def test_a_member_reads_the_org_and_writes_where_a_fleet_role_allows(world):
    caller = authenticate(world, _request(_session(world, "carol")))
    ids = world.ids
    assert caller.org_ids == {ids["acme"]} and not caller.admin_org_ids
    assert caller.app_ids == {ids["one"], ids["two"]}
    assert caller.writable_app_ids == {ids["one"]}


def test_a_team_observer_reads_but_does_not_write(world):
    caller = authenticate(world, _request(_session(world, "dave")))
    assert caller.app_ids == {world.ids["b"]} and not caller.writable_app_ids and not caller.org_ids


def test_a_forged_jwt_is_a_guest_but_an_expired_one_is_refused(world):
    forged = jwt.encode({"id": world.ids["alice"], "iat": 1}, b"not the secret")
    assert authenticate(world, _request(forged)).kind == GUEST
    with world.store.transaction() as tx:
        user = tx.get("user", world.ids["alice"])
    expired = jwt.encode({"id": user["id"], "jwt_secret": user["jwt_secret"], "iat": 1, "exp": 2}, world.secret)
    with pytest.raises(ApiError) as refused:
        authenticate(world, _request(expired))
    assert refused.value.status == 401


def test_a_changed_jwt_secret_logs_sessions_out(world):
    token = _session(world, "dave")
    with world.store.transaction() as tx:
        tx.update("user", world.ids["dave"], {"jwt_secret": new_jwt_secret()})
    with pytest.raises(ApiError):
        authenticate(world, _request(token))


def test_a_pending_second_factor_is_only_a_guest(world):
    caller = authenticate(world, _request(_session(world, "alice", two_factor_required=True)))
    assert caller.kind == GUEST and caller.user_id == world.ids["alice"]


def test_api_keys_resolve_to_their_actor_kind(world):
    keys, ids = world.ids["keys"], world.ids
    user_key = authenticate(world, _request(keys["alice"]))
    assert user_key.kind == USER_KEY and user_key.writable_app_ids == {ids["one"], ids["two"]}
    fleet = authenticate(world, _request(keys["fleet"]))
    assert fleet.kind == APPLICATION and fleet.application_id == ids["one"] and not fleet.app_ids
    device = authenticate(world, _request(keys["device"]))
    assert device.kind == DEVICE and device.device_id == ids["device"] and device.application_id == ids["one"]


def test_unknown_and_expired_keys_are_guests(world):
    assert authenticate(world, _request("x" * 32)).kind == GUEST
    assert authenticate(world, _request(world.ids["keys"]["expired"])).kind == GUEST


def test_keys_are_also_read_from_the_query_and_the_body(world):
    key = world.ids["keys"]["fleet"]
    assert authenticate(world, _request(target=f"/x?apikey={key}")).kind == APPLICATION
    assert authenticate(world, _request(target=f"/x?auth_token={key}")).kind == APPLICATION
    body = f'{{"_token": "{key}"}}'.encode()
    assert authenticate(world, _request(body=body, content_type="application/json")).kind == APPLICATION
    assert authenticate(world, _request(key, scheme="Basic")).kind == GUEST
