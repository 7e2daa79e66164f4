"""Key values a caller reads: device and provisioning key values only with write access to the fleet,
and a device reads the SSH keys of its own fleet's users only."""
from __future__ import annotations

import pytest

from tenancy_client import Tenancy

OBSERVED_FLEET_KEY = "observed-fleet-provisioning-key-value"


@pytest.fixture(scope="module")
def tenancy(suite_emulator):
    tenancy = Tenancy(suite_emulator("tenancy-key-reads"))
    (read_only,) = tenancy.credentials["read_only_fleets"]
    (fleet,) = tenancy.rows(f"/v7/application(slug='{read_only}')?$select=actor", "admin")
    tenancy.observed_key = tenancy.create(
        "api_key", {"key": OBSERVED_FLEET_KEY, "is_of__actor": fleet["actor"]["__id"], "name": "observed"}, "admin")
    return tenancy


def _key_of(tenancy, key_id: int, who: str):
    (row,) = tenancy.rows(f"/v7/api_key({key_id})?$select=key", who)
    return row["key"]


def test_an_observer_lists_a_fleet_key_without_its_value(tenancy):
    assert _key_of(tenancy, tenancy.observed_key, "admin") == OBSERVED_FLEET_KEY
    for who in ("user session", "user API key"):
        assert _key_of(tenancy, tenancy.observed_key, who) is None
        assert tenancy.rows(f"/v7/api_key?$select=id&$filter=key eq '{OBSERVED_FLEET_KEY}'", who) == []
        assert tenancy.rows(f"/v7/api_key?$select=id&$filter=startswith(key,'observed')", who) == []
        assert tenancy.rows(f"/v7/actor?$select=id&$filter=api_key/any(k:k/key eq '{OBSERVED_FLEET_KEY}')", who) == []
        actor = tenancy.rows(f"/v7/api_key({tenancy.observed_key})?$select=is_of__actor", who)[0]["is_of__actor"]
        (expanded,) = tenancy.rows(f"/v7/actor({actor['__id']})?$expand=api_key($select=id,key)", who)
        assert {"id": tenancy.observed_key, "key": None} in expanded["api_key"]


def test_writers_of_the_fleet_and_owners_read_key_values(tenancy):
    provisioning = tenancy.credentials["provisioning_key"]["key"]
    (row,) = tenancy.rows(f"/v7/api_key?$select=id,key&$filter=key eq '{provisioning}'", "user API key")
    assert row["key"] == provisioning
    own = tenancy.credentials["api_key"]
    (row,) = tenancy.rows(f"/v7/api_key?$select=key&$filter=key eq '{own}'", "user session")
    assert row["key"] == own


def test_a_device_reads_the_ssh_keys_of_its_fleet_users_only(tenancy):
    alice = tenancy.credentials["second_user"]
    tenancy.create("user_public_key", {"user": alice["user_id"], "title": "alice laptop",
                                       "public_key": "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGFsaWNlIGtleQ alice"},
                   "other tenant")
    everyone = tenancy.rows("/v7/user_public_key?$select=user", "admin")
    assert {row["user"]["__id"] for row in everyone} >= {alice["user_id"], tenancy.credentials["user_id"]}
    seen = tenancy.rows("/v7/user_public_key?$select=user,title", "device key")
    assert seen and {row["user"]["__id"] for row in seen} == {tenancy.credentials["user_id"]}
