"""A create that would conflict with a row the caller cannot see answers 401, as any create the caller
may not make does, so that no conflict message tells of other tenants' rows; and API key values are
the server's to choose."""
from __future__ import annotations

import pytest

from tenancy_client import Tenancy


@pytest.fixture(scope="module")
def tenancy(suite_emulator):
    return Tenancy(suite_emulator("tenancy-create-conflicts"))


def _other_tenants_fleet(tenancy) -> dict:
    own = set(tenancy.ids("application", "user API key"))
    fleet_id = next(app for app in tenancy.ids("application", "other tenant") if app not in own)
    return tenancy.row("application", fleet_id)


def test_a_tag_on_a_fleet_the_caller_cannot_see_is_refused_whether_or_not_its_key_exists(tenancy):
    fleet = _other_tenants_fleet(tenancy)
    tenancy.create("application_tag", {"application": fleet["id"], "tag_key": "secret", "value": "v"},
                   "other tenant")
    for tag_key in ("secret", "absent"):
        body = {"application": fleet["id"], "tag_key": tag_key, "value": "mine"}
        response = tenancy.call("POST", "/v7/application_tag", "user API key", json=body)
        assert response.status_code == 401, (tag_key, response.text)
    again = tenancy.call("POST", "/v7/application_tag", "other tenant",
                         json={"application": fleet["id"], "tag_key": "secret", "value": "v"})
    assert again.status_code == 409 and "must be unique" in again.text


def test_a_fleet_in_another_tenants_organization_is_refused_whether_or_not_its_name_is_taken(tenancy):
    fleet = _other_tenants_fleet(tenancy)
    for name in (fleet["app_name"], "not-taken-anywhere"):
        body = {"app_name": name, "organization": fleet["organization"]["__id"],
                "is_for__device_type": fleet["is_for__device_type"]["__id"]}
        response = tenancy.call("POST", "/v7/application", "user API key", json=body)
        assert response.status_code == 401, (name, response.text)


def _own_key_id(tenancy) -> int:
    rows = tenancy.rows("/v7/api_key?$select=id,key", "user session")
    return next(row["id"] for row in rows if row["key"] == tenancy.tokens["user API key"])


def test_a_client_cannot_choose_an_api_key_value(fresh_emulator):
    tenancy = Tenancy(fresh_emulator)
    path = f"/v7/api_key({_own_key_id(tenancy)})"
    for chosen in ("MYOWNCHOSENKEY", "", tenancy.tokens["other tenant"]):
        response = tenancy.call("PATCH", path, "user session", json={"key": chosen})
        assert response.status_code == 400, (chosen, response.text)
        assert "read-only" in response.text and "key" in response.text
    renamed = tenancy.call("PATCH", path, "user session", json={"name": "renamed", "key": "MYOWNCHOSENKEY"})
    assert renamed.status_code == 200
    tenancy.tokens["chosen"] = "MYOWNCHOSENKEY"
    assert tenancy.call("GET", "/actor/v1/whoami", "chosen").status_code == 401
    assert tenancy.call("GET", "/actor/v1/whoami", "user API key").status_code == 200
