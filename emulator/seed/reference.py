"""Data every balena server holds before anyone logs in: CPU architectures, device types with their
aliases, families and manufacturers, and the fixed rows (the default fleet type, membership roles)."""
from __future__ import annotations

import json
from pathlib import Path

from ..hooks import reference_rows
from .device_type_contracts import contract
from .rows import add, find_or_add

DEVICE_TYPES_FILE = Path(__file__).with_name("data") / "device-types.json"


def load_device_types() -> dict:
    with DEVICE_TYPES_FILE.open(encoding="utf-8") as handle:
        return json.load(handle)


def seed(tx) -> dict:
    """Seeds the reference data; returns device type ids by slug."""
    data = load_device_types()
    architectures = {slug: add(tx, "cpu_architecture", slug=slug) for slug in data["cpu_architectures"]}
    manufacturers: dict = {}
    families: dict = {}
    device_types: dict = {}
    for device_type in data["device_types"]:
        manufacturer = device_type.get("manufacturer")
        if manufacturer and manufacturer["slug"] not in manufacturers:
            manufacturers[manufacturer["slug"]] = add(
                tx, "device_manufacturer", slug=manufacturer["slug"], name=manufacturer["name"])
        family = device_type.get("family")
        if family and family["slug"] not in families:
            families[family["slug"]] = add(
                tx, "device_family", slug=family["slug"], name=family["name"],
                is_manufactured_by__device_manufacturer=manufacturers.get((manufacturer or {}).get("slug")))
        device_contract = contract(device_type)
        type_id = add(
            tx, "device_type",
            slug=device_type["slug"],
            name=device_type["name"],
            is_of__cpu_architecture=architectures[device_type["cpu_architecture"]],
            belongs_to__device_family=families.get((family or {}).get("slug")),
            contract=device_contract,
            logo=device_contract["assets"]["logo"]["url"],
        )
        device_types[device_type["slug"]] = type_id
        for alias in device_type["aliases"]:
            find_or_add(tx, "device_type_alias", {"is_referenced_by__alias": alias}, device_type=type_id)

    reference_rows.insert_all(tx)
    return device_types
