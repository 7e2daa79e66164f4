from __future__ import annotations

import json

import requests

from ansible_collections.balena.cloud.plugins.modules import balena_api_key, balena_api_key_info

from .module_runner import api_requests, methods, run_module


def _auth(emulator, key=None):
    return {"api_url": emulator.url, "api_key": key or emulator.credentials["api_key"]}


def _session_token(emulator):
    answer = requests.post(emulator.url + "/login_", timeout=30,
                           json={"username": "demo", "password": emulator.credentials["password"]})
    answer.raise_for_status()
    return answer.text


def _works(emulator, key):
    answer = requests.get(emulator.url + "/actor/v1/whoami", timeout=30, headers={"Authorization": "Bearer " + key})
    return answer.status_code == 200


def test_fleet_key_create_idempotent_change_and_revoke(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    args = dict(auth, fleet=fleet, name="line-3", description="units of line 3", expiry_date="2099-01-31")

    fresh_emulator.clear_request_log()
    predicted = run_module(balena_api_key.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and "key" not in predicted
    assert predicted["api_key"]["id"] is None and predicted["api_key"]["fleet"] == fleet
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    created = run_module(balena_api_key.main, args, diff=True)
    assert created["changed"], created
    assert _works(fresh_emulator, created["key"])
    key = created["api_key"]
    assert key["name"] == "line-3" and key["description"] == "units of line 3"
    assert key["expiry_date"] == "2099-01-31T00:00:00.000Z" and key["fleet"] == fleet and isinstance(key["fleet_id"], int)
    assert created["key"] not in json.dumps(created["diff"])

    again = run_module(balena_api_key.main, args, diff=True)
    assert not again["changed"] and "key" not in again and "diff" not in again
    assert created["key"] not in json.dumps(again)

    changed = run_module(balena_api_key.main, dict(args, description="line 3, night shift"), diff=True)
    assert changed["changed"] and "key" not in changed
    assert changed["diff"] == {"before": {"description": "units of line 3"}, "after": {"description": "line 3, night shift"}}
    assert changed["api_key"]["id"] == key["id"] and changed["api_key"]["description"] == "line 3, night shift"

    removed = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="line-3", state="absent"))
    assert removed["changed"] and not _works(fresh_emulator, created["key"])
    assert not run_module(balena_api_key.main, dict(auth, fleet=fleet, name="line-3", state="absent"))["changed"]


def test_rotate_creates_the_new_key_then_revokes_the_old(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    first = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="rotating", description="kept"))

    checked = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="rotating", rotate=True), check_mode=True)
    assert checked["changed"] and "key" not in checked and _works(fresh_emulator, first["key"])

    rotated = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="rotating", rotate=True), diff=True)
    assert rotated["changed"] and rotated["revoked_id"] == first["api_key"]["id"]
    assert rotated["api_key"]["id"] != first["api_key"]["id"] and rotated["api_key"]["description"] == "kept"
    assert _works(fresh_emulator, rotated["key"]) and not _works(fresh_emulator, first["key"])
    assert rotated["key"] not in json.dumps(rotated["diff"])
    listed = run_module(balena_api_key_info.main, dict(auth, fleet=fleet))
    assert [key["id"] for key in listed["api_keys"] if key["name"] == "rotating"] == [rotated["api_key"]["id"]]


def test_two_keys_with_one_name_fail_naming_them(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["fleet"]
    for _attempt in range(2):
        answer = requests.post(fresh_emulator.url + "/api-key/v1/", timeout=30,
                               headers={"Authorization": "Bearer " + auth["api_key"]},
                               json={"actorType": "application", "actorTypeId": _fleet_id(fresh_emulator, fleet),
                                     "roles": ["provisioning-api-key"], "name": "twin"})
        answer.raise_for_status()
    result = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="twin", description="x"))
    assert result["failed"] and result["failure"]["parameter"] == "name"
    assert "2 keys named 'twin'" in result["msg"] and result["msg"].count("id ") == 2


def test_observer_may_not_create_a_provisioning_key(fresh_emulator):
    auth, fleet = _auth(fresh_emulator), fresh_emulator.credentials["read_only_fleets"][0]
    fresh_emulator.clear_request_log()
    for check_mode in (True, False):
        refused = run_module(balena_api_key.main, dict(auth, fleet=fleet, name="nope"), check_mode=check_mode)
        assert refused["failed"] and refused["failure"]["parameter"] == "fleet"
        assert "developer or operator role" in refused["msg"] and "an observer" in refused["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]


def test_unknown_fleet_and_device_are_named(fresh_emulator):
    auth = _auth(fresh_emulator)
    missing = run_module(balena_api_key.main, dict(auth, fleet="alice/private-fleet", name="x"))
    assert missing["failed"] and "'alice/private-fleet'" in missing["msg"] and missing["failure"]["parameter"] == "fleet"
    device = run_module(balena_api_key.main, dict(auth, device="0" * 32, name="x"))
    assert device["failed"] and device["failure"]["parameter"] == "device"
    long_name = run_module(balena_api_key.main, dict(auth, name="n" * 51))
    assert long_name["failed"] and long_name["failure"]["parameter"] == "name"
    fresh_emulator.clear_request_log()
    padded = run_module(balena_api_key.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], name=" factory "), check_mode=True)
    assert padded["failed"] and padded["failure"]["parameter"] == "name" and "begins or ends with whitespace" in padded["msg"]
    assert api_requests(fresh_emulator) == []
    past = run_module(balena_api_key.main, dict(auth, fleet=fresh_emulator.credentials["fleet"], name="x", expiry_date="2001-01-01"))
    assert past["failed"] and past["failure"]["parameter"] == "expiry_date"


def test_device_key_and_user_key_with_a_session(fresh_emulator):
    auth = _auth(fresh_emulator)
    uuid = fresh_emulator.credentials["device"]["uuid"]
    device_key = run_module(balena_api_key.main, dict(auth, device=uuid, name="diagnostics"))
    assert device_key["changed"] and device_key["api_key"]["device"] == uuid and _works(fresh_emulator, device_key["key"])

    fresh_emulator.clear_request_log()
    refused = run_module(balena_api_key.main, dict(auth, name="ci"))
    assert refused["failed"] and refused["failure"]["parameter"] == "api_key" and "login session token" in refused["msg"]
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    session = _auth(fresh_emulator, _session_token(fresh_emulator))
    created = run_module(balena_api_key.main, dict(session, name="ci", description="pipeline"))
    assert created["changed"] and created["api_key"]["user"] == "demo" and _works(fresh_emulator, created["key"])
    # Changing and revoking a user's own key works with an API key.
    changed = run_module(balena_api_key.main, dict(auth, name="ci", description="pipeline 2"))
    assert changed["changed"] and changed["api_key"]["description"] == "pipeline 2"
    listed = run_module(balena_api_key_info.main, auth)
    assert "ci" in [key["name"] for key in listed["api_keys"]]
    assert created["key"] not in json.dumps(listed) and fresh_emulator.credentials["api_key"] not in json.dumps(listed)
    assert run_module(balena_api_key.main, dict(auth, name="ci", state="absent"))["changed"]


def test_key_info_of_a_fleet_and_a_device_never_shows_values(fresh_emulator):
    auth, credentials = _auth(fresh_emulator), fresh_emulator.credentials
    fleet = run_module(balena_api_key_info.main, dict(auth, fleet=credentials["provisioning_key"]["fleet"]))
    assert not fleet["changed"] and "demo provisioning key" in [key["name"] for key in fleet["api_keys"]]
    assert credentials["provisioning_key"]["key"] not in json.dumps(fleet)
    device = run_module(balena_api_key_info.main, dict(auth, device=credentials["device"]["uuid"]))
    assert [key["name"] for key in device["api_keys"]] == ["demo device key"]
    assert credentials["device"]["api_key"] not in json.dumps(device)
    assert device["api_keys"][0]["device"] == credentials["device"]["uuid"]


def _fleet_id(emulator, slug):
    answer = requests.get(emulator.url + "/v7/application", timeout=30, params={"$select": "id", "$filter": "slug eq '%s'" % slug},
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]})
    answer.raise_for_status()
    return answer.json()["d"][0]["id"]
