# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""models.release (and its tags), models.service (and its variables), models.image."""

from __future__ import annotations

from parity_scenario import Setup, Step

MISSING_COMMIT = "0" * 32


def _rel(sdk):
    return sdk.models.release


def _fleet(w):
    return w.credentials["fleet"]


def _latest(w):
    return w.kept["latest_release"]


def _by_version(w, version):
    return next(release for release in w.kept["fleet_releases"] if release["raw_version"] == version)


def _service(w, name):
    return next(service["id"] for service in w.kept["fleet_services"] if service["service_name"] == name)


def _image(w):
    return w.kept["latest_release_images"]["images"][0]["id"]


def _label_built_commit(w):
    if not isinstance(w.kept.get("built_release"), int):
        return  # the step failed: its outcome already tells
    release = w.raw("GET", "/v7/release(%d)?$select=commit" % w.kept["built_release"])["d"][0]
    w.replacements[release["commit"]] = "<commit of the built release>"


READS = [
    Step("models.release.get_all_by_application", lambda sdk, w: _rel(sdk).get_all_by_application(_fleet(w)),
         keep="fleet_releases"),
    Step("models.release.get_all_by_application", lambda sdk, w: _rel(sdk).get_all_by_application(
        w.credentials["fleets"][1], {"$select": ["raw_version"], "$filter": {"status": "success"}}), "with options"),
    Step("models.release.get_latest_by_application", lambda sdk, w: _rel(sdk).get_latest_by_application(_fleet(w)),
         keep="latest_release"),
    Step("models.release.get_latest_by_application", lambda sdk, w: _rel(sdk).get_latest_by_application(
        w.credentials["fleets"][2], {"$select": "commit"}), "another fleet"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(_latest(w)["commit"]), "by commit"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(_latest(w)["id"], {"$select": ["raw_version"]}), "by id"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(
        {"application": _fleet(w), "raw_version": "1.1.0"}, {"$select": "commit"}), "by fleet and version"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(MISSING_COMMIT), "missing"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(_latest(w)["commit"][:7]), "short commit"),
    Step("models.release.get_with_image_details",
         lambda sdk, w: _rel(sdk).get_with_image_details(_latest(w)["commit"]), keep="latest_release_images"),
    Step("models.release.get_with_image_details", lambda sdk, w: _rel(sdk).get_with_image_details(
        _latest(w)["id"], {"$select": ["id", "status"]}, {"$select": ["raw_version"]}), "with options"),
    Step("models.service.get_all_by_application", lambda sdk, w: sdk.models.service.get_all_by_application(
        _fleet(w)), keep="fleet_services"),
    Step("models.service.get_all_by_application", lambda sdk, w: sdk.models.service.get_all_by_application(
        w.credentials["fleets"][3], {"$select": ["service_name"]}), "with options"),
    Step("models.image.get", lambda sdk, w: sdk.models.image.get(_image(w))),
    Step("models.image.get", lambda sdk, w: sdk.models.image.get(_image(w), {"$select": ["status"]}), "selected"),
    Step("models.image.get", lambda sdk, w: sdk.models.image.get(987654), "missing"),
    Step("models.image.get_logs", lambda sdk, w: sdk.models.image.get_logs(_image(w))),
    Step("models.image.get_logs", lambda sdk, w: sdk.models.image.get_logs(987654), "missing"),
]

WRITES = [
    Step("models.release.finalize", lambda sdk, w: _rel(sdk).finalize(_latest(w)["commit"])),
    Step("models.release.set_is_invalidated", lambda sdk, w: _rel(sdk).set_is_invalidated(_latest(w)["id"], True)),
    Step("models.release.set_note", lambda sdk, w: _rel(sdk).set_note(_latest(w)["commit"], "parity note")),
    Step("models.release.set_known_issue_list",
         lambda sdk, w: _rel(sdk).set_known_issue_list(_latest(w)["commit"], "parity known issue")),
    Step("models.release.set_release_version",
         lambda sdk, w: _rel(sdk).set_release_version(_latest(w)["id"], "1.2.1")),
    Step("models.release.set_release_version",
         lambda sdk, w: _rel(sdk).set_release_version(_latest(w)["id"], "not semver"), "invalid"),
    Step("models.release.get", lambda sdk, w: _rel(sdk).get(_latest(w)["id"], {"$select": [
        "is_invalidated", "note", "known_issue_list", "semver", "raw_version", "is_final"]}), "after the setters"),
    Step("models.release.set_is_invalidated",
         lambda sdk, w: _rel(sdk).set_is_invalidated(_latest(w)["commit"], False), "back"),
    Step("models.release.set_note", lambda sdk, w: _rel(sdk).set_note(MISSING_COMMIT, "x"), "missing release"),
    Step("models.release.create_from_url", lambda sdk, w: _rel(sdk).create_from_url(
        _fleet(w), "https://example.com/parity/source.tar.gz"), keep="built_release",
        shape=lambda release_id: isinstance(release_id, int)),
    Setup("label the commit the builder drew", _label_built_commit),
    Step("models.release.tags.get_all", lambda sdk, w: _rel(sdk).tags.get_all()),
    Step("models.release.tags.get_all_by_application",
         lambda sdk, w: _rel(sdk).tags.get_all_by_application(_fleet(w))),
    Step("models.release.tags.get_all_by_release",
         lambda sdk, w: _rel(sdk).tags.get_all_by_release(_latest(w)["commit"])),
    Step("models.release.tags.set", lambda sdk, w: _rel(sdk).tags.set(_latest(w)["commit"], "parity", "one")),
    Step("models.release.tags.set", lambda sdk, w: _rel(sdk).tags.set(_latest(w)["id"], "parity", "two"),
         "update, by id"),
    Step("models.release.tags.set", lambda sdk, w: _rel(sdk).tags.set(
        {"application": _fleet(w), "raw_version": "1.0.0"}, "parity", "old"), "by fleet and version"),
    Step("models.release.tags.get", lambda sdk, w: _rel(sdk).tags.get(_latest(w)["commit"], "parity")),
    Step("models.release.tags.get", lambda sdk, w: _rel(sdk).tags.get(_latest(w)["id"], "never-set"), "missing"),
    Step("models.release.tags.get_all_by_release", lambda sdk, w: _rel(sdk).tags.get_all_by_release(
        _latest(w)["id"], {"$select": ["tag_key", "value"]}), "after set"),
    Step("models.release.tags.get_all_by_application", lambda sdk, w: _rel(sdk).tags.get_all_by_application(
        w.kept["fleet"]["id"], {"$select": ["value"]}), "after set"),
    Step("models.release.tags.remove", lambda sdk, w: _rel(sdk).tags.remove(_latest(w)["commit"], "parity")),
    Step("models.release.tags.get", lambda sdk, w: _rel(sdk).tags.get(_latest(w)["commit"], "parity"),
         "after remove"),
    Step("models.service.var.get_all_by_application",
         lambda sdk, w: sdk.models.service.var.get_all_by_application(_fleet(w))),
    Step("models.service.var.get_all_by_service",
         lambda sdk, w: sdk.models.service.var.get_all_by_service(_service(w, "player"))),
    Step("models.service.var.get_all_by_service", lambda sdk, w: sdk.models.service.var.get_all_by_service(
        {"application": _fleet(w), "service_name": "player"}), "by natural key"),
    Step("models.service.var.get_all_by_service", lambda sdk, w: sdk.models.service.var.get_all_by_service(
        {"application": _fleet(w), "service_name": "no-such-service"}), "missing service"),
    Step("models.service.var.get",
         lambda sdk, w: sdk.models.service.var.get(_service(w, "player"), "PLAYLIST_URL")),
    Step("models.service.var.set", lambda sdk, w: sdk.models.service.var.set(_service(w, "player"), "PARITY", "1")),
    Step("models.service.var.set", lambda sdk, w: sdk.models.service.var.set(
        {"application": _fleet(w), "service_name": "player"}, "PARITY", "2"), "update, by natural key"),
    Step("models.service.var.get", lambda sdk, w: sdk.models.service.var.get(
        {"application": w.kept["fleet"]["id"], "service_name": "player"}, "PARITY"), "after set"),
    Step("models.service.var.remove",
         lambda sdk, w: sdk.models.service.var.remove(_service(w, "player"), "PARITY")),
    Step("models.service.var.get",
         lambda sdk, w: sdk.models.service.var.get(_service(w, "player"), "PARITY"), "after remove"),
]
