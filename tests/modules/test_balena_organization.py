from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import balena_organization, balena_organization_info

from .module_runner import api_requests, methods, run_module


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def test_create_rename_and_remove(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    predicted = run_module(balena_organization.main, dict(auth, handle="field_ops", name="Field operations"), check_mode=True, diff=True)
    assert predicted["changed"] and predicted["organization"] == {"handle": "field_ops", "name": "Field operations"}
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    created = run_module(balena_organization.main, dict(auth, handle="field_ops", name="Field operations"))
    assert created["changed"] and isinstance(created["organization"]["id"], int)
    again = run_module(balena_organization.main, dict(auth, handle="field_ops", name="Field operations"))
    assert not again["changed"]
    assert not run_module(balena_organization.main, dict(auth, handle="field_ops"))["changed"]

    renamed = run_module(balena_organization.main, dict(auth, handle="field_ops", name="Field ops"), diff=True)
    assert renamed["changed"] and renamed["diff"] == {"before": {"name": "Field operations"}, "after": {"name": "Field ops"}}
    info = run_module(balena_organization_info.main, dict(auth, handle="field_ops"))
    assert info["organizations"][0]["name"] == "Field ops" and info["organizations"][0]["role"] == "administrator"

    removed = run_module(balena_organization.main, dict(auth, handle="field_ops", state="absent"), diff=True)
    assert removed["changed"] and removed["diff"]["after"] == {"state": "absent"}
    assert not run_module(balena_organization.main, dict(auth, handle="field_ops", state="absent"))["changed"]


def test_a_member_may_not_rename_or_remove_the_organization(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    for args in ({"name": "Acme"}, {"state": "absent"}):
        refused = run_module(balena_organization.main, dict(auth, handle="acme", **args), check_mode=False)
        assert refused["failed"] and refused["failure"]["parameter"] == "handle"
        assert "administrator role in organization acme" in refused["msg"] and "demo is a member" in refused["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]


def test_bad_handle_is_named_before_any_request(fresh_emulator):
    fresh_emulator.clear_request_log()
    result = run_module(balena_organization.main, dict(_auth(fresh_emulator), handle="Not A Handle"))
    assert result["failed"] and result["failure"]["parameter"] == "handle" and "'Not A Handle'" in result["msg"]
    assert api_requests(fresh_emulator) == []


def test_info_lists_members_teams_and_fleets_without_emails(fresh_emulator):
    auth = _auth(fresh_emulator)
    result = run_module(balena_organization_info.main, auth)
    by_handle = {org["handle"]: org for org in result["organizations"]}
    assert sorted(by_handle) == ["acme", "demo"]
    acme = by_handle["acme"]
    assert acme["role"] == "member" and {"username": "demo", "user_id": acme["members"][0]["user_id"], "role": "member"} in acme["members"]
    team = next(team for team in acme["teams"] if team["name"] == "field-ops")
    assert team["members"] == ["demo"]
    assert [(access["fleet"], access["role"]) for access in team["fleets"]] == [("acme/warehouse-scanners", "observer")]
    assert "acme/factory-gateways" in [fleet["fleet"] for fleet in acme["fleets"]]
    assert "@" not in json.dumps(result)
    hidden = run_module(balena_organization_info.main, dict(auth, handle="alice"))
    assert hidden["failed"] and hidden["failure"]["parameter"] == "handle"


def test_a_handle_taken_by_an_organization_one_cannot_see_fails_cleanly(fresh_emulator):
    result = run_module(balena_organization.main, dict(_auth(fresh_emulator), handle="alice", name="Mine now"))
    assert result["failed"] and result["failure"]["parameter"] == "handle"
    assert "the handle alice is taken by an organization this API key cannot see" in result["msg"]
    assert "409" not in result["msg"] and "exception" not in result


def _fleets_of(emulator, handle):
    auth = _auth(emulator)
    return run_module(balena_organization_info.main, dict(auth, handle=handle))["organizations"][0]["fleets"]


def test_removing_an_organization_with_fleets_needs_force(fresh_emulator):
    auth = _auth(fresh_emulator)
    slugs = [fleet["fleet"] for fleet in _fleets_of(fresh_emulator, "demo")]
    assert slugs
    for check_mode in (True, False):
        fresh_emulator.clear_request_log()
        refused = run_module(balena_organization.main, dict(auth, handle="demo", state="absent"), check_mode=check_mode)
        assert refused["failed"] and refused["failure"]["parameter"] == "force"
        assert "{0} fleet(s)".format(len(slugs)) in refused["msg"] and all(slug in refused["msg"] for slug in slugs)
        assert methods(api_requests(fresh_emulator)) == ["GET"]
    assert [fleet["fleet"] for fleet in _fleets_of(fresh_emulator, "demo")] == slugs
    predicted = run_module(balena_organization.main, dict(auth, handle="demo", state="absent", force=True), check_mode=True)
    assert predicted["changed"]
    removed = run_module(balena_organization.main, dict(auth, handle="demo", state="absent", force=True))
    assert removed["changed"]
    assert run_module(balena_organization_info.main, dict(auth, handle="demo"))["failed"]


def test_removing_an_unseen_organization_warns(fresh_emulator):
    result = run_module(balena_organization.main, dict(_auth(fresh_emulator), handle="alice", state="absent"))
    assert not result["changed"] and "failed" not in result
    assert "no organization with handle 'alice' is visible to this API key" in json.dumps(result["warnings"])
