# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``models.application`` against the emulator."""

from __future__ import annotations

import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions


def test_reading_fleets(shared_sdk, shared_demo):
    app = shared_sdk.models.application
    fleets = app.get_all()
    slugs = [fleet["slug"] for fleet in fleets]
    assert shared_demo.fleet in slugs
    assert [fleet["app_name"] for fleet in fleets] == sorted(fleet["app_name"] for fleet in fleets)
    assert app.get_all_directly_accessible() == fleets
    fleet = app.get(shared_demo.fleet.upper())
    assert fleet["slug"] == shared_demo.fleet
    assert app.get(fleet["uuid"])["id"] == fleet["id"]
    assert app.get(fleet["id"], {"$select": ["app_name"]})["app_name"] == fleet["app_name"]
    assert app.get_directly_accessible(shared_demo.fleet)["id"] == fleet["id"]
    assert app.get_by_name(fleet["app_name"])["id"] == fleet["id"]
    assert app.get_id(shared_demo.fleet) == fleet["id"]
    assert app.get_id(fleet["id"]) == fleet["id"]
    assert app.has(shared_demo.fleet) and not app.has("demo/no-such-fleet")
    assert app.has_any() is True
    assert app.get_dashboard_url(fleet["id"]).endswith("/apps/%d" % fleet["id"])
    by_org = app.get_all_by_organization(shared_demo.organization)
    assert shared_demo.fleet in [f["slug"] for f in by_org]
    assert all(f["organization"]["__id"] == by_org[0]["organization"]["__id"] for f in by_org)


def test_fleet_with_device_service_details(shared_sdk, shared_demo):
    fleet = shared_sdk.models.application.get_with_device_service_details(shared_demo.fleet)
    lobby = [device for device in fleet["owns__device"] if device["uuid"] == shared_demo.device_uuid][0]
    assert "image_install" not in lobby
    assert set(lobby["current_services"]) == {"player", "updater"}
    install = lobby["current_services"]["player"][0]
    assert {"image_id", "service_id", "commit", "status"} <= set(install)


def test_missing_and_ambiguous_fleets(shared_sdk):
    app = shared_sdk.models.application
    with pytest.raises(exceptions.ApplicationNotFound):
        app.get("demo/missing")
    with pytest.raises(exceptions.ApplicationNotFound):
        app.get(999999)
    with pytest.raises(exceptions.ApplicationNotFound):
        app.get_by_name("missing")
    with pytest.raises(exceptions.OrganizationNotFound):
        app.get_all_by_organization("no-such-org")


def test_fleet_lifecycle(sdk, demo):
    app = sdk.models.application
    created = app.create("new-fleet", "raspberry-pi2", demo.organization)
    assert demo.one("application(%d)?$select=app_name" % created["id"])["app_name"] == "new-fleet"
    fleet_type = demo.one("application(%d)?$expand=is_for__device_type($select=slug)" % created["id"])
    assert fleet_type["is_for__device_type"][0]["slug"] == "raspberry-pi2"
    block = app.create("new-block", "raspberrypi3", demo.organization, "block")
    assert demo.one("application(%d)?$select=is_of__class" % block["id"])["is_of__class"] == "block"
    app.rename(created["id"], "renamed-fleet")
    assert demo.one("application(%d)?$select=app_name" % created["id"])["app_name"] == "renamed-fleet"
    app.remove(demo.organization + "/renamed-fleet")
    assert demo.odata("application(%d)" % created["id"]) == []
    app.remove([block["id"]])
    assert demo.odata("application(%d)" % block["id"]) == []
    with pytest.raises(exceptions.ApplicationNotFound):
        app.remove(created["id"])
    with pytest.raises(exceptions.InvalidDeviceType):
        app.create("x", "no-such-type", demo.organization)


def test_fleet_release_tracking(sdk, demo):
    app = sdk.models.application
    releases = sdk.models.release.get_all_by_application(demo.fleet, {"$filter": {"status": "success"}})
    oldest = releases[-1]
    app.pin_to_release(demo.fleet, oldest["commit"])
    assert app.get_target_release_hash(demo.fleet) == oldest["commit"]
    assert app.will_track_new_releases(demo.fleet) is False
    assert app.is_tracking_latest_release(demo.fleet) is False
    app.track_latest_release(demo.fleet)
    assert app.will_track_new_releases(demo.fleet) is True
    assert app.is_tracking_latest_release(demo.fleet) is True
    assert app.get_target_release_hash(demo.fleet) == releases[0]["commit"]


def test_fleet_device_urls_and_support_access(sdk, demo):
    app = sdk.models.application
    fleet_id = app.get_id(demo.fleet)
    app.enable_device_urls(demo.fleet)
    assert {d["is_web_accessible"] for d in demo.odata("device?$filter=belongs_to__application eq %d" % fleet_id)} == {True}
    app.disable_device_urls(fleet_id)
    assert {d["is_web_accessible"] for d in demo.odata("device?$filter=belongs_to__application eq %d" % fleet_id)} == {False}
    expiry = int(time.time() * 1000) + 3600 * 1000
    app.grant_support_access(demo.fleet, expiry)
    assert demo.one("application(%d)" % fleet_id)["is_accessible_by_support_until__date"] is not None
    app.revoke_support_access(demo.fleet)
    assert demo.one("application(%d)" % fleet_id)["is_accessible_by_support_until__date"] is None
    with pytest.raises(exceptions.InvalidParameter):
        app.grant_support_access(demo.fleet, 1000)


def test_fleet_provisioning_keys(sdk, demo):
    app = sdk.models.application
    fleet_id = app.get_id(demo.fleet)
    key = app.generate_provisioning_key(demo.fleet, "ci-key", "for CI")
    assert isinstance(key, str) and key and '"' not in key
    names = [k["name"] for k in sdk.models.api_key.get_provisioning_api_keys_by_application(demo.fleet)]
    assert "ci-key" in names


def test_fleet_actions(sdk, demo):
    app = sdk.models.application
    fleet_id = app.get_id(demo.fleet)
    app.restart(demo.fleet)
    app.purge(fleet_id)
    app.reboot(fleet_id)
    app.shutdown(fleet_id, {"force": True})
    actions = [(entry["method"], entry["path"]) for entry in demo.requests_sent()]
    assert ("POST", "/application/%d/restart" % fleet_id) in actions
    for action in ("purge", "shutdown", "reboot"):
        assert ("POST", "/supervisor/v1/" + action) in actions


def test_restarting_a_fleet_without_online_devices_is_not_a_missing_fleet(sdk, demo):
    app = sdk.models.application
    created = app.create("empty-fleet", "raspberrypi4-64", demo.organization)
    with pytest.raises(exceptions.RequestError) as caught:
        app.restart(created["id"])
    assert caught.value.status_code == 404
    assert "No online device(s) found" in str(caught.value)
    with pytest.raises(exceptions.ApplicationNotFound):
        app.restart(demo.organization + "/no-such-fleet")


def test_restarting_a_fleet_id_that_does_not_exist_is_a_missing_fleet(sdk):
    with pytest.raises(exceptions.ApplicationNotFound) as caught:
        sdk.models.application.restart(999999)
    assert "999999" in str(caught.value)


def test_fleet_membership_and_invites(sdk, demo):
    membership = sdk.models.application.membership
    created = membership.create(demo.fleet, "alice", "observer")
    assert created["id"]
    found = membership.get(created["id"])
    assert found["is_member_of__application"]["__id"] == sdk.models.application.get_id(demo.fleet)
    assert created["id"] in [m["id"] for m in membership.get_all_by_application(demo.fleet)]
    assert created["id"] in [m["id"] for m in membership.get_all()]
    membership.change_role(created["id"], "developer")
    role = demo.one("user__is_member_of__application(%d)?$expand=application_membership_role($select=name)" % created["id"])
    assert role["application_membership_role"][0]["name"] == "developer"
    membership.remove(created["id"])
    with pytest.raises(exceptions.ApplicationMembershipNotFound):
        membership.get(created["id"])
    with pytest.raises(exceptions.BalenaApplicationMembershipRoleNotFound):
        membership.create(demo.fleet, "alice", "owner")

    invite = sdk.models.application.invite
    sent = invite.create(demo.fleet, {"invitee": "friend@example.com", "roleName": "operator", "message": "join us"})
    assert sent["id"] in [i["id"] for i in invite.get_all_by_application(demo.fleet)]
    assert sent["id"] in [i["id"] for i in invite.get_all()]
    invite.revoke(sent["id"])
    assert sent["id"] not in [i["id"] for i in invite.get_all()]
    with pytest.raises(exceptions.InvalidParameter):
        invite.create(demo.fleet, {"message": "no invitee"})


def test_accepting_an_unknown_fleet_invitation_fails(sdk):
    with pytest.raises(exceptions.BalenaException):
        sdk.models.application.invite.accept("no-such-token")
