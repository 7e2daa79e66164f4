"""Device types and the reference data around them: aliases, CPU architectures, families, makers."""
from __future__ import annotations

from ..declare import Resource, Reverse
from . import access
from .shorthand import flag, json_value, link, string, text

CPU_ARCHITECTURE = Resource(
    name="cpu_architecture",
    fields=(string("slug", required=True, choices=("rpi", "armv7hf", "aarch64", "i386-nlp", "i386", "amd64")),),
    unique=(("slug",),),
    reverse=(Reverse("is_supported_by__device_type", "device_type", "is_of__cpu_architecture"),),
    nav_aliases={"device_type": "is_supported_by__device_type"},
    grants=(access.everyone_reads(),),
)

DEVICE_MANUFACTURER = Resource(
    name="device_manufacturer",
    fields=(
        string("slug", required=True, max_length=50),
        string("name", required=True, max_length=100),
    ),
    unique=(("slug",),),
    grants=(access.everyone_reads(),),
)

DEVICE_FAMILY = Resource(
    name="device_family",
    fields=(
        string("slug", required=True, max_length=50),
        string("name", required=True, max_length=50),
        link("is_manufactured_by__device_manufacturer", "device_manufacturer"),
    ),
    unique=(("slug",),),
    reverse=(Reverse("device_type", "device_type", "belongs_to__device_family"),),
    grants=(access.everyone_reads(),),
)

DEVICE_TYPE = Resource(
    name="device_type",
    fields=(
        string("slug", required=True),
        string("name", required=True),
        link("is_of__cpu_architecture", "cpu_architecture", required=True),
        text("logo", max_length=400_000),
        json_value("contract"),
        link("belongs_to__device_family", "device_family"),
        # balenaCloud only
        flag("is_private"),
    ),
    unique=(("slug",),),
    reverse=(
        Reverse("describes__device", "device", "is_of__device_type"),
        Reverse("is_default_for__application", "application", "is_for__device_type"),
        Reverse("device_type_alias", "device_type_alias", "device_type"),
    ),
    nav_aliases={
        "supports__cpu_architecture": "is_of__cpu_architecture",
        "device": "describes__device",
        "has__device": "describes__device",
        "describes_device": "describes__device",
        "is_referenced_by__alias": "device_type_alias",
        "device_type__is_referenced_by__alias": "device_type_alias",
    },
    grants=(access.everyone_reads(),),
)

DEVICE_TYPE_ALIAS = Resource(
    name="device_type_alias",
    fields=(
        link("device_type", "device_type", required=True),
        string("is_referenced_by__alias", required=True),
    ),
    aliases=("device_type__is_referenced_by__alias",),
    unique=(("is_referenced_by__alias",), ("device_type", "is_referenced_by__alias")),
    nav_aliases={"references__device_type": "device_type"},
    grants=(access.everyone_reads(),),
)

RESOURCES = (CPU_ARCHITECTURE, DEVICE_MANUFACTURER, DEVICE_FAMILY, DEVICE_TYPE, DEVICE_TYPE_ALIAS)
