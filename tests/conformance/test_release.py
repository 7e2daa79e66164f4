"""models.release, models.service, models.image."""
from __future__ import annotations

import pytest
from balena import exceptions


@pytest.fixture(scope="module")
def app(factory):
    return factory.fleet()


@pytest.fixture(scope="module")
def releases(factory, app):
    old = factory.release(app, services=("web", "db"))
    new = factory.release(app, services=("web", "db"), semver="1.1.1")
    running = factory.release(app, services=("web",), status="running")
    return {"old": old, "new": new, "running": running}


def test_get_by_id_commit_and_raw_version(balena, releases, app):
    new = releases["new"]["release"]
    by_id = balena.models.release.get(new["id"])
    assert by_id["commit"] == new["commit"]
    assert by_id["belongs_to__application"] == {"__id": app["id"]}
    assert balena.models.release.get(new["commit"])["id"] == new["id"]
    by_version = balena.models.release.get({"application": app["id"], "raw_version": by_id["raw_version"]})
    assert by_version["id"] == new["id"]
    for computed in ("raw_version", "version", "semver", "is_final"):
        assert computed in by_id
    assert isinstance(by_id["version"], dict) and by_id["version"]["raw"] == by_id["raw_version"]
    with pytest.raises(exceptions.ReleaseNotFound):
        balena.models.release.get(999999)
    with pytest.raises(exceptions.ReleaseNotFound):
        balena.models.release.get("f" * 32)


def test_get_all_and_latest(balena, releases, app):
    everything = balena.models.release.get_all_by_application(app["slug"])
    ids = [r["id"] for r in everything]
    assert ids == [releases["running"]["release"]["id"], releases["new"]["release"]["id"],
                   releases["old"]["release"]["id"]]
    latest = balena.models.release.get_latest_by_application(app["id"])
    assert latest["id"] == releases["new"]["release"]["id"]
    empty = balena.models.release.get_latest_by_application(balena.models.application.create(
        app["app_name"] + "e", "raspberrypi3", app["slug"].split("/")[0])["id"])
    assert empty is None


def test_get_with_image_details(balena, releases, credentials):
    new = releases["new"]["release"]
    details = balena.models.release.get_with_image_details(new["id"])
    assert [image["service_name"] for image in details["images"]] == ["db", "web"]
    assert "release_image" not in details
    assert details["user"]["username"] == credentials["username"]


def test_setters(balena, admin, factory, app):
    made = factory.release(app, status="success", is_final=False)
    release = made["release"]
    balena.models.release.finalize(release["commit"])
    balena.models.release.set_note(release["id"], "release note text")
    balena.models.release.set_known_issue_list(release["id"], "known issue 1")
    balena.models.release.set_release_version(release["id"], "1.2.3")
    balena.models.release.set_is_invalidated(release["commit"], True)
    stored = admin.one(f"release({release['id']})?$select=is_final,note,known_issue_list,semver,"
                       "is_invalidated,raw_version")
    assert stored["is_final"] is True
    assert stored["note"] == "release note text"
    assert stored["known_issue_list"] == "known issue 1"
    assert stored["semver"] == "1.2.3" and stored["raw_version"].startswith("1.2.3")
    assert stored["is_invalidated"] is True
    balena.models.release.set_is_invalidated(release["id"], False)
    assert admin.one(f"release({release['id']})?$select=is_invalidated")["is_invalidated"] is False
    with pytest.raises(exceptions.InvalidParameter):
        balena.models.release.set_release_version(release["id"], "not-semver")


def test_release_tags(balena, admin, releases, app):
    tags = balena.models.release.tags
    new = releases["new"]["release"]
    tags.set(new["commit"], "stage", "qa")
    tags.set(new["id"], "build", "42")
    tags.set(new["id"], "stage", "prod")
    assert tags.get(new["id"], "stage") == "prod"
    assert tags.get(new["commit"], "nope") is None
    by_release = tags.get_all_by_release(new["id"])
    assert [(t["tag_key"], t["value"]) for t in by_release] == [("build", "42"), ("stage", "prod")]
    by_app = tags.get_all_by_application(app["id"])
    assert {t["id"] for t in by_release} <= {t["id"] for t in by_app}
    assert {t["id"] for t in by_app} <= {t["id"] for t in tags.get_all()}
    tags.remove(new["id"], "build")
    assert admin.rows(f"release_tag?$select=tag_key&$filter=release eq {new['id']}") == [{"tag_key": "stage"}]


def test_create_from_url_starts_a_build(balena, admin, app):
    release_id = balena.models.release.create_from_url(app["id"], "https://example.com/project.tar.gz")
    assert isinstance(release_id, int)
    stored = admin.one(f"release({release_id})?$select=belongs_to__application")
    assert stored["belongs_to__application"] == {"__id": app["id"]}


def test_services_and_service_vars(balena, admin, releases, app):
    services = balena.models.service.get_all_by_application(app["id"])
    assert {"db", "web"} <= {s["service_name"] for s in services}
    assert all(s["application"] == {"__id": app["id"]} for s in services)
    web = releases["new"]["services"]["web"]
    var = balena.models.service.var
    var.set(web["id"], "SVC_VAR", "s1")
    var.set({"application": app["id"], "service_name": "db"}, "SVC_DB_VAR", "s2")
    var.set(web["id"], "SVC_VAR", "s3")
    assert var.get(web["id"], "SVC_VAR") == "s3"
    assert var.get({"application": app["slug"], "service_name": "db"}, "SVC_DB_VAR") == "s2"
    assert var.get(web["id"], "NOPE") is None
    assert [(v["name"], v["value"]) for v in var.get_all_by_service(web["id"])] == [("SVC_VAR", "s3")]
    by_app = var.get_all_by_application(app["id"])
    assert sorted(v["name"] for v in by_app) == ["SVC_DB_VAR", "SVC_VAR"]
    var.remove(web["id"], "SVC_VAR")
    assert admin.rows(f"service_environment_variable?$select=id&$filter=service eq {web['id']}") == []
    with pytest.raises(IndexError):  # the SDK indexes the empty lookup result, as against the real API
        var.get_all_by_service({"application": app["id"], "service_name": "nope"})


def test_images(balena, releases):
    image = releases["new"]["images"]["web"]
    got = balena.models.image.get(image["id"])
    assert got["id"] == image["id"] and got["content_hash"] == image["content_hash"]
    assert set(got) == {"id", "content_hash", "dockerfile", "project_type", "status", "error_message",
                        "image_size", "created_at", "push_timestamp", "start_timestamp", "end_timestamp"}
    only = balena.models.image.get(image["id"], {"$select": "status"})
    assert set(only) == {"status"}
    assert balena.models.image.get_logs(image["id"]) == "web build log"
    with pytest.raises(exceptions.ImageNotFound):
        balena.models.image.get(999999)
