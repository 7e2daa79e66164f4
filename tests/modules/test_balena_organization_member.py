from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_organization_info, balena_organization_member

from .account_world import join_organization
from .module_runner import api_requests, methods, run_module


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def _roles(emulator, handle):
    info = run_module(balena_organization_info.main, dict(_auth(emulator), handle=handle))
    return {member["username"]: member["role"] for member in info["organizations"][0]["members"]}


def test_change_a_members_role_and_remove_them(fresh_emulator):
    auth = _auth(fresh_emulator)
    join_organization(fresh_emulator, "alice", "demo", "member")
    args = dict(auth, organization="demo", username="alice", role="administrator")

    fresh_emulator.clear_request_log()
    predicted = run_module(balena_organization_member.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["diff"] == {"before": {"role": "member"}, "after": {"role": "administrator"}}
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    promoted = run_module(balena_organization_member.main, args)
    assert promoted["changed"] and promoted["member"]["role"] == "administrator" and promoted["member"]["organization"] == "demo"
    assert _roles(fresh_emulator, "demo")["alice"] == "administrator"
    assert not run_module(balena_organization_member.main, args)["changed"]

    removed = run_module(balena_organization_member.main, dict(auth, organization="demo", username="alice", state="absent"), diff=True)
    assert removed["changed"] and removed["diff"]["after"] == {"state": "absent"} and "alice" not in _roles(fresh_emulator, "demo")
    # alice now shares nothing with this key: whether she exists can no longer be told, so a repeat fails.
    repeated = run_module(balena_organization_member.main, dict(auth, organization="demo", username="alice", state="absent"))
    assert repeated["failed"] and "whether such a user exists at all is unknown" in repeated["msg"]


def test_the_last_administrator_and_ones_own_membership_need_force(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    demoted = run_module(balena_organization_member.main, dict(auth, organization="demo", username="demo", role="member"))
    assert demoted["failed"] and demoted["failure"]["parameter"] == "force" and "without an administrator" in demoted["msg"]
    leaving = run_module(balena_organization_member.main, dict(auth, organization="acme", username="demo", state="absent"))
    assert leaving["failed"] and leaving["failure"]["parameter"] == "force" and "your own membership" in leaving["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    left = run_module(balena_organization_member.main, dict(auth, organization="acme", username="demo", state="absent", force=True))
    assert left["changed"]
    assert "acme" not in [org["handle"] for org in run_module(balena_organization_info.main, auth)["organizations"]]


def test_a_member_may_not_manage_members_and_non_members_are_named(fresh_emulator):
    auth = _auth(fresh_emulator)
    join_organization(fresh_emulator, "alice", "acme", "member")
    fresh_emulator.clear_request_log()
    refused = run_module(balena_organization_member.main, dict(auth, organization="acme", username="alice", role="administrator"))
    assert refused["failed"] and "needs the administrator role in organization acme" in refused["msg"]
    removal = run_module(balena_organization_member.main, dict(auth, organization="acme", username="alice", state="absent"))
    assert removal["failed"] and "demo is a member" in removal["msg"]
    stranger = run_module(balena_organization_member.main, dict(auth, organization="demo", username="nobody", role="member"))
    assert stranger["failed"] and stranger["failure"]["parameter"] == "username" and "'nobody'" in stranger["msg"]
    hidden = run_module(balena_organization_member.main, dict(auth, organization="alice", username="alice", role="member"))
    assert hidden["failed"] and hidden["failure"]["parameter"] == "organization" and "'alice'" in hidden["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]


def test_removing_a_mistyped_username_fails_naming_it(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    for check_mode in (True, False):
        result = run_module(balena_organization_member.main, dict(auth, organization="demo", username="alcie", state="absent"),
                            check_mode=check_mode)
        assert result["failed"] and result["failure"]["parameter"] == "username"
        assert "'alcie' is not among the members of organization demo" in result["msg"]
        assert "whether such a user exists at all is unknown" in result["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]
    # A user this key sees (through organization acme) who is not a member of demo: nothing to remove.
    join_organization(fresh_emulator, "alice", "acme", "member")
    kept = run_module(balena_organization_member.main, dict(auth, organization="demo", username="alice", state="absent"))
    assert kept["changed"] is False and "failed" not in kept


def test_taking_the_administrator_role_from_oneself_needs_force(fresh_emulator):
    auth = _auth(fresh_emulator)
    join_organization(fresh_emulator, "alice", "demo", "administrator")
    args = dict(auth, organization="demo", username="demo", role="member")
    for check_mode in (True, False):
        refused = run_module(balena_organization_member.main, args, check_mode=check_mode)
        assert refused["failed"] and refused["failure"]["parameter"] == "force"
        assert "takes the administrator role from yourself" in refused["msg"]
    assert _roles(fresh_emulator, "demo")["demo"] == "administrator"
    demoted = run_module(balena_organization_member.main, dict(args, force=True))
    assert demoted["changed"] and _roles(fresh_emulator, "demo")["demo"] == "member"
