"""Reading device types the way the REST endpoints present them (device-type.json objects)."""
from __future__ import annotations

import json

from ..auth.access import declared
from .columns import column


def find_device_type(tx, slug_or_alias: str) -> dict | None:
    """A device type by slug or by any of its aliases (`raspberry-pi2` and the like)."""
    rows = tx.find("device_type", slug=slug_or_alias)
    if rows:
        return rows[0]
    if declared("device_type_alias", "device_type", "is_referenced_by__alias"):
        aliases = tx.find("device_type_alias", is_referenced_by__alias=slug_or_alias)
        if aliases:
            return tx.get("device_type", aliases[0]["device_type"])
    return None


def _contract(row: dict) -> dict:
    value = row.get("contract")
    if isinstance(value, str):
        try:
            value = json.loads(value)
        except ValueError:
            value = None
    return value if isinstance(value, dict) else {}


def _build_id(version: str | None) -> str:
    """The manifest's `buildId`: the newest OS version, written as balenaOS build ids are."""
    if not version:
        return "0.0.0+rev0.prod"
    return f"{version}.prod" if "+" in version else f"{version}+rev1.prod"


def newest_os_versions(tx) -> dict:
    """{device type id: raw version of its newest successful host OS release}."""
    rows = tx.query(
        f'SELECT a.is_for__device_type AS dt, {column("release", "raw_version", "r")} AS v FROM "release" r '
        'JOIN "application" a ON a.id = r.belongs_to__application '
        "WHERE a.is_host = 1 AND r.status = 'success' ORDER BY r.created_at, r.id"
    )
    return {row["dt"]: row["v"] for row in rows if row["v"]}


def _details(slug: str, name: str) -> dict:
    """The parts of a full manifest that describe flashing and configuring the OS image."""
    return {
        "isDefault": False,
        "imageDownloadAlerts": [],
        "instructions": [
            "Write the OS file you downloaded to your boot media.",
            f"Insert the boot media into the {name}.",
            f"Connect your {name} to the internet, then power it up.",
        ],
        "gettingStartedLink": {os_name: f"https://docs.balena.io/learn/getting-started/{slug}/python/"
                               for os_name in ("windows", "osx", "linux")},
        "supportsBlink": True,
        "options": [
            {"isGroup": True, "name": "network", "message": "Network", "options": [
                {"message": "Network Connection", "name": "network", "type": "list", "choices": ["ethernet", "wifi"]},
                {"message": "Wifi SSID", "name": "wifiSsid", "type": "text", "when": {"network": "wifi"}},
                {"message": "Wifi Passphrase", "name": "wifiKey", "type": "password", "when": {"network": "wifi"}},
            ]},
            {"isGroup": True, "isCollapsible": True, "collapsed": True, "name": "advanced", "message": "Advanced",
             "options": [{"message": "Check for updates every X minutes", "name": "appUpdatePollInterval",
                          "type": "number", "min": 10, "default": 10}]},
        ],
        "yocto": {"machine": slug, "image": "balena-image", "fstype": "balenaos-img", "version": "yocto-kirkstone",
                  "deployArtifact": f"balena-image-{slug}.balenaos-img", "compressed": True},
        "configuration": {"config": {"partition": {"primary": 1}, "path": "/config.json"}},
        "initialization": {"options": [{"message": "Select a drive", "type": "drive", "name": "drive"}],
                           "operations": [{"command": "burn"}]},
    }


def manifest(tx, row: dict, *, newest_os: str | None = None, full: bool = False) -> dict:
    """The device-type.json object of a device type row: a summary, or `full` with flashing details."""
    aliases = [row["slug"]]
    if declared("device_type_alias", "device_type", "is_referenced_by__alias"):
        aliases = [a["is_referenced_by__alias"] for a in tx.find("device_type_alias", device_type=row["id"])] or aliases
    arch = tx.get("cpu_architecture", row.get("is_of__cpu_architecture")) if row.get("is_of__cpu_architecture") else None
    contract = _contract(row)
    data = contract.get("data") if isinstance(contract.get("data"), dict) else {}
    result = {
        "slug": row["slug"],
        "version": 1,
        "aliases": aliases,
        "name": row.get("name") or row["slug"],
        "arch": arch["slug"] if arch else None,
        "state": (contract.get("state") or data.get("state") or "RELEASED").upper(),
    }
    if full:
        result.update(_details(row["slug"], result["name"]))
    for key in ("isDefault", "imageDownloadAlerts", "instructions", "options", "yocto"):
        if key in data:
            result[key] = data[key]
    result["buildId"] = _build_id(newest_os)
    return result
