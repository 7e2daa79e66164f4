"""Device identity, name and OS-version rules."""
from __future__ import annotations

import re

from ..errors import ApiError
from .messages import refuse

_DEVICE_UUID = re.compile(r"^[a-f0-9]{32}([a-f0-9]{30})?$")
_VERSION = re.compile(r"(\d+)\.(\d+)\.(\d+)")


def check_device_uuid(value) -> None:
    if not isinstance(value, str):
        raise refuse("Device UUID must be a string if provided.")
    if not _DEVICE_UUID.match(value):
        raise refuse("Device UUID must be a 32 or 62 character long lower case hex string.")


def check_device_name(value) -> None:
    if not isinstance(value, str):
        raise refuse("Device name must be a string if provided.")
    if "\r" in value or "\n" in value:
        raise refuse("Device name cannot contain any newline characters.")


def version_core(text) -> tuple | None:
    """(major, minor, patch) of the first version in a string like "balenaOS 2.50.1+rev1"."""
    match = _VERSION.search(text) if isinstance(text, str) else None
    return tuple(int(part) for part in match.groups()) if match else None


def os_variant_of(os_version) -> str | None:
    """The variant a reported OS version names, e.g. "balenaOS 2.50.1+rev1 (prod)"."""
    if not isinstance(os_version, str):
        return None
    for variant, words in (("dev", ("(dev)", ".dev", "development")), ("prod", ("(prod)", ".prod", "production"))):
        if any(word in os_version for word in words):
            return variant
    return None


def check_os_version_range(device: dict, version_range) -> None:
    """Only `>=M.m.p` ranges occur (the default fleet type's `>=2.11.0`)."""
    minimum = version_core(version_range)
    if minimum is None:
        return
    name = device.get("device_name") or device.get("uuid")
    current = version_core(device.get("os_version"))
    if current is None:
        if device.get("os_version") is None and device.get("supervisor_version") is not None:
            raise ApiError(403, f"Device {name} is too old to satisfy required version range: {version_range}")
        return
    if current < minimum:
        raise ApiError(403, f"Device {name} has OS version {device.get('os_version')} but needs to satisfy "
                            f"version range: {version_range}")
