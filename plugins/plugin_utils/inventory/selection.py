# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which devices to read: the selection options turned into one pine query for ``/v7/device``.

Within one option the values are alternatives (any of these fleets); different options must all
hold (these fleets *and* online). Everything here is pushed to the server.
"""

from __future__ import annotations

DEVICE_FIELDS = (
    "id", "uuid", "device_name", "note", "is_online", "overall_status", "api_heartbeat_state", "os_version",
    "os_variant", "supervisor_version", "ip_address", "public_address", "mac_address", "is_connected_to_vpn",
)

DEVICE_EXPAND = {
    "belongs_to__application": {
        "$select": ["id", "slug", "app_name"],
        "$expand": {"organization": {"$select": ["id", "handle"]}},
    },
    "is_of__device_type": {"$select": ["slug"]},
    "device_tag": {"$select": ["tag_key", "value"]},
    "is_running__release": {"$select": ["commit", "raw_version"]},
    "should_be_running__release": {"$select": ["commit", "raw_version"]},
}

SELECTION_OPTIONS = ("fleets", "organizations", "device_types", "online_only", "overall_status", "os_versions",
                     "tags", "filter")


class SelectionError(ValueError):
    """A selection option has a value that cannot be turned into a query."""


def is_id(value):
    if isinstance(value, bool):
        return False
    return isinstance(value, int) or (isinstance(value, str) and value.strip().isdigit())


def _one_of(alias, field, values):
    """``alias/field eq v`` for one value, ``alias/field in (...)`` for several (``field ...`` without alias)."""
    values = list(values)
    condition = {field: values[0] if len(values) == 1 else {"$in": values}}
    return {alias: condition} if alias else condition


def _any_of(conditions):
    conditions = [condition for condition in conditions if condition]
    if len(conditions) == 1:
        return conditions[0]
    return {"$or": conditions}


def _all_of(conditions):
    conditions = [condition for condition in conditions if condition]
    if not conditions:
        return None
    if len(conditions) == 1:
        return conditions[0]
    return {"$and": conditions}


def _navigation(name, alias, condition):
    return {name: {"$any": {"$alias": alias, "$expr": condition}}}


def fleet_keys(fleets):
    """``(ids, slugs, names)``: how each given fleet is matched (slugs in lower case)."""
    ids = sorted({int(fleet) for fleet in fleets if is_id(fleet)})
    named = [str(fleet).strip() for fleet in fleets if not is_id(fleet)]
    slugs = sorted({name.lower() for name in named if "/" in name})
    names = sorted({name for name in named if "/" not in name})
    return ids, slugs, names


def fleet_match(fleets, alias=None):
    """A fleet (``application``) is one of ``fleets``: by id, by slug (``org/name``) or by name alone."""
    ids, slugs, names = fleet_keys(fleets)
    parts = []
    if ids:
        parts.append(_one_of(alias, "id", ids))
    if slugs:
        parts.append(_one_of(alias, "slug", slugs))
    if names:
        parts.append(_one_of(alias, "app_name", names))
    return _any_of(parts)


def fleet_condition(fleets):
    """Devices of these fleets."""
    return _navigation("belongs_to__application", "a", fleet_match(fleets, "a"))


def organization_keys(organizations):
    """``(ids, handles)`` of the given organizations."""
    ids = sorted({int(org) for org in organizations if is_id(org)})
    handles = sorted({str(org).strip() for org in organizations if not is_id(org)})
    return ids, handles


def organization_match(organizations, alias=None):
    ids, handles = organization_keys(organizations)
    parts = []
    if ids:
        parts.append(_one_of(alias, "id", ids))
    if handles:
        parts.append(_one_of(alias, "handle", handles))
    return _any_of(parts)


def organization_condition(organizations):
    """Devices of fleets of these organizations."""
    return _navigation("belongs_to__application", "a",
                       {"a": _navigation("organization", "o", organization_match(organizations, "o"))})


def device_type_condition(slugs):
    return _navigation("is_of__device_type", "t", _one_of("t", "slug", sorted({str(slug).strip() for slug in slugs})))


def overall_status_condition(statuses):
    values = sorted({str(status).strip() for status in statuses})
    return {"overall_status": values[0] if len(values) == 1 else {"$in": values}}


def os_version_condition(versions):
    """A version matches itself and its finer versions: ``6.0`` selects 6.0.13 and 6.0.2+rev1."""
    parts = []
    for version in versions:
        text = str(version).strip()
        if not text.startswith("balenaOS"):
            text = "balenaOS " + text
        parts.append({"$or": [
            {"os_version": text},
            {"$startswith": [{"$": "os_version"}, text + "."]},
            {"$startswith": [{"$": "os_version"}, text + "+"]},
        ]})
    return _any_of(parts)


def parse_tag(text):
    """``key`` or ``key=value`` -> ``(key, value or None)``."""
    text = str(text)
    key, separator, value = text.partition("=")
    key = key.strip()
    if not key:
        raise SelectionError("tags: {0!r} has no tag key (use KEY or KEY=VALUE)".format(text))
    return key, (value if separator else None)


def tag_condition(tags):
    parts = []
    for tag in tags:
        key, value = parse_tag(tag)
        condition = {"tag_key": key}
        if value is not None:
            condition["value"] = value
        condition = {"t": condition}
        parts.append(_navigation("device_tag", "t", condition))
    return _any_of(parts)


def device_filter(selection):
    """The pine ``$filter`` object for the selection options, or None for every device."""
    conditions = []
    if selection.get("fleets"):
        conditions.append(fleet_condition(selection["fleets"]))
    if selection.get("organizations"):
        conditions.append(organization_condition(selection["organizations"]))
    if selection.get("device_types"):
        conditions.append(device_type_condition(selection["device_types"]))
    if selection.get("online_only"):
        conditions.append({"is_online": True})
    if selection.get("overall_status"):
        conditions.append(overall_status_condition(selection["overall_status"]))
    if selection.get("os_versions"):
        conditions.append(os_version_condition(selection["os_versions"]))
    if selection.get("tags"):
        conditions.append(tag_condition(selection["tags"]))
    raw = selection.get("filter")
    if raw is not None and str(raw).strip():
        conditions.append({"$raw": str(raw).strip()})
    return _all_of(conditions)


def device_query(selection):
    """The pine params (without paging) that read the selected devices with everything the inventory needs."""
    options = {"$select": list(DEVICE_FIELDS), "$expand": DEVICE_EXPAND, "$orderby": "id asc"}
    condition = device_filter(selection)
    if condition is not None:
        options["$filter"] = condition
    return {"resource": "device", "options": options}
