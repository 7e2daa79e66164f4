"""The builder's `POST /v3/buildFromUrl?headless=true&owner=<org>&app=<fleet>`: there is no image
builder here, so a "build" immediately yields a successful release with one `main` service and its
image, which the fleet then tracks like any new release."""
from __future__ import annotations

import hashlib
import secrets

from ..web.response import json_response
from .guards import body_object, can_write_app, require_user

SERVICE_NAME = "main"
REGISTRY_HOST = "registry.emulator.test"


def build_from_url(world, request):
    caller = require_user(request)
    query = request.query()
    owner, app_name = query.get("owner") or "", query.get("app") or ""
    url = body_object(request).get("url")
    if not isinstance(url, str) or not url:
        return json_response({"started": False, "message": "A url is required"}, status=400)
    with world.store.transaction() as tx:
        apps = tx.find("application", slug=f"{owner}/{app_name}".lower())
        if not apps or not can_write_app(caller, apps[0]["id"]):
            return json_response({"started": False, "message": f"Application {owner}/{app_name} not found"},
                                 status=404)
        release_id = _create_release(tx, apps[0], url, caller)
    return json_response({"started": True, "releaseId": release_id})


def _create_release(tx, app: dict, url: str, caller) -> int:
    now = tx.now()
    commit = secrets.token_hex(16)
    services = tx.find("service", application=app["id"], service_name=SERVICE_NAME)
    service_id = services[0]["id"] if services else tx.insert(
        "service", {"application": app["id"], "service_name": SERVICE_NAME})
    release = {
        "belongs_to__application": app["id"], "commit": commit, "status": "success", "source": "cloud",
        "composition": {"services": {SERVICE_NAME: {"build": {"context": "."}}}},
        "start_timestamp": now, "end_timestamp": now, "build_log": f"Built from {url}\n",
    }
    if caller.user_id is not None:
        release["is_created_by__user"] = caller.user_id
    release_id = tx.insert("release", release)
    image_id = tx.insert("image", {
        "is_a_build_of__service": service_id, "status": "success", "start_timestamp": now, "end_timestamp": now,
        "push_timestamp": now, "project_type": "Dockerfile",
        "is_stored_at__image_location": f"{REGISTRY_HOST}/v2/{hashlib.md5(commit.encode()).hexdigest()}",
        "content_hash": "sha256:" + hashlib.sha256(commit.encode()).hexdigest(),
        "build_log": f"Step 1/1 : FROM {url}\n",
    })
    tx.insert("release_image", {"image": image_id, "is_part_of__release": release_id})
    return release_id


def register(router) -> None:
    router.add("POST", "/v3/buildFromUrl", build_from_url)
