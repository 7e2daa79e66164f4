# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Check, before a wait starts, that the release, the balenaOS version and the supervisor version it waits
for exist for the chosen devices: a name that matches nothing would only time out."""

from __future__ import annotations

from .device_changes import os_release_key, os_releases, supervisor_releases
from .device_conditions import SHORT_COMMIT
from .errors import ParameterError
from .diff import link_id
from .linked import linked

# What the devices are read with, besides ``WAIT_OPTIONS``, so that their targets can be checked.
TARGET_FIELDS = ["os_variant"]
TARGET_EXPAND = {"belongs_to__application": {"$select": ["id", "slug"]},
                 "is_of__device_type": {"$select": ["id", "slug", "is_of__cpu_architecture"]}}
HEX = frozenset("0123456789abcdef")


def release_filter(text):
    """The releases ``text`` names as the waiter matches them: a commit, its first 7 characters or more, or a version."""
    names = [{"commit": text}, {"raw_version": text}, {"semver": text}]
    if len(text) >= SHORT_COMMIT and set(text) <= HEX:
        names.append({"commit": {"$startswith": text}})
    return {"$or": names}


def check_release(pine, rows, release):
    """Every fleet of ``rows`` has a successful release ``release``; else fail naming the first that lacks it."""
    text = str(release).strip()
    fleets = {}
    for row in rows:
        fleet = linked(row.get("belongs_to__application"))
        if fleet.get("id") is not None:
            fleets[fleet["id"]] = fleet.get("slug") or "id {0}".format(fleet["id"])
    if not fleets:
        return
    ids = sorted(fleets)
    found = pine.get({"resource": "release", "options": {
        "$select": ["id", "belongs_to__application"],
        "$filter": {"$and": [{"belongs_to__application": {"$in": ids}}, {"status": "success"}, release_filter(text)]},
    }})
    having = set(release["belongs_to__application"]["__id"] for release in found)
    missing = [fleets[fleet] for fleet in ids if fleet not in having]
    if missing:
        raise ParameterError("release", "fleet {0} has no successful release {1!r}".format(", ".join(missing), text))


def check_targets(balena, rows, params):
    """Fail naming ``release``, ``os_version`` or ``supervisor_version`` when it names nothing the devices
    ``rows`` could run."""
    if params["release"] is not None:
        check_release(balena.pine, rows, params["release"])
    if params["os_version"] is not None and rows:
        os_releases(balena, [os_release_key(row) for row in rows], params["os_version"])
    if params["supervisor_version"] is not None and rows:
        architectures = [link_id(linked(row.get("is_of__device_type")).get("is_of__cpu_architecture")) for row in rows]
        supervisor_releases(balena, [arch for arch in architectures if arch is not None],
                            str(params["supervisor_version"]).strip())
