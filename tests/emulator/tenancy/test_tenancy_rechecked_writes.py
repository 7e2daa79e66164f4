"""What a PATCH or PUT may still change once it is judged on the row as it will be."""
from __future__ import annotations

import pytest

from tenancy_client import Tenancy

# Host OS releases for a device type, newest first (pinning an older one is a downgrade, refused on its own).
HOST_OS_RELEASES = ("/v7/release?$select=id"
                    "&$orderby=semver_major desc,semver_minor desc,semver_patch desc,revision desc"
                    "&$filter=belongs_to__application/is_host eq true"
                    " and belongs_to__application/is_for__device_type/slug eq '{slug}'")


@pytest.fixture(scope="module")
def tenancy(suite_emulator):
    return Tenancy(suite_emulator("tenancy-rechecked-writes"))


@pytest.fixture
def fresh(fresh_emulator):
    return Tenancy(fresh_emulator)


def _lobby(tenancy) -> dict:
    uuid = tenancy.credentials["device"]["uuid"]
    (device,) = tenancy.rows(f"/v7/device(uuid='{uuid}')?$expand=is_of__device_type($select=slug)", "admin")
    return device


def _fleet_id(tenancy, slug: str) -> int:
    return tenancy.one_id(f"/v7/application(slug='{slug}')?$select=id", "admin")


def test_a_device_key_keeps_its_device_in_its_fleet_and_its_pins(tenancy):
    device = _lobby(tenancy)
    slug = device["is_of__device_type"][0]["slug"]
    host_fleet = tenancy.one_id(
        f"/v7/application?$select=id&$filter=is_host eq true and is_for__device_type/slug eq '{slug}'", "device key")
    pinned = {device[name]["__id"] for name in ("should_be_operated_by__release", "should_be_managed_by__release")
              if device[name]}
    os_release = next(row["id"] for row in tenancy.rows(HOST_OS_RELEASES.format(slug=slug), "device key")
                      if row["id"] not in pinned)
    own_release = tenancy.one_id(
        f"/v7/release?$select=id&$filter=belongs_to__application eq {device['belongs_to__application']['__id']}",
        "device key")
    path = f"/v7/device({device['id']})"
    for body in ({"belongs_to__application": host_fleet}, {"is_pinned_on__release": own_release},
                 {"should_be_operated_by__release": os_release}, {"should_be_managed_by__release": os_release},
                 {"note": "moved", "belongs_to__application": host_fleet}):
        before = tenancy.row("device", device["id"])
        response = tenancy.call("PATCH", path, "device key", json=body)
        assert response.status_code == 401, (body, response.text)
        assert tenancy.row("device", device["id"]) == before, body
    unchanged_fleet = {"note": "still here", "belongs_to__application": device["belongs_to__application"]["__id"]}
    assert tenancy.call("PATCH", path, "device key", json=unchanged_fleet).status_code == 200
    assert tenancy.row("device", device["id"])["note"] == "still here"


def test_a_user_pins_a_device_to_a_public_os_release_it_can_only_read(fresh):
    device = _lobby(fresh)
    os_release = fresh.one_id(HOST_OS_RELEASES.format(slug=device["is_of__device_type"][0]["slug"]), "user API key")
    assert not fresh.may_update("release", os_release, "user API key")
    response = fresh.call("PATCH", f"/v7/device({device['id']})", "user API key",
                          json={"should_be_operated_by__release": os_release})
    assert response.status_code == 200, response.text
    assert fresh.row("device", device["id"])["should_be_operated_by__release"] == {"__id": os_release}


def test_a_user_key_cannot_be_handed_to_another_user(tenancy):
    own_actor = tenancy.whoami_actor("user API key")
    other_actor = tenancy.whoami_actor("other tenant")
    (key,) = tenancy.rows(f"/v7/api_key?$select=id&$filter=is_of__actor eq {own_actor}"
                          f" and name eq '{tenancy.credentials['username']} key'", "user session")
    for method, path in (("PATCH", f"/v7/api_key({key['id']})"), ("PATCH", f"/v7/api_key?$filter=id eq {key['id']}"),
                         ("PUT", f"/v7/api_key({key['id']})")):
        response = tenancy.call(method, path, "user session", json={"is_of__actor": other_actor})
        assert response.status_code == 401, (method, path, response.text)
    assert tenancy.row("api_key", key["id"])["is_of__actor"] == {"__id": own_actor}
    assert tenancy.whoami_actor("user API key") == own_actor


def test_a_fleet_developer_cannot_move_the_fleet_to_an_organization_it_administers(tenancy):
    """demo develops acme's factory-gateways and administers the organization demo."""
    fleet = _fleet_id(tenancy, "acme/factory-gateways")
    assert tenancy.may_update("application", fleet, "user API key")
    demo_org = tenancy.one_id(f"/v7/organization(handle='{tenancy.credentials['organization']}')?$select=id",
                              "user API key")
    before = tenancy.row("application", fleet)
    response = tenancy.call("PATCH", f"/v7/application({fleet})", "user API key", json={"organization": demo_org})
    assert response.status_code == 401, response.text
    assert tenancy.row("application", fleet) == before


def test_an_administrator_of_both_organizations_moves_a_fleet_and_one_refusal_undoes_the_whole_request(fresh):
    new_org = fresh.create("organization", {"name": "second demo org", "handle": "second_demo"}, "user API key")
    mine, shared = _fleet_id(fresh, "demo/lab-prototypes"), _fleet_id(fresh, "acme/factory-gateways")
    response = fresh.call("PATCH", f"/v7/application?$filter=id in ({mine}, {shared})", "user API key",
                          json={"organization": new_org})
    assert response.status_code == 401, response.text
    assert fresh.row("application", mine)["organization"] != {"__id": new_org}
    assert fresh.row("application", shared)["organization"] != {"__id": new_org}
    response = fresh.call("PATCH", f"/v7/application({mine})", "user API key", json={"organization": new_org})
    assert response.status_code == 200, response.text
    assert fresh.row("application", mine)["organization"] == {"__id": new_org}


def test_rows_the_caller_may_only_read_are_still_a_silent_no_op(tenancy):
    (read_only,) = tenancy.credentials["read_only_fleets"]
    fleet = _fleet_id(tenancy, read_only)
    other_fleet = _fleet_id(tenancy, tenancy.credentials["second_user"]["fleet"])
    before = tenancy.row("application", fleet)
    for path in (f"/v7/application({fleet})", f"/v7/application?$filter=id eq {fleet}"):
        for body in ({"app_name": "taken"}, {"organization": 1}, {"should_be_running__release": None}):
            response = tenancy.call("PATCH", path, "user API key", json=body)
            assert (response.status_code, response.text) == (200, ""), (path, body)
    response = tenancy.call("PATCH", f"/v7/device?$filter=belongs_to__application eq {fleet}", "user API key",
                            json={"belongs_to__application": other_fleet})
    assert (response.status_code, response.text) == (200, "")
    assert tenancy.row("application", fleet) == before


def test_a_team_opens_only_fleets_its_administrator_administers(tenancy):
    """demo administers the organization demo and only observes acme's warehouse-scanners."""
    (observed,) = tenancy.credentials["read_only_fleets"]
    observed, own = _fleet_id(tenancy, observed), _fleet_id(tenancy, tenancy.credentials["fleet"])
    demo_org = tenancy.one_id(f"/v7/organization(handle='{tenancy.credentials['organization']}')?$select=id",
                              "user API key")
    team = tenancy.create("team", {"belongs_to__organization": demo_org, "name": "escalation"}, "user API key")
    response = tenancy.call("POST", "/v7/team_application_access", "user API key",
                            json={"team": team, "grants_access_to__application": observed})
    assert response.status_code == 401, response.text
    access = tenancy.create("team_application_access", {"team": team, "grants_access_to__application": own},
                            "user API key")
    response = tenancy.call("PATCH", f"/v7/team_application_access({access})", "user API key",
                            json={"grants_access_to__application": observed})
    assert response.status_code == 401, response.text
    assert tenancy.row("team_application_access", access)["grants_access_to__application"] == {"__id": own}
