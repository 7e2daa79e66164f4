from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_fleet_member

from .account_world import join_organization
from .module_runner import api_requests, methods, run_module


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_one_member_added_changed_and_removed(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    args = dict(auth, fleet=fleet, username="alice", role="observer")

    fresh_emulator.clear_request_log()
    unseen = run_module(balena_fleet_member.main, args, check_mode=True, diff=True)
    assert unseen["failed"] and unseen["failure"]["parameter"] == "username"
    assert "no user 'alice' is visible to this API key; check mode cannot tell whether such a user exists" in unseen["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]
    join_organization(fresh_emulator, "alice", "demo", "member")
    fresh_emulator.clear_request_log()
    predicted = run_module(balena_fleet_member.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["added"] == ["alice"]
    assert predicted["diff"] == {"before": {"members": {}}, "after": {"members": {"alice": "observer"}}}
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    added = run_module(balena_fleet_member.main, args)
    assert added["changed"] and added["fleet"] == fleet
    assert [(m["username"], m["role"]) for m in added["members"]] == [("alice", "observer")]
    assert isinstance(added["members"][0]["user_id"], int)
    assert not run_module(balena_fleet_member.main, args)["changed"]
    assert not run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="alice"))["changed"]

    changed = run_module(balena_fleet_member.main, dict(args, role="operator"), diff=True)
    assert changed["updated"] == ["alice"] and changed["members"][0]["role"] == "operator"

    removed = run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="alice", state="absent"))
    assert removed["removed"] == ["alice"] and removed["members"] == []
    assert not run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="alice", state="absent"))["changed"]


def test_the_whole_list_with_purge(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    join_organization(fresh_emulator, "alice", "demo", "member")
    run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="demo", role="observer"))
    listed = run_module(balena_fleet_member.main, dict(auth, fleet=fleet, members=[{"username": "alice", "role": "operator"}], purge=True))
    assert listed["added"] == ["alice"] and listed["removed"] == ["demo"]
    assert [(m["username"], m["role"]) for m in listed["members"]] == [("alice", "operator")]
    assert not run_module(balena_fleet_member.main, dict(auth, fleet=fleet, members=["ALICE"], purge=True))["changed"]


def test_refusals_name_the_role_the_value_and_write_nothing(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    observer = run_module(balena_fleet_member.main, dict(auth, fleet="acme/warehouse-scanners", username="alice", role="observer"))
    assert observer["failed"] and "needs the administrator role in organization acme" in observer["msg"]
    role = run_module(balena_fleet_member.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], members=[{"username": "alice", "role": "owner"}]))
    assert role["failed"] and role["failure"]["parameter"] == "members" and "'owner'" in role["msg"]
    fleet = run_module(balena_fleet_member.main, dict(auth, fleet="alice/private-fleet", username="alice"))
    assert fleet["failed"] and fleet["failure"]["parameter"] == "fleet" and "'alice/private-fleet'" in fleet["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    unknown = run_module(balena_fleet_member.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], members=["demo", "nobody"]))
    assert unknown["failed"] and unknown["failure"]["parameter"] == "members"
    assert "no user 'nobody'" in unknown["msg"] and "nothing was written" in unknown["msg"]
    assert "POST" in methods(api_requests(fresh_emulator)) and "PATCH" not in methods(api_requests(fresh_emulator))
    assert run_module(balena_fleet_member.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], members=[], purge=True))["members"] == []


def test_a_mistyped_username_fails_in_check_mode_and_when_removing(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    fresh_emulator.clear_request_log()
    predicted = run_module(balena_fleet_member.main, dict(auth, fleet=fleet, members=["demo", "alcie"]), check_mode=True)
    assert predicted["failed"] and predicted["failure"]["parameter"] == "members" and "no user 'alcie' is visible" in predicted["msg"]
    real = run_module(balena_fleet_member.main, dict(auth, fleet=fleet, members=["demo", "alcie"]))
    assert real["failed"] and real["failure"]["parameter"] == "members" and "no user 'alcie' exists; nothing was written" in real["msg"]
    for check_mode in (True, False):
        removed = run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="alcie", state="absent"), check_mode=check_mode)
        assert removed["failed"] and removed["failure"]["parameter"] == "username"
        assert "'alcie' is not among the members of fleet {0}".format(fleet) in removed["msg"]
        assert "whether such a user exists at all is unknown" in removed["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET", "POST"]
    # The caller exists and is visible, with no direct access: nothing to remove.
    assert run_module(balena_fleet_member.main, dict(auth, fleet=fleet, username="demo", state="absent"))["changed"] is False
