# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""models.application and its sub-models (tags, variables, memberships, invites)."""

from __future__ import annotations

from parity_scenario import Step

FAR_FUTURE_MS = 4102444800000  # 2100-01-01
NEW_FLEET = "parity-fleet"
BLOCK_FLEET = "parity-block"


def _app(sdk):
    return sdk.models.application


def _fleet(w):
    return w.credentials["fleet"]


def _fleet_id(w):
    return w.kept["fleet"]["id"]


def _second_fleet(w):
    return w.credentials["fleets"][1]


def _shared_fleet(w):
    return w.credentials["writable_fleets"][-1]


def _fleet_id_of(w, slug):
    return next(fleet["id"] for fleet in w.kept["fleets"] if fleet["slug"] == slug)


def _release_commit(w, version):
    return next(release["commit"] for release in w.kept["fleet_releases"] if release["raw_version"] == version)


READS = [
    Step("models.application.get_all", lambda sdk, w: _app(sdk).get_all(), keep="fleets"),
    Step("models.application.get_all", lambda sdk, w: _app(sdk).get_all({"$select": ["id", "slug"]}), "selected"),
    Step("models.application.get_all", lambda sdk, w: _app(sdk).get_all(
        {"$filter": {"is_host": True}, "$select": "slug"}, context=None), "without the access filter"),
    Step("models.application.get_all_directly_accessible", lambda sdk, w: _app(sdk).get_all_directly_accessible()),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(_fleet(w)), "by slug", keep="fleet"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(_fleet_id(w)), "by id"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(w.kept["fleet"]["uuid"], {"$select": "slug"}),
         "by uuid"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(_fleet(w).upper(), {"$select": "id"}),
         "slug in capitals"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get("demo/no-such-fleet"), "missing"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(
        w.credentials["second_user"]["fleet"], context="directly_accessible"), "another user's fleet"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(
        _fleet(w), {"$select": ["id", "app_name"], "$expand": {"organization": {"$select": "handle"}}}),
        "with options"),
    Step("models.application.get_directly_accessible", lambda sdk, w: _app(sdk).get_directly_accessible(_fleet(w))),
    Step("models.application.get_with_device_service_details",
         lambda sdk, w: _app(sdk).get_with_device_service_details(_fleet(w))),
    Step("models.application.get_by_name", lambda sdk, w: _app(sdk).get_by_name("digital-signage")),
    Step("models.application.get_by_name", lambda sdk, w: _app(sdk).get_by_name("no-such-fleet"), "missing"),
    Step("models.application.get_all_by_organization",
         lambda sdk, w: _app(sdk).get_all_by_organization(w.credentials["organization"])),
    Step("models.application.get_all_by_organization", lambda sdk, w: _app(sdk).get_all_by_organization(
        w.credentials["shared_organization"], {"$select": ["slug"]}), "shared organization"),
    Step("models.application.get_all_by_organization",
         lambda sdk, w: _app(sdk).get_all_by_organization("no-such-org"), "missing organization"),
    Step("models.application.has", lambda sdk, w: _app(sdk).has(_fleet(w))),
    Step("models.application.has", lambda sdk, w: _app(sdk).has(_fleet_id(w)), "by id"),
    Step("models.application.has", lambda sdk, w: _app(sdk).has("demo/no-such-fleet"), "missing"),
    Step("models.application.has_any", lambda sdk, w: _app(sdk).has_any()),
    Step("models.application.get_id", lambda sdk, w: _app(sdk).get_id(_fleet(w))),
    Step("models.application.get_id", lambda sdk, w: _app(sdk).get_id(1234), "an id"),
    Step("models.application.get_dashboard_url", lambda sdk, w: _app(sdk).get_dashboard_url(_fleet_id(w))),
    Step("models.application.will_track_new_releases", lambda sdk, w: _app(sdk).will_track_new_releases(_fleet(w))),
    Step("models.application.is_tracking_latest_release",
         lambda sdk, w: _app(sdk).is_tracking_latest_release(_fleet(w))),
    Step("models.application.get_target_release_hash", lambda sdk, w: _app(sdk).get_target_release_hash(_fleet(w))),
]

WRITES = [
    Step("models.application.create", lambda sdk, w: _app(sdk).create(
        NEW_FLEET, "raspberrypi4-64", w.credentials["organization"]), keep="new_fleet"),
    Step("models.application.create", lambda sdk, w: _app(sdk).create(
        BLOCK_FLEET, "raspberry-pi2", w.credentials["organization"], "block"), "block, device type alias",
        keep="block_fleet"),
    Step("models.application.create", lambda sdk, w: _app(sdk).create(
        NEW_FLEET, "raspberrypi4-64", w.credentials["organization"]), "same name again"),
    Step("models.application.create", lambda sdk, w: _app(sdk).create(
        "parity-nowhere", "no-such-device-type", w.credentials["organization"]), "unknown device type"),
    Step("models.application.create", lambda sdk, w: _app(sdk).create(
        "parity-nowhere", "raspberrypi3", "no-such-org"), "unknown organization"),
    Step("models.application.rename", lambda sdk, w: _app(sdk).rename(w.kept["new_fleet"]["id"], "parity-renamed")),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(w.kept["new_fleet"]["id"], {"$select": ["app_name",
         "slug"]}), "after rename"),
    Step("models.application.pin_to_release", lambda sdk, w: _app(sdk).pin_to_release(
        _fleet(w), _release_commit(w, "1.1.0"))),
    Step("models.application.is_tracking_latest_release",
         lambda sdk, w: _app(sdk).is_tracking_latest_release(_fleet(w)), "pinned"),
    Step("models.application.will_track_new_releases",
         lambda sdk, w: _app(sdk).will_track_new_releases(_fleet(w)), "pinned"),
    Step("models.application.get_target_release_hash",
         lambda sdk, w: _app(sdk).get_target_release_hash(_fleet(w)), "pinned"),
    Step("models.application.pin_to_release", lambda sdk, w: _app(sdk).pin_to_release(
        _fleet(w), _release_commit(w, "1.3.0")), "a failed release"),
    Step("models.application.track_latest_release", lambda sdk, w: _app(sdk).track_latest_release(_fleet(w))),
    Step("models.application.is_tracking_latest_release",
         lambda sdk, w: _app(sdk).is_tracking_latest_release(_fleet(w)), "tracking again"),
    Step("models.application.enable_device_urls", lambda sdk, w: _app(sdk).enable_device_urls(_second_fleet(w))),
    Step("models.device.get_all_by_application", lambda sdk, w: sdk.models.device.get_all_by_application(
        _second_fleet(w), {"$select": ["device_name", "is_web_accessible"]}), "after enable_device_urls"),
    Step("models.application.disable_device_urls", lambda sdk, w: _app(sdk).disable_device_urls(_second_fleet(w))),
    Step("models.application.grant_support_access",
         lambda sdk, w: _app(sdk).grant_support_access(_second_fleet(w), FAR_FUTURE_MS)),
    Step("models.application.grant_support_access",
         lambda sdk, w: _app(sdk).grant_support_access(_second_fleet(w), 1000), "in the past"),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(
        _second_fleet(w), {"$select": "is_accessible_by_support_until__date"}), "support access granted",
        shape=lambda app: app["is_accessible_by_support_until__date"] is not None),
    Step("models.application.revoke_support_access", lambda sdk, w: _app(sdk).revoke_support_access(_second_fleet(w))),
    Step("models.application.get", lambda sdk, w: _app(sdk).get(
        _second_fleet(w), {"$select": "is_accessible_by_support_until__date"}), "support access revoked"),
    Step("models.application.generate_provisioning_key", lambda sdk, w: _app(sdk).generate_provisioning_key(
        _fleet(w), "parity provisioning key", "made by the parity scenario", "2099-12-31T00:00:00.000Z")),
    Step("models.application.generate_provisioning_key",
         lambda sdk, w: _app(sdk).generate_provisioning_key(w.kept["new_fleet"]["id"]), "no name"),
    Step("models.application.restart", lambda sdk, w: _app(sdk).restart(_fleet(w))),
    Step("models.application.purge", lambda sdk, w: _app(sdk).purge(_fleet_id(w))),
    Step("models.application.reboot", lambda sdk, w: _app(sdk).reboot(_fleet_id(w), {"force": True})),
    Step("models.application.reboot", lambda sdk, w: _app(sdk).reboot(w.kept["new_fleet"]["id"]),
         "a fleet without devices"),
]

SUB_MODELS = [
    Step("models.application.tags.get_all_by_application",
         lambda sdk, w: _app(sdk).tags.get_all_by_application(_fleet(w))),
    Step("models.application.tags.set", lambda sdk, w: _app(sdk).tags.set(_fleet(w), "parity", "one")),
    Step("models.application.tags.set", lambda sdk, w: _app(sdk).tags.set(_fleet_id(w), "parity", "two"), "update"),
    Step("models.application.tags.get_all_by_application", lambda sdk, w: _app(sdk).tags.get_all_by_application(
        _fleet(w), {"$select": ["tag_key", "value"]}), "after set"),
    Step("models.application.tags.remove", lambda sdk, w: _app(sdk).tags.remove(_fleet(w), "parity")),
    Step("models.application.tags.remove", lambda sdk, w: _app(sdk).tags.remove(_fleet(w), "never-set"), "missing"),
    Step("models.application.tags.get_all_by_application", lambda sdk, w: _app(sdk).tags.get_all_by_application(
        "demo/no-such-fleet"), "missing fleet"),
]

for _kind, _name in (("config_var", "BALENA_SUPERVISOR_POLL_INTERVAL"), ("env_var", "LOG_LEVEL"),
                     ("build_var", "PARITY_BUILD")):
    SUB_MODELS += [
        Step("models.application.%s.get_all_by_application" % _kind,
             lambda sdk, w, k=_kind: getattr(_app(sdk), k).get_all_by_application(_fleet(w))),
        Step("models.application.%s.get" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).get(_fleet(w), n)),
        Step("models.application.%s.set" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).set(_fleet(w), n, "parity-1")),
        Step("models.application.%s.set" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).set(_fleet_id(w), n, "parity-2"), "update"),
        Step("models.application.%s.get" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).get(_fleet_id(w), n), "after set"),
        Step("models.application.%s.get_all_by_application" % _kind,
             lambda sdk, w, k=_kind: getattr(_app(sdk), k).get_all_by_application(
                 _fleet_id(w), {"$select": ["name", "value"], "$orderby": "name desc"}), "with options"),
        Step("models.application.%s.remove" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).remove(_fleet(w), n)),
        Step("models.application.%s.get" % _kind,
             lambda sdk, w, k=_kind, n=_name: getattr(_app(sdk), k).get(_fleet(w), n), "after remove"),
    ]

MEMBERS = [
    Step("models.application.membership.get_all", lambda sdk, w: _app(sdk).membership.get_all(), unordered=True),
    Step("models.application.membership.get_all_by_application",
         lambda sdk, w: _app(sdk).membership.get_all_by_application(_shared_fleet(w)), unordered=True),
    Step("models.application.membership.create", lambda sdk, w: _app(sdk).membership.create(
        _fleet(w), w.credentials["second_user"]["username"], "observer"), keep="app_membership"),
    Step("models.application.membership.create", lambda sdk, w: _app(sdk).membership.create(
        _fleet(w), w.credentials["second_user"]["username"], "no-such-role"), "unknown role"),
    Step("models.application.membership.get",
         lambda sdk, w: _app(sdk).membership.get(w.kept["app_membership"]["id"])),
    Step("models.application.membership.get", lambda sdk, w: _app(sdk).membership.get(
        {"user": w.credentials["second_user"]["user_id"], "is_member_of__application": _fleet_id(w)}),
        "by natural key"),
    Step("models.application.membership.get", lambda sdk, w: _app(sdk).membership.get(987654), "missing"),
    Step("models.application.membership.get", lambda sdk, w: _app(sdk).membership.get("nine"), "not an id"),
    Step("models.application.membership.change_role",
         lambda sdk, w: _app(sdk).membership.change_role(w.kept["app_membership"]["id"], "developer")),
    Step("models.application.membership.get", lambda sdk, w: _app(sdk).membership.get(
        w.kept["app_membership"]["id"], {"$select": "application_membership_role"}), "after change_role"),
    Step("models.application.membership.change_role",
         lambda sdk, w: _app(sdk).membership.change_role(w.kept["app_membership"]["id"], "no-such-role"),
         "unknown role"),
    Step("models.application.membership.remove",
         lambda sdk, w: _app(sdk).membership.remove(w.kept["app_membership"]["id"])),
    Step("models.application.membership.get_all_by_application",
         lambda sdk, w: _app(sdk).membership.get_all_by_application(_fleet(w)), "after remove"),
    Step("models.application.invite.get_all", lambda sdk, w: _app(sdk).invite.get_all()),
    Step("models.application.invite.create", lambda sdk, w: _app(sdk).invite.create(
        _fleet(w), {"invitee": "parity-invitee@example.com", "roleName": "developer", "message": "welcome"}),
        keep="app_invite"),
    Step("models.application.invite.create", lambda sdk, w: _app(sdk).invite.create(
        _fleet(w), {"invitee": "parity-observer@example.com", "roleName": "observer"}), "observer"),
    Step("models.application.invite.create",
         lambda sdk, w: _app(sdk).invite.create(_fleet(w), {"message": "nobody"}), "no invitee"),
    Step("models.application.invite.get_all_by_application",
         lambda sdk, w: _app(sdk).invite.get_all_by_application(_fleet(w)), unordered=True),
    Step("models.application.invite.revoke", lambda sdk, w: _app(sdk).invite.revoke(w.kept["app_invite"]["id"])),
    Step("models.application.invite.get_all", lambda sdk, w: _app(sdk).invite.get_all({"$select": ["message"]}),
         "after revoke", unordered=True),
    Step("models.application.invite.accept", lambda sdk, w: _app(sdk).invite.accept("no-such-invitation-token")),
]

CLEANUP = [
    Step("models.application.remove", lambda sdk, w: _app(sdk).remove(w.kept["new_fleet"]["id"])),
    Step("models.application.remove", lambda sdk, w: _app(sdk).remove([w.kept["block_fleet"]["id"]]), "a list"),
    Step("models.application.remove", lambda sdk, w: _app(sdk).remove("demo/no-such-fleet"), "missing"),
    Step("models.application.has", lambda sdk, w: _app(sdk).has(w.kept["new_fleet"]["id"]), "after remove"),
    Step("models.application.shutdown", lambda sdk, w: _app(sdk).shutdown(
        _fleet_id_of(w, w.credentials["fleets"][2]), {"force": True})),
    Step("models.device.is_online", lambda sdk, w: sdk.models.device.is_online(
        next(d["id"] for d in w.kept["devices"] if d["device_name"] == "bench-nuc")), "after the fleet's shutdown"),
]
