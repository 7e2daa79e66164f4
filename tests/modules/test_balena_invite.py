from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import balena_invite

from .account_world import admin_call, join_organization
from .module_runner import api_requests, methods, run_module


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def _stored(emulator, resource):
    rows = admin_call(emulator, "GET", resource, params={"$select": "id,invitationToken", "$expand": "invitee($select=email)"})["d"]
    return {row["invitee"][0]["email"]: row for row in rows}


def test_organization_invitation_sent_reinvited_on_a_new_role_and_revoked(fresh_emulator):
    auth = _auth(fresh_emulator)
    args = dict(auth, organization="demo", email="Jane@Example.com", role="member", invite_message="Welcome")
    resource = "invitee__is_invited_to__organization"

    fresh_emulator.clear_request_log()
    predicted = run_module(balena_invite.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["invite"]["id"] is None and predicted["diff"]["before"] == {"state": "absent"}
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    sent = run_module(balena_invite.main, args)
    assert sent["changed"] and sent["invite"]["organization"] == "demo" and sent["invite"]["role"] == "member"
    stored = _stored(fresh_emulator, resource)
    assert list(stored) == ["Jane@Example.com"] and stored["Jane@Example.com"]["invitationToken"] not in json.dumps(sent)
    again = run_module(balena_invite.main, dict(args, email="jane@example.com", invite_message="Other words"))
    assert not again["changed"] and again["invite"]["id"] == sent["invite"]["id"]

    reinvited = run_module(balena_invite.main, dict(args, role="administrator"), diff=True)
    assert reinvited["changed"] and reinvited["diff"] == {"before": {"role": "member"}, "after": {"role": "administrator"}}
    assert reinvited["invite"]["id"] != sent["invite"]["id"] and len(_stored(fresh_emulator, resource)) == 1

    revoked = run_module(balena_invite.main, dict(auth, organization="demo", email="jane@example.com", state="absent"))
    assert revoked["changed"] and _stored(fresh_emulator, resource) == {}
    assert not run_module(balena_invite.main, dict(auth, organization="demo", email="jane@example.com", state="absent"))["changed"]


def test_fleet_invitation_defaults_to_developer(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    sent = run_module(balena_invite.main, dict(auth, fleet=fleet, email="contractor@example.org"))
    assert sent["changed"] and sent["invite"]["fleet"] == fleet and sent["invite"]["role"] == "developer"
    assert not run_module(balena_invite.main, dict(auth, fleet=fleet, email="contractor@example.org"))["changed"]
    assert "contractor@example.org" in _stored(fresh_emulator, "invitee__is_invited_to__application")


def test_refusals_name_the_role_and_the_value_and_write_nothing(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    observer = run_module(balena_invite.main, dict(auth, fleet="acme/warehouse-scanners", email="x@example.com", role="observer"))
    assert observer["failed"] and observer["failure"]["parameter"] == "fleet"
    assert "needs the administrator role in organization acme; demo is a member" in observer["msg"]
    member = run_module(balena_invite.main, dict(auth, organization="acme", email="x@example.com"))
    assert member["failed"] and "administrator role" in member["msg"]
    role = run_module(balena_invite.main, dict(auth, organization="demo", email="x@example.com", role="observer"))
    assert role["failed"] and role["failure"]["parameter"] == "role" and "'observer'" in role["msg"]
    email = run_module(balena_invite.main, dict(auth, organization="demo", email="not an address"))
    assert email["failed"] and email["failure"]["parameter"] == "email"
    assert methods(api_requests(fresh_emulator)) == ["GET"]


def test_inviting_a_member_sends_nothing_and_warns(fresh_emulator):
    auth = _auth(fresh_emulator)
    join_organization(fresh_emulator, "alice", "demo", "member")
    for check_mode in (True, False):
        result = run_module(balena_invite.main, dict(auth, organization="demo", email="Alice@example.org"), check_mode=check_mode)
        assert result["changed"] is False and "failed" not in result
        assert "Alice@example.org is already a member of organization demo (username alice)" in json.dumps(result["warnings"])
    assert "alice@example.org" not in _stored(fresh_emulator, "invitee__is_invited_to__organization")
    fleet = run_module(balena_invite.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], email="alice@example.org"))
    assert fleet["changed"] and fleet["invite"]["role"] == "developer"


def test_a_role_of_another_kind_is_named_in_good_english(fresh_emulator):
    result = run_module(balena_invite.main, dict(_auth(fresh_emulator), organization="demo", email="jane@example.com", role="observer"))
    assert result["failed"] and "'observer' is not a role of an organization" in result["msg"]
