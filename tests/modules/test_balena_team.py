from __future__ import annotations

from ansible_collections.balena.cloud.plugins.modules import balena_organization_info, balena_team

from .account_world import join_organization
from .module_runner import api_requests, methods, run_module


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def _stored_team(emulator, name):
    info = run_module(balena_organization_info.main, dict(_auth(emulator), handle="demo"))
    return next((team for team in info["organizations"][0]["teams"] if team["name"] == name), None)


def test_create_change_purge_and_remove(fresh_emulator):
    auth = _auth(fresh_emulator)
    args = dict(auth, organization="demo", name="ops", members=["demo"],
                fleets=[{"fleet": "demo/digital-signage", "role": "operator"}, "demo/air-quality"])

    fresh_emulator.clear_request_log()
    predicted = run_module(balena_team.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["diff"]["before"] == {"state": "absent"}
    assert predicted["team"]["fleets"][0]["role"] == "developer" and predicted["team"]["members"] == ["demo"]
    assert methods(api_requests(fresh_emulator)) == ["GET"] and _stored_team(fresh_emulator, "ops") is None

    created = run_module(balena_team.main, args)
    assert created["changed"] and created["team"]["organization"] == "demo" and created["team"]["members"] == ["demo"]
    assert {(a["fleet"], a["role"]) for a in created["team"]["fleets"]} == {("demo/digital-signage", "operator"), ("demo/air-quality", "developer")}
    assert created["team"] == dict(_stored_team(fresh_emulator, "ops"), organization="demo", organization_id=created["team"]["organization_id"])
    assert not run_module(balena_team.main, args)["changed"]

    join_organization(fresh_emulator, "alice", "demo", "member")
    narrowed = dict(auth, organization="demo", name="ops", members=["alice"], purge_members=True,
                    fleets=[{"fleet": "demo/digital-signage", "role": "observer"}], purge_fleets=True)
    changed = run_module(balena_team.main, narrowed, diff=True)
    assert changed["changed"] and changed["team"]["members"] == ["alice"]
    assert [(a["fleet"], a["role"]) for a in changed["team"]["fleets"]] == [("demo/digital-signage", "observer")]
    assert changed["diff"]["before"]["members"] == ["demo"] and changed["diff"]["after"]["members"] == ["alice"]
    assert not run_module(balena_team.main, dict(auth, organization="demo", name="ops", members=["alice"]))["changed"]

    removed = run_module(balena_team.main, dict(auth, organization="demo", name="ops", state="absent"))
    assert removed["changed"] and _stored_team(fresh_emulator, "ops") is None
    assert not run_module(balena_team.main, dict(auth, organization="demo", name="ops", state="absent"))["changed"]


def test_refusals_name_the_role_and_the_value_and_write_nothing(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    acme_team = dict(auth, organization="acme", name="field-ops", members=["demo"], purge_members=True, fleets=["acme/factory-gateways"])
    member = run_module(balena_team.main, acme_team)
    assert member["failed"] and "needs the administrator role in organization acme" in member["msg"]
    outsider = run_module(balena_team.main, dict(auth, organization="demo", name="ops", members=["alice"]))
    assert outsider["failed"] and outsider["failure"]["parameter"] == "members" and "'alice' is not a member" in outsider["msg"]
    foreign = run_module(balena_team.main, dict(auth, organization="demo", name="ops", fleets=["acme/factory-gateways"]))
    assert foreign["failed"] and "belongs to organization acme, not demo" in foreign["msg"]
    unknown = run_module(balena_team.main, dict(auth, organization="demo", name="ops", fleets=["demo/nothing"]))
    assert unknown["failed"] and unknown["failure"]["parameter"] == "fleets" and "'demo/nothing'" in unknown["msg"]
    role = run_module(balena_team.main, dict(auth, organization="demo", name="ops", fleets=[{"fleet": "demo/air-quality", "role": "boss"}]))
    assert role["failed"] and "'boss'" in role["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]
