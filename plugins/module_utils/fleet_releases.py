# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Find the release a user names (full commit, version or id) among the releases of given fleets."""

from __future__ import annotations

from .errors import ParameterError

COMMIT_LENGTHS = (32, 40)


def release_match(reference):
    """The ``$filter`` part matching a release by id, full commit or raw version."""
    text = str(reference).strip()
    if text.isdigit() and len(text) not in COMMIT_LENGTHS:
        return {"id": int(text)}
    return {"$or": [{"commit": text}, {"raw_version": text}]}


def successful_releases(pine, fleet_ids, reference, parameter="release", labels=None):
    """``{fleet id: release id}`` of the successful release ``reference`` in each fleet; one request.

    Every fleet must have it: a release belongs to one fleet, so a device or fleet can only run
    a release of its own fleet.
    """
    rows = successful_release_rows(pine, fleet_ids, reference, parameter, labels)
    return {fleet: row["id"] for fleet, row in rows.items()}


def successful_release_rows(pine, fleet_ids, reference, parameter="release", labels=None):
    """``{fleet id: release row (id, commit, raw_version)}``, as ``successful_releases``."""
    wanted = sorted(set(fleet_ids))
    fleets = {"belongs_to__application": wanted[0]} if len(wanted) == 1 else {"belongs_to__application": {"$in": wanted}}
    found = pine.get({"resource": "release", "options": {
        "$select": ["id", "belongs_to__application", "commit", "raw_version"],
        "$filter": {"$and": [fleets, {"status": "success"}, release_match(reference)]},
        "$orderby": "created_at desc",
    }})
    by_fleet = {}
    for release in found:
        by_fleet.setdefault(release["belongs_to__application"]["__id"], release)
    missing = [fleet for fleet in wanted if fleet not in by_fleet]
    if missing:
        names = [(labels or {}).get(fleet) or "id {0}".format(fleet) for fleet in missing]
        raise ParameterError(parameter, "fleet {0} has no successful release {1!r}".format(", ".join(names), reference))
    return by_fleet


def is_version(reference):
    """Whether ``reference`` names a release by version, which is only unique within a fleet."""
    text = str(reference).strip()
    if text.isdigit() and len(text) not in COMMIT_LENGTHS:
        return False
    return not (len(text) in COMMIT_LENGTHS and all(char in "0123456789abcdef" for char in text.lower()))
