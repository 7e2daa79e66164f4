# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Fleets, organizations and device types named in the selection that do not exist.

The devices read already prove most of them: only those no device belongs to are looked up, in one
request (``application``, or ``organization`` with its fleets when organizations are unproven).
"""

from __future__ import annotations

from .selection import fleet_match, is_id, organization_match

FLEET_FIELDS = ["id", "slug", "app_name"]


def _first(expanded):
    return expanded[0] if isinstance(expanded, list) and expanded else {}


def _unmatched_fleets(fleets, seen):
    """The given fleets that none of ``seen`` (application rows) is."""
    ids = {row.get("id") for row in seen}
    slugs = {str(row.get("slug") or "").lower() for row in seen}
    names = {row.get("app_name") for row in seen}
    left = []
    for fleet in fleets:
        text = str(fleet).strip()
        if is_id(fleet):
            found = int(fleet) in ids
        elif "/" in text:
            found = text.lower() in slugs
        else:
            found = text in names
        if not found:
            left.append(fleet)
    return left


def _unmatched_organizations(organizations, seen):
    ids = {row.get("id") for row in seen}
    handles = {row.get("handle") for row in seen}
    return [org for org in organizations
            if not (int(org) in ids if is_id(org) else str(org).strip() in handles)]


def _describe(kind, values):
    plural = kind + ("s" if len(values) > 1 else "")
    return "{0} {1}".format(plural, ", ".join(repr(str(value).strip()) for value in values))


def missing_device_types(pine, device_types, device_rows):
    """A description (``"device type 'x'"``) of the device types that do not exist, or None; at most one request."""
    seen = {_first(row.get("is_of__device_type")).get("slug") for row in device_rows}
    wanted = sorted({str(slug).strip() for slug in device_types} - seen)
    if not wanted:
        return None
    condition = {"$or": [{"slug": slug} for slug in wanted]} if len(wanted) > 1 else {"slug": wanted[0]}
    found = pine.get({"resource": "device_type", "options": {"$select": ["slug"], "$filter": condition}})
    unknown = [slug for slug in wanted if slug not in {row.get("slug") for row in found}]
    return _describe("device type", unknown) if unknown else None


def missing_selection(pine, fleets, organizations, device_rows):
    """Descriptions (``"fleet 'x'"``, ``"organizations 'a', 'b'"``) of what does not exist; at most one request."""
    fleet_rows = [_first(row.get("belongs_to__application")) for row in device_rows]
    org_rows = [_first(fleet.get("organization")) for fleet in fleet_rows]
    fleets = _unmatched_fleets(fleets, fleet_rows)
    organizations = _unmatched_organizations(organizations, org_rows)
    if not fleets and not organizations:
        return []
    if organizations:
        condition = organization_match(organizations)
        options = {"$select": ["id", "handle"]}
        if fleets:
            condition = {"$or": [condition, {"application": {"$any": {
                "$alias": "a", "$expr": fleet_match(fleets, "a")}}}]}
            options["$expand"] = {"application": {"$select": FLEET_FIELDS, "$filter": fleet_match(fleets)}}
        options["$filter"] = condition
        found_orgs = pine.get({"resource": "organization", "options": options})
        found_fleets = [fleet for org in found_orgs for fleet in org.get("application") or ()]
    else:
        found_orgs = []
        found_fleets = pine.get({"resource": "application", "options": {
            "$select": FLEET_FIELDS, "$filter": fleet_match(fleets)}})
    missing = []
    fleets = _unmatched_fleets(fleets, found_fleets)
    organizations = _unmatched_organizations(organizations, found_orgs)
    if fleets:
        missing.append(_describe("fleet", fleets))
    if organizations:
        missing.append(_describe("organization", organizations))
    return missing
