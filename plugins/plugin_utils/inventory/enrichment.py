# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Optional per-device details, read in batches of ids for the hosts that passed every filter.

Each batch is one request whatever the number of devices in it; batches run on a small thread pool.
Results are plain JSON-ready dicts keyed by device id (as a string, so they survive a JSON cache).
"""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError

BATCH_SIZE = 250
DENIED_STATUSES = (401, 403)


def _batches(ids, size=BATCH_SIZE):
    ids = sorted(set(ids))
    return [ids[start:start + size] for start in range(0, len(ids), size)]


def _ref(value):
    return value.get("__id") if isinstance(value, dict) else value


def _rows(pine, resource, field, ids, select, expand=None, extra_filter=None):
    condition = {field: ids[0] if len(ids) == 1 else {"$in": ids}}
    if extra_filter:
        condition = {"$and": [condition, extra_filter]}
    options = {"$select": select, "$filter": condition}
    if expand:
        options["$expand"] = expand
    return pine.get({"resource": resource, "options": options})


def _variables(pine, resource, field, ids):
    found = {}
    for row in _rows(pine, resource, field, ids, [field, "name", "value"]):
        found.setdefault(str(_ref(row.get(field))), {})[row["name"]] = row["value"]
    return found


def _service_status(pine, ids):
    found = {}
    expand = {"installs__image": {"$select": ["id"], "$expand": {"is_a_build_of__service": {"$select": ["service_name"]}}}}
    rows = _rows(pine, "image_install", "device", ids, ["device", "status", "download_progress"], expand,
                 {"status": {"$ne": "deleted"}})
    newest = {}
    for row in rows:
        image = (row.get("installs__image") or [{}])[0]
        service = (image.get("is_a_build_of__service") or [{}])[0].get("service_name")
        if not service:
            continue
        device = str(_ref(row.get("device")))
        # Several installs of one service (old and new release): the newest image is the current one.
        if newest.get((device, service), -1) > (image.get("id") or 0):
            continue
        newest[(device, service)] = image.get("id") or 0
        found.setdefault(device, {})[service] = {"status": row.get("status"), "download_progress": row.get("download_progress")}
    return found


def _merge(results):
    merged = {}
    for result in results:
        for key, values in result.items():
            merged.setdefault(key, {}).update(values)
    return merged


def fetch(pine, records, variables=False, services=False, concurrency=4, on_denied=None):
    """``{"env": {device id: {...}}, "config": ..., "services": ...}`` for ``records`` (device records).

    ``env``/``config`` are the effective values: the fleet's, overridden by the device's own.
    ``on_denied(detail, error)``: when given, a detail the API refuses to show (HTTP 401 or 403) is
    reported to it and left out of the result, instead of raising.
    """
    device_ids = [record["id"] for record in records]
    fleet_ids = [record["fleet_id"] for record in records if record.get("fleet_id") is not None]
    jobs = {}
    if variables:
        for name, device_resource, fleet_resource in (
                ("env", "device_environment_variable", "application_environment_variable"),
                ("config", "device_config_variable", "application_config_variable")):
            jobs[name + "_device"] = [(_variables, (pine, device_resource, "device", batch)) for batch in _batches(device_ids)]
            jobs[name + "_fleet"] = [(_variables, (pine, fleet_resource, "application", batch)) for batch in _batches(fleet_ids)]
    if services:
        jobs["services"] = [(_service_status, (pine, batch)) for batch in _batches(device_ids)]
    if not jobs:
        return {}
    with ThreadPoolExecutor(max_workers=max(1, int(concurrency))) as pool:
        futures = {name: [pool.submit(function, *arguments) for function, arguments in calls] for name, calls in jobs.items()}
    results = {}
    for name, started in futures.items():
        try:
            results[name] = _merge(future.result() for future in started)
        except RequestError as error:
            if on_denied is None or error.status_code not in DENIED_STATUSES:
                raise
            on_denied(name, error)
    enriched = {}
    if variables:
        for name in ("env", "config"):
            if name + "_fleet" not in results or name + "_device" not in results:
                continue
            per_device = {}
            for record in records:
                values = dict(results[name + "_fleet"].get(str(record.get("fleet_id")), {}))
                values.update(results[name + "_device"].get(str(record["id"]), {}))
                per_device[str(record["id"])] = values
            enriched[name] = per_device
    if services and "services" in results:
        enriched["services"] = {str(record["id"]): results["services"].get(str(record["id"]), {}) for record in records}
    return enriched
