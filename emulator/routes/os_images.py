"""OS images: `GET|HEAD /download?deviceType=&version=` and its size
(`/device-types/v1/:slug/images/:version/download-size`), a small synthetic image per device type and
balenaOS release, served the way a CDN serves a file: `Content-Length`, a strong `ETag`,
`Accept-Ranges: bytes`, and `206 Partial Content` answers to `Range` (honouring `If-Range`)."""
from __future__ import annotations

import functools
import hashlib
import re

from ..errors import ApiError, bad_request, not_found
from ..web.response import Response, json_response
from .device_types import device_type_row, os_versions

MIB = 1024 * 1024
BASE_IMAGE_BYTES = 2 * MIB        # every image is 2 to 4 MiB: big enough to be streamed, small enough for tests
IMAGE_SPREAD_BYTES = 2 * MIB
PATTERN_BYTES = 64 * 1024
VERSION_KEYWORDS = ("latest", "recommended", "default")
DEFAULT_VARIANT = "prod"
_RANGE = re.compile(r"^bytes=(\d*)-(\d*)$")


def resolve_version(versions: list, version: str) -> str | None:
    """The raw version `version` names: itself (with or without a leading `v`), its `prod` variant
    when it names none, or the newest release for a keyword."""
    if version in VERSION_KEYWORDS:
        return versions[0] if versions else None
    wanted = version[1:] if version.startswith("v") else version
    for candidate in (wanted, f"{wanted}.{DEFAULT_VARIANT}", f"{wanted}+{DEFAULT_VARIANT}"):
        if candidate in versions:
            return candidate
    return None


def image_size(slug: str, raw_version: str) -> int:
    digest = hashlib.sha256(f"{slug}:{raw_version}".encode()).digest()
    return BASE_IMAGE_BYTES + int.from_bytes(digest[:4], "big") % IMAGE_SPREAD_BYTES


@functools.lru_cache(maxsize=8)
def image_bytes(slug: str, raw_version: str) -> bytes:
    """The image: a header naming it, then a pattern derived from its name, `image_size` bytes long."""
    header = f"balenaOS emulator image\n{slug}\n{raw_version}\n".encode()
    pattern = bytearray()
    counter = 0
    while len(pattern) < PATTERN_BYTES:
        pattern += hashlib.sha256(f"{slug}:{raw_version}:{counter}".encode()).digest()
        counter += 1
    size = image_size(slug, raw_version)
    body = header + bytes(pattern) * (size // PATTERN_BYTES + 1)
    return body[:size]


@functools.lru_cache(maxsize=8)
def image_etag(slug: str, raw_version: str) -> str:
    return '"%s"' % hashlib.sha256(image_bytes(slug, raw_version)).hexdigest()[:32]


def find_image(tx, slug: str | None, version: str):
    """`(device type slug, raw version)` of an image, or a 400/404 naming what is unknown."""
    if not slug:
        raise bad_request("A device type is required")
    device_type = device_type_row(tx, slug)
    raw_version = resolve_version(os_versions(tx, device_type["id"]), version)
    if raw_version is None:
        raise not_found(f"Device {device_type['slug']} not found for {version} version")
    return device_type["slug"], raw_version


def _byte_range(header: str, size: int):
    """`(start, end)` (inclusive) of a single `bytes=` range, or None when the header asks for none."""
    found = _RANGE.match(header.strip())
    if not found or found.groups() == ("", ""):
        return None
    first, last = found.groups()
    if first == "":
        start, end = max(size - int(last), 0), size - 1
    else:
        start, end = int(first), min(int(last), size - 1) if last else size - 1
    if start >= size or start > end:
        raise ApiError(416, headers={"Content-Range": f"bytes */{size}"})
    return start, end


def download(world, request):
    query = request.query()
    with world.store.transaction() as tx:
        slug, raw_version = find_image(tx, query.get("deviceType"), query.get("version") or "latest")
    body, etag = image_bytes(slug, raw_version), image_etag(slug, raw_version)
    headers = {
        "Content-Disposition": f'attachment; filename="balena-{slug}-{raw_version}.img"',
        "ETag": etag,
        "Accept-Ranges": "bytes",
    }
    wanted = request.header("Range")
    if_range = request.header("If-Range")
    span = _byte_range(wanted, len(body)) if wanted and (if_range is None or if_range == etag) else None
    if span is None:
        return Response(200, body, "application/octet-stream", headers)
    start, end = span
    headers["Content-Range"] = f"bytes {start}-{end}/{len(body)}"
    return Response(206, body[start:end + 1], "application/octet-stream", headers)


def download_size(world, request):
    with world.store.transaction() as tx:
        slug, raw_version = find_image(tx, request.params["slug"], request.params["version"])
    return json_response({"size": image_size(slug, raw_version)})


def register(router) -> None:
    router.add("GET", "/device-types/v1/{slug}/images/{version}/download-size", download_size)
    router.add("GET", "/download", download)
    router.add("HEAD", "/download", download)
