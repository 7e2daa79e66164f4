"""Device-type manifests: `GET /device-types/v1[/:slug]`."""
from __future__ import annotations

import re

from ..errors import bad_request, not_found
from ..web.response import json_response
from .columns import column
from .device_types_data import find_device_type, manifest, newest_os_versions

_SLUG = re.compile(r"^[\w-]+$")


def all_types(world, request):
    with world.store.transaction() as tx:
        rows = tx.query('SELECT * FROM "device_type" ORDER BY slug')
        newest = newest_os_versions(tx)
        return json_response([manifest(tx, row, newest_os=newest.get(row["id"])) for row in rows])


def device_type_row(tx, slug: str) -> dict:
    if not _SLUG.match(slug):
        raise bad_request("Invalid device type")
    row = find_device_type(tx, slug)
    if row is None:
        raise not_found(f"Unknown device type {slug}")
    return row


def one_type(world, request):
    with world.store.transaction() as tx:
        row = device_type_row(tx, request.params["slug"])
        return json_response(manifest(tx, row, newest_os=newest_os_versions(tx).get(row["id"]), full=True))


def os_versions(tx, device_type_id: int) -> list:
    """Raw versions of the successful releases of the host OS fleets of a device type, newest first."""
    rows = tx.query(
        f'SELECT {column("release", "raw_version", "r")} AS v FROM "release" r '
        'JOIN "application" a ON a.id = r.belongs_to__application '
        "WHERE a.is_host = 1 AND a.is_for__device_type = ? AND r.status = 'success' "
        "ORDER BY r.created_at DESC, r.id DESC",
        (device_type_id,),
    )
    return [row["v"] for row in rows if row["v"]]


def register(router) -> None:
    router.add("GET", "/device-types/v1", all_types)
    router.add("GET", "/device-types/v1/{slug}", one_type)
