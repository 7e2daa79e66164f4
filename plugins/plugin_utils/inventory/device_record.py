# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""One device row of the API, flattened into the facts the inventory works with (unprefixed)."""

from __future__ import annotations

SHORT_UUID_LENGTH = 7


def _first(expanded):
    """The single row of an expanded navigation (a list), or an empty dict."""
    if isinstance(expanded, list) and expanded:
        return expanded[0] or {}
    return {}


def _words(text):
    return str(text).split() if text else []


def device_record(row):
    """The flat record of a device row read with ``selection.device_query``."""
    fleet = _first(row.get("belongs_to__application"))
    organization = _first(fleet.get("organization"))
    running = _first(row.get("is_running__release"))
    target = _first(row.get("should_be_running__release"))
    tags = {}
    for tag in row.get("device_tag") or ():
        tags[tag.get("tag_key")] = tag.get("value")
    uuid = row.get("uuid") or ""
    return {
        "id": row.get("id"),
        "uuid": uuid,
        "short_uuid": uuid[:SHORT_UUID_LENGTH],
        "device_name": row.get("device_name"),
        "note": row.get("note"),
        "fleet": fleet.get("slug"),
        "fleet_id": fleet.get("id"),
        "organization": organization.get("handle"),
        "device_type": _first(row.get("is_of__device_type")).get("slug"),
        "is_online": row.get("is_online"),
        "overall_status": row.get("overall_status"),
        "api_heartbeat_state": row.get("api_heartbeat_state"),
        "is_connected_to_vpn": row.get("is_connected_to_vpn"),
        "os_version": row.get("os_version"),
        "os_variant": row.get("os_variant"),
        "supervisor_version": row.get("supervisor_version"),
        "ip_addresses": _words(row.get("ip_address")),
        "public_address": row.get("public_address"),
        "mac_addresses": _words(row.get("mac_address")),
        "release": running.get("commit"),
        "release_version": running.get("raw_version"),
        "target_release": target.get("commit"),
        "target_release_version": target.get("raw_version"),
        "tags": tags,
    }
