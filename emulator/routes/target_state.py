"""The target state a supervisor fetches: which apps, releases, services, environment and config a
device should run, in the v2 and v3 shapes of the state endpoints."""
from __future__ import annotations

import json
import re

from ..auth.access import declared

MIN_POLL_INTERVAL_MS = 600_000
POLL_INTERVAL = "RESIN_SUPERVISOR_POLL_INTERVAL"
# What balenaCloud adds to every device's config unless the fleet or the device sets it (users may
# not: these names are blacklisted for them).
SUPERVISOR_DEFAULTS = {"RESIN_SUPERVISOR_NATIVE_LOGGER": "true"}
_HIDDEN_CONFIG = re.compile(r"^(BALENA|RESIN)_UI")
_LABEL_FROM_CONFIG = {
    "RESIN_SUPERVISOR_UPDATE_STRATEGY": "io.resin.update.strategy",
    "RESIN_SUPERVISOR_HANDOVER_TIMEOUT": "io.resin.update.handover-timeout",
}


def _json(value, default):
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            return default
    return value if isinstance(value, type(default)) else default


def _pairs(tx, resource: str, parent_field: str, parent_id, key: str = "name") -> dict:
    if parent_id is None or not declared(resource, parent_field, key, "value"):
        return {}
    rows = tx.query(f'SELECT "{key}" AS k, value FROM "{resource}" WHERE "{parent_field}" = ? ORDER BY id',
                    (parent_id,))
    return {row["k"]: row["value"] for row in rows}


def config_vars(tx, app_id, device_id=None) -> dict:
    values = _pairs(tx, "application_config_variable", "application", app_id)
    values.update(_pairs(tx, "device_config_variable", "device", device_id))
    config = dict(SUPERVISOR_DEFAULTS)
    config.update((name, value) for name, value in values.items()
                  if not _HIDDEN_CONFIG.match(name) and name != "RESIN_HOST_LOG_TO_DISPLAY")
    try:
        poll = max(int(config.get(POLL_INTERVAL, MIN_POLL_INTERVAL_MS)), MIN_POLL_INTERVAL_MS)
    except (TypeError, ValueError):
        poll = MIN_POLL_INTERVAL_MS
    config[POLL_INTERVAL] = str(poll)
    return dict(sorted(config.items()))


def target_release_id(tx, device: dict, app: dict | None):
    if device.get("is_pinned_on__release"):
        return device["is_pinned_on__release"]
    return app.get("should_be_running__release") if app else None


def _release_services(tx, release_id: int) -> list:
    """(service row, image row, release_image id) for every image of the release, by service name."""
    found = []
    for link in tx.find("release_image", is_part_of__release=release_id):
        image = tx.get("image", link["image"])
        service = tx.get("service", image["is_a_build_of__service"]) if image else None
        if service is not None:
            found.append((service, image, link["id"]))
    return sorted(found, key=lambda item: item[0]["service_name"])


def image_reference(image: dict) -> str:
    location = (image.get("is_stored_at__image_location") or "").lower()
    return f"{location}@{image['content_hash']}" if image.get("content_hash") else location


def _service_install_id(tx, device_id, service_id):
    if device_id is None:
        return None
    rows = tx.find("service_install", device=device_id, installs__service=service_id)
    return rows[0]["id"] if rows else None


def _environment(tx, app_id, device_id, service, release_image_id) -> dict:
    environment = _pairs(tx, "image_environment_variable", "release_image", release_image_id)
    environment.update(_pairs(tx, "application_environment_variable", "application", app_id))
    environment.update(_pairs(tx, "service_environment_variable", "service", service["id"]))
    environment.update(_pairs(tx, "device_environment_variable", "device", device_id))
    install = _service_install_id(tx, device_id, service["id"])
    environment.update(_pairs(tx, "device_service_environment_variable", "service_install", install))
    return environment


def _labels(tx, service, release_image_id, config: dict, *, user_app: bool, host_app: bool) -> dict:
    labels = _pairs(tx, "image_label", "release_image", release_image_id, key="label_name")
    labels.update(_pairs(tx, "service_label", "service", service["id"], key="label_name"))
    if user_app:
        for name, label in _LABEL_FROM_CONFIG.items():
            if name in config and label not in labels:
                labels[label] = config[name]
    if host_app:
        labels["io.balena.image.store"] = "root"
    return labels


def _composition(release: dict, service_name: str) -> dict:
    services = _json(release.get("composition"), {}).get("services")
    entry = dict(services.get(service_name) or {}) if isinstance(services, dict) else {}
    entry.pop("build", None)
    return entry


def _services(tx, release, app_id, device_id, config, *, user_app=True, host_app=False):
    for service, image, release_image_id in _release_services(tx, release["id"]):
        yield service, image, {
            "environment": _environment(tx, app_id, device_id, service, release_image_id),
            "labels": _labels(tx, service, release_image_id, config, user_app=user_app, host_app=host_app),
            "composition": _composition(release, service["service_name"]),
            "contract": _json(image.get("contract"), None),
        }


def v2_app(tx, app: dict, release: dict | None, device_id, config: dict) -> dict:
    if release is None:
        return {"name": app["app_name"], "services": {}, "networks": {}, "volumes": {}}
    services = {}
    for service, image, parts in _services(tx, release, app["id"], device_id, config):
        entry = dict(parts["composition"])
        entry.update({"imageId": image["id"], "serviceName": service["service_name"],
                      "image": image_reference(image), "running": True,
                      "environment": parts["environment"], "labels": parts["labels"]})
        if parts["contract"] is not None:
            entry["contract"] = parts["contract"]
        services[str(service["id"])] = entry
    composition = _json(release.get("composition"), {})
    return {"releaseId": release["id"], "commit": release["commit"], "name": app["app_name"],
            "services": services, "networks": composition.get("networks") or {},
            "volumes": composition.get("volumes") or {}}


def device_state_v2(tx, device: dict) -> dict:
    app = tx.get("application", device["belongs_to__application"]) if device.get("belongs_to__application") else None
    config = config_vars(tx, app["id"] if app else None, device["id"])
    apps = {}
    if app is not None:
        release_id = target_release_id(tx, device, app)
        release = tx.get("release", release_id) if release_id else None
        apps[str(app["id"])] = v2_app(tx, app, release, device["id"], config)
    return {"local": {"name": device.get("device_name"), "config": config, "apps": apps},
            "dependent": {"apps": {}, "devices": {}}}


def v3_app(tx, app: dict, release: dict | None, device_id, config: dict, *, host_app=False) -> dict:
    entry = {"id": app["id"], "name": app["app_name"], "is_host": bool(app.get("is_host")),
             "class": app.get("is_of__class") or "fleet"}
    if release is None:
        return entry
    services = {}
    for service, image, parts in _services(tx, release, app["id"], device_id, config,
                                           user_app=not host_app and not app.get("is_host"), host_app=host_app):
        item = {"id": service["id"], "image_id": image["id"], "image": image_reference(image),
                "environment": parts["environment"], "labels": parts["labels"]}
        if parts["contract"] is not None:
            item["contract"] = parts["contract"]
        item["composition"] = parts["composition"]
        services[service["service_name"]] = item
    release_entry = {"id": release["id"]}
    if services:
        release_entry["services"] = services
    composition = _json(release.get("composition"), {})
    for key in ("networks", "volumes"):
        if composition.get(key):
            release_entry[key] = composition[key]
    entry["releases"] = {release["commit"]: release_entry}
    return entry


def _release_and_app(tx, release_id):
    release = tx.get("release", release_id) if release_id else None
    app = tx.get("application", release["belongs_to__application"]) if release else None
    return release, app


def device_state_v3(tx, device: dict) -> dict:
    app = tx.get("application", device["belongs_to__application"]) if device.get("belongs_to__application") else None
    config = config_vars(tx, app["id"] if app else None, device["id"])
    apps = {}
    for field, host in (("should_be_managed_by__release", False), ("should_be_operated_by__release", True)):
        release, owner = _release_and_app(tx, device.get(field))
        if owner is not None:
            apps[owner["uuid"]] = v3_app(tx, owner, release, device["id"], config, host_app=host)
    if app is not None:
        release_id = target_release_id(tx, device, app)
        release = tx.get("release", release_id) if release_id else None
        apps[app["uuid"]] = v3_app(tx, app, release, device["id"], config)
    return {device["uuid"]: {"name": device.get("device_name"), "apps": apps, "config": config}}


def fleet_state_v3(tx, app: dict, release: dict | None) -> dict:
    config = config_vars(tx, app["id"])
    return {app["uuid"]: {"name": app["app_name"], "apps": {app["uuid"]: v3_app(tx, app, release, None, config)},
                          "config": config}}
