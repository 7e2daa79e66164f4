# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Native grouping: the groups of a device record, computed in Python, with names Ansible accepts.

Group names only contain letters, digits and underscores and never start with a digit, so Ansible
never warns about them nor renames them.
"""

from __future__ import annotations

import re

DEFAULT_PREFIXES = {
    "fleet": "fleet_",
    "organization": "org_",
    "device_type": "device_type_",
    "online": "",
    "overall_status": "status_",
    "os_version": "os_",
    "release": "release_",
    "tag_key": "tag_",
    "tag": "tag_",
}
AXES = tuple(DEFAULT_PREFIXES)
RELEASE_COMMIT_LENGTH = 7

_INVALID = re.compile(r"[^A-Za-z0-9_]")


def safe_group_name(name):
    """``name`` with every character Ansible rejects replaced by ``_``."""
    name = _INVALID.sub("_", name)
    if not name or name[0].isdigit():
        name = "_" + name
    return name


def _os_label(version):
    return version[len("balenaOS"):].strip() if version.startswith("balenaOS") else version


def _values(axis, record):
    """The raw (unsanitised) group labels of one axis for a record."""
    if axis == "fleet":
        return [record["fleet"]] if record.get("fleet") else []
    if axis == "organization":
        return [record["organization"]] if record.get("organization") else []
    if axis == "device_type":
        return [record["device_type"]] if record.get("device_type") else []
    if axis == "online":
        return ["online" if record.get("is_online") else "offline"]
    if axis == "overall_status":
        return [record["overall_status"]] if record.get("overall_status") else []
    if axis == "os_version":
        return [_os_label(record["os_version"])] if record.get("os_version") else []
    if axis == "release":
        return [record["release"][:RELEASE_COMMIT_LENGTH]] if record.get("release") else []
    if axis == "tag_key":
        return list(record.get("tags") or ())
    if axis == "tag":
        return ["{0}_{1}".format(key, value) for key, value in (record.get("tags") or {}).items() if value not in (None, "")]
    raise ValueError("group_by: unknown axis {0!r} (choose from {1})".format(axis, ", ".join(AXES)))


class GroupNamer:
    """Group names for records, with the sanitising memoised (most labels repeat across devices)."""

    def __init__(self, axes, prefixes=None):
        unknown = [axis for axis in axes if axis not in DEFAULT_PREFIXES]
        if unknown:
            raise ValueError("group_by: unknown axis {0} (choose from {1})".format(", ".join(unknown), ", ".join(AXES)))
        unknown = [axis for axis in (prefixes or {}) if axis not in DEFAULT_PREFIXES]
        if unknown:
            raise ValueError("group_prefixes: unknown axis {0} (choose from {1})".format(", ".join(unknown), ", ".join(AXES)))
        self._axes = list(axes)
        self._prefixes = dict(DEFAULT_PREFIXES, **(prefixes or {}))
        self._names = {}

    def groups(self, record):
        found = []
        for axis in self._axes:
            prefix = self._prefixes[axis]
            for label in _values(axis, record):
                key = (prefix, label)
                name = self._names.get(key)
                if name is None:
                    name = self._names[key] = safe_group_name(prefix + str(label))
                found.append(name)
        return found
