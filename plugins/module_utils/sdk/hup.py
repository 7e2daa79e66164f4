# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which host OS updates ("HUP") balena allows, checked before any request is sent."""

from __future__ import annotations

from .exceptions import OsUpdateError
from .semver_tools import parse

MIN_CURRENT_VERSION = "2.14.0+rev1"
MIN_TARGET_VERSION = "2.16.0+rev1"
ACTION_NAME = "resinhup"


def variant(parsed):
    for marker in ("dev", "prod"):
        if marker in (parsed.build or "") or marker in (parsed.prerelease or ""):
            return marker
    return None


def get_hup_action_type(device_type, current_version, target_version):  # pylint: disable=unused-argument
    """The update action for ``current -> target`` (e.g. ``resinhup22``); ``OsUpdateError`` if refused."""
    current = parse(current_version)
    if current is None:
        raise OsUpdateError("Invalid current balenaOS version")
    target = parse(target_version)
    if target is None:
        raise OsUpdateError("Invalid target balenaOS version")
    if current.prerelease or target.prerelease:
        raise OsUpdateError("Updates cannot be performed on pre-release balenaOS versions")
    target_variant = variant(target)
    if target_variant is not None and (variant(current) == "dev") != (target_variant == "dev"):
        raise OsUpdateError("Updates cannot be performed between development and production balenaOS variants")
    order = target.compare(current)
    if order < 0:
        raise OsUpdateError("OS downgrades are not allowed")
    if order == 0:
        raise OsUpdateError("Current OS version matches Target OS version")
    if current.compare(MIN_CURRENT_VERSION) < 0:
        raise OsUpdateError("Current balenaOS version must be at least " + MIN_CURRENT_VERSION)
    if target.compare(MIN_TARGET_VERSION) < 0:
        raise OsUpdateError("Target balenaOS version must be at least " + MIN_TARGET_VERSION)
    return "%s%d%d" % (ACTION_NAME, current.major, target.major)
