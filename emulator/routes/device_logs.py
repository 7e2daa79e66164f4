"""Device logs: `GET /device/v2/:uuid/logs` (history, or `?stream=1` NDJSON: history then live lines)
and `POST /device/v2/:uuid/logs` (a device writes batches of at most 10 lines with its own key)."""
from __future__ import annotations

import json
import time

from ..auth.api_keys import parse_date
from ..auth.caller import ADMIN, DEVICE, USER, USER_KEY
from ..errors import bad_request, not_found, unauthorized
from ..web.response import empty_response, json_response, stream_response
from .device_lookup import device_by_uuid, may_read
from .log_book import RETENTION_LINES, log_book

MAX_BATCH = 10
RETENTION_MS = 30 * 24 * 3600 * 1000
STREAM_KEEPALIVE_SECONDS = 10.0     # a bare newline; it also tells us when the client went away
STREAM_MAX_SECONDS = 30 * 60        # a stream ends after this long; clients reconnect
OLD_FORMAT_KEYS = ("is_stderr", "is_system", "image_id")


def _count(raw, default: int) -> int:
    if raw is None or raw == "":
        return default
    if raw == "all":
        return RETENTION_LINES
    if not str(raw).isdigit():
        raise bad_request()
    return min(int(raw), RETENTION_LINES)


def _since_ms(raw, now_ms: int) -> int:
    floor = now_ms - RETENTION_MS
    if not raw:
        return floor
    if str(raw).isdigit():
        return max(int(raw), floor)
    moment = parse_date(raw)
    if moment is None:
        raise bad_request()
    return max(int(moment.timestamp() * 1000), floor)


def read_logs(world, request):
    caller = request.caller
    if caller is None or caller.kind not in (USER, USER_KEY, ADMIN):
        raise unauthorized()
    uuid = request.params["uuid"]
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, uuid)
    if device is None or not may_read(caller, device):
        raise not_found(f"No device with uuid {uuid}")
    query = request.query()
    streaming = query.get("stream") in ("1", "true")
    now_ms = int(time.time() * 1000)
    count = _count(query.get("count"), 0 if streaming else RETENTION_LINES)
    history, last_seq = log_book(world).history(device["id"], count=count, since_ms=_since_ms(query.get("start"), now_ms))
    if not streaming:
        return json_response(history)
    return stream_response(_stream(world, device["id"], history, last_seq), "application/x-ndjson")


def _stream(world, device_id: int, history: list, last_seq: int):
    book = log_book(world)
    for entry in history:
        yield json.dumps(entry, separators=(",", ":")).encode() + b"\n"
    ends = time.monotonic() + STREAM_MAX_SECONDS
    while time.monotonic() < ends:
        newer = book.wait_after(device_id, last_seq, min(STREAM_KEEPALIVE_SECONDS, ends - time.monotonic()))
        if not newer:
            yield b"\n"
            continue
        last_seq = newer[-1][0]
        yield b"".join(json.dumps(entry, separators=(",", ":")).encode() + b"\n" for _seq, entry in newer)


def _valid_line(item) -> bool:
    return (isinstance(item, dict) and isinstance(item.get("message"), str)
            and isinstance(item.get("timestamp"), (int, float)) and not isinstance(item.get("timestamp"), bool))


def write_logs(world, request):
    caller = request.caller
    with world.store.transaction() as tx:
        device = device_by_uuid(tx, request.params["uuid"])
    if device is None or caller is None or caller.kind != DEVICE or caller.device_id != device["id"]:
        raise unauthorized()
    batch = request.json(default=None)
    if not isinstance(batch, list):
        raise bad_request()
    if len(batch) > MAX_BATCH:
        raise bad_request(f"Batches cannot include more than {MAX_BATCH} logs")
    if any(isinstance(item, dict) and any(key in item for key in OLD_FORMAT_KEYS) for item in batch):
        raise bad_request()
    lines = [item for item in batch if not (isinstance(item, dict) and "uuid" in item)]
    if not all(_valid_line(item) for item in lines):
        raise bad_request()
    book = log_book(world)
    for item in lines:
        service_id = item.get("serviceId")
        book.append(device["id"], item["message"], timestamp_ms=int(item["timestamp"]),
                    is_system=bool(item.get("isSystem")), is_stderr=bool(item.get("isStdErr")),
                    service_id=service_id if isinstance(service_id, int) else None)
    return empty_response(201)


def register(router) -> None:
    router.add("GET", "/device/v2/{uuid}/logs", read_logs)
    router.add("POST", "/device/v2/{uuid}/logs", write_logs)
