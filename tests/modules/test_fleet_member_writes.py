"""A user who reaches a fleet through a fleet membership only (not a member of its organization): the
fleet's organization is readable to them, a developer writes, an observer is refused naming the fleet."""
from __future__ import annotations

import requests

from ansible_collections.balena.cloud.plugins.modules import (
    balena_device,
    balena_device_action,
    balena_env_var,
    balena_fleet_member,
    balena_tag,
)

from .module_runner import run_module


def join_fleet(emulator, role):
    """alice (who is in no organization of the demo user) joins the demo fleet with ``role``; her API key."""
    credentials = emulator.credentials
    joined = run_module(balena_fleet_member.main, {"api_url": emulator.url, "api_key": credentials["api_key"],
                                                   "fleet": credentials["fleet"], "username": "alice", "role": role})
    assert not joined.get("failed"), joined.get("msg")
    return {"api_url": emulator.url, "api_key": credentials["second_user"]["api_key"]}


def test_the_fleets_organization_is_readable_to_a_fleet_member(fresh_emulator):
    alice = join_fleet(fresh_emulator, "observer")
    answer = requests.get(fresh_emulator.url + "/v7/application", timeout=30, headers={"Authorization": "Bearer " + alice["api_key"]},
                          params={"$select": "slug", "$filter": "slug eq '%s'" % fresh_emulator.credentials["fleet"],
                                  "$expand": "organization($select=handle)"})
    answer.raise_for_status()
    assert [row["organization"] for row in answer.json()["d"]] == [[{"handle": "demo"}]]


def test_a_developer_of_the_fleet_writes_variables_and_tags(fresh_emulator):
    alice = join_fleet(fresh_emulator, "developer")
    fleet, device = fresh_emulator.credentials["fleet"], fresh_emulator.credentials["device"]["uuid"]
    variables = run_module(balena_env_var.main, dict(alice, selector={"fleet": fleet}, variables={"MEMBER_SET": "1"}))
    assert not variables.get("failed"), variables.get("msg")
    assert variables["changed"]
    fleet_variable = run_module(balena_env_var.main, dict(alice, fleet=fleet, variables={"MEMBER_SET": "1"}))
    assert not fleet_variable.get("failed") and fleet_variable["changed"], fleet_variable.get("msg")
    tags = run_module(balena_tag.main, dict(alice, device=device, tags={"member": "1"}))
    assert not tags.get("failed") and tags["changed"], tags.get("msg")
    noted = run_module(balena_device.main, dict(alice, uuid=device, note="set by a fleet member"))
    assert not noted.get("failed") and noted["changed"], noted.get("msg")
    identified = run_module(balena_device_action.main, dict(alice, uuid=device, action="identify"))
    assert not identified.get("failed") and identified["devices"][0]["status"] == "done", identified


def test_an_observer_of_the_fleet_is_refused_naming_the_fleet(fresh_emulator):
    alice = join_fleet(fresh_emulator, "observer")
    fleet, device = fresh_emulator.credentials["fleet"], fresh_emulator.credentials["device"]["uuid"]
    for main, args in ((balena_env_var.main, dict(selector={"fleet": fleet}, variables={"MEMBER_SET": "1"})),
                       (balena_tag.main, dict(device=device, tags={"member": "1"}))):
        refused = run_module(main, dict(alice, **args))
        assert refused.get("failed") and not refused["changed"], refused
        assert fleet in refused["msg"] and "IndexError" not in refused["msg"], refused["msg"]
