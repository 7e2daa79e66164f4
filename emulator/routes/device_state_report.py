"""What a supervisor reports: `PATCH /device/v2/:uuid/state`, `PATCH /device/v3/state` (device
fields, running release, image installs) and `PATCH /device/v3/tags`."""
from __future__ import annotations

from ..errors import bad_request, unauthorized
from ..schema import registry
from ..web.response import empty_response
from .device_lookup import device_by_uuid, may_write
from .guards import body_object

REPORTED_FIELDS = (
    "status", "is_online", "os_version", "os_variant", "supervisor_version", "provisioning_progress",
    "provisioning_state", "ip_address", "mac_address", "api_port", "api_secret", "cpu_id", "is_undervolted",
    "memory_usage", "memory_total", "storage_block_device", "storage_usage", "storage_total", "cpu_temp",
    "cpu_usage", "download_progress",
)
V2_ONLY_FIELDS = ("note",)
MAX_INT = 2 ** 31 - 1
UPDATE_STATUS_ORDER = ("rejected", "aborted", "downloading", "downloaded", "applying changes", "done")
NO_TAGS = "No tags were sent to be updated."


def _clean(name: str, value):
    """The stored form of a reported value, or None to skip it (the API truncates, never refuses)."""
    field = registry.RESOURCES["device"].field(name)
    if field is None:
        return None
    if name == "cpu_id":
        return value.lower() if isinstance(value, str) and value.isprintable() else None
    if field.type == "integer" and isinstance(value, (int, float)) and not isinstance(value, bool):
        return min(int(value), MAX_INT)
    if field.type in ("string", "text") and isinstance(value, str):
        limit = field.max_length or (255 if field.type == "string" else None)
        return value[:limit] if limit else value
    return value


def _device_changes(tx, report: dict, names) -> dict:
    changes = {}
    for name in names:
        if name in report and report[name] is not None:
            value = _clean(name, report[name])
            if value is not None:
                changes[name] = value
    if "is_online" in changes:
        changes["last_connectivity_event"] = tx.now()
    return changes


def _lowest_update_status(statuses) -> str | None:
    known = [s for s in statuses if s in UPDATE_STATUS_ORDER]
    return min(known, key=UPDATE_STATUS_ORDER.index) if known else None


def _upsert_image_install(tx, device_id: int, image_id: int, release_id: int, report: dict) -> int:
    values = {"is_provided_by__release": release_id}
    allowed = registry.RESOURCES["image_install"].field("status").choices
    if report.get("status") is not None and (not allowed or report["status"] in allowed):
        values["status"] = report["status"]
    if "download_progress" in report:
        values["download_progress"] = report["download_progress"]
    existing = tx.find("image_install", device=device_id, installs__image=image_id)
    if existing:
        tx.update("image_install", existing[0]["id"], values)
        return existing[0]["id"]
    values.setdefault("status", "Running")
    return tx.insert("image_install", {"device": device_id, "installs__image": image_id,
                                       "install_date": tx.now(), **values})


def _retire_other_installs(tx, device_id: int, kept: set) -> None:
    for install in tx.find("image_install", device=device_id):
        if install["id"] not in kept and install.get("status") != "deleted":
            tx.update("image_install", install["id"], {"status": "deleted", "download_progress": None})


def _image_by_location(tx, reference: str) -> dict:
    location = reference.split("@", 1)[0]
    rows = tx.query('SELECT * FROM "image" WHERE lower(is_stored_at__image_location) = lower(?)', (location,))
    if not rows:
        raise bad_request(f"Invalid request: no image is stored at {location}")
    return rows[0]


def _apply_v3_apps(tx, device: dict, apps: dict, changes: dict) -> None:
    user_app = tx.get("application", device["belongs_to__application"]) if device.get("belongs_to__application") else None
    statuses, kept = [], set()
    for app_uuid, app_report in apps.items():
        if not isinstance(app_report, dict):
            continue
        owners = tx.find("application", uuid=app_uuid)
        owner = owners[0] if owners else None
        if owner is not None and user_app is not None and owner["id"] == user_app["id"] and app_report.get("release_uuid"):
            running = tx.find("release", belongs_to__application=owner["id"], commit=app_report["release_uuid"],
                              status="success")
            if running:
                changes["is_running__release"] = running[0]["id"]
        for commit, release_report in (app_report.get("releases") or {}).items():
            if not isinstance(release_report, dict):
                continue
            statuses.append(release_report.get("update_status"))
            found = tx.find("release", commit=commit, belongs_to__application=owner["id"]) if owner else []
            if not found:
                raise unauthorized()
            for service_report in (release_report.get("services") or {}).values():
                if isinstance(service_report, dict) and service_report.get("image"):
                    image = _image_by_location(tx, service_report["image"])
                    kept.add(_upsert_image_install(tx, device["id"], image["id"], found[0]["id"], service_report))
    _retire_other_installs(tx, device["id"], kept)
    update_status = _lowest_update_status(statuses)
    if update_status is not None:
        changes["update_status"] = update_status
        changes["last_update_status_event"] = tx.now()


def _writable_device(tx, caller, uuid) -> dict:
    device = device_by_uuid(tx, uuid) if isinstance(uuid, str) else None
    if device is None or not may_write(caller, device):
        raise unauthorized()
    return device


def report_v3(world, request):
    body = body_object(request)
    if not body:
        raise unauthorized()
    with world.store.transaction() as tx:
        for uuid, report in body.items():
            device = _writable_device(tx, request.caller, uuid)
            if not isinstance(report, dict):
                raise bad_request()
            changes = _device_changes(tx, report, REPORTED_FIELDS)
            if isinstance(report.get("apps"), dict):
                _apply_v3_apps(tx, device, report["apps"], changes)
            if changes:
                tx.update("device", device["id"], changes)
    return empty_response(200)


def _apply_v2_apps(tx, device: dict, apps: dict) -> None:
    kept = set()
    for app_report in apps.values():
        services = app_report.get("services") if isinstance(app_report, dict) else None
        for image_id, service_report in (services or {}).items():
            if not isinstance(service_report, dict) or not str(image_id).isdigit():
                continue
            release_id = service_report.get("releaseId")
            if tx.get("image", int(image_id)) is None or not isinstance(release_id, int):
                continue
            kept.add(_upsert_image_install(tx, device["id"], int(image_id), release_id, service_report))
    _retire_other_installs(tx, device["id"], kept)


def report_v2(world, request):
    body = body_object(request)
    local = body.get("local")
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, request.params["uuid"])
        if device is None:
            return empty_response(200)   # a deleted device's last report is accepted and dropped
        if not may_write(request.caller, device):
            raise unauthorized()
        if not isinstance(local, dict):
            return empty_response(200)
        changes = _device_changes(tx, local, REPORTED_FIELDS + V2_ONLY_FIELDS)
        name = local.get("device_name") or local.get("name")
        if isinstance(name, str) and name:
            changes["device_name"] = name
        commit = local.get("is_on__commit")
        if commit and device.get("belongs_to__application"):
            running = tx.find("release", belongs_to__application=device["belongs_to__application"], commit=commit,
                              status="success")
            if running:
                changes["is_running__release"] = running[0]["id"]
        if isinstance(local.get("apps"), dict):
            _apply_v2_apps(tx, device, local["apps"])
        if changes:
            tx.update("device", device["id"], changes)
    return empty_response(200)


def report_tags(world, request):
    body = body_object(request)
    if not body or not any(isinstance(tags, dict) and tags for tags in body.values()):
        raise bad_request(NO_TAGS)
    with world.store.transaction() as tx:
        for uuid, tags in body.items():
            device = _writable_device(tx, request.caller, uuid)
            for key, value in (tags or {}).items():
                existing = tx.find("device_tag", device=device["id"], tag_key=key)
                if existing:
                    tx.update("device_tag", existing[0]["id"], {"value": value})
                else:
                    tx.insert("device_tag", {"device": device["id"], "tag_key": key, "value": value})
    return empty_response(200)


def register(router) -> None:
    router.add("PATCH", "/device/v2/{uuid}/state", report_v2)
    router.add("PATCH", "/device/v3/state", report_v3)
    router.add("PATCH", "/device/v3/tags", report_tags)
