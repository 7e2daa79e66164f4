# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which devices a task is about: one (``uuid`` or ``id``), a list (``uuids``) or a ``selector``.

Every form is read with the caller's ``$select``/``$expand`` in as few requests as possible:
one for a device, one per 100 listed devices, one per page for a selector.
"""

from __future__ import annotations

from .errors import ParameterError
from .parents import FULL_UUID_LENGTHS, identifier
from .sdk.identifiers import application_navigation_filter
from .query_filters import all_of, has_tags, one_or_many, through
from .selection_names import explain_empty

LOOKUP_CHUNK = 100
PAGE_SIZE = 1000

SELECTOR_SPEC = {
    "type": "dict",
    "options": {
        "fleet": {"type": "str"},
        "tags": {"type": "dict"},
        "device_type": {"type": "str"},
        "online": {"type": "bool"},
    },
}

TARGET_SPEC = {
    "uuid": {"type": "str"},
    "id": {"type": "int"},
    "uuids": {"type": "list", "elements": "str"},
    "selector": SELECTOR_SPEC,
    "fail_on_empty": {"type": "bool", "default": False},
}


def fleet_condition(fleet, navigation="belongs_to__application"):
    value = identifier(fleet)
    if isinstance(value, int):
        return {navigation: value}
    return application_navigation_filter(navigation, value)


def selector_conditions(selector):
    """``$filter`` conditions for a selector (fleet, tags, device type, online)."""
    conditions = []
    if selector.get("fleet") is not None:
        conditions.append(fleet_condition(selector["fleet"]))
    if selector.get("device_type") is not None:
        conditions.append(through("is_of__device_type", "dt", {"slug": selector["device_type"]}))
    if selector.get("online") is not None:
        conditions.append({"is_online": selector["online"]})
    conditions.extend(has_tags(selector.get("tags") or {}))
    return conditions


def check_selector(selector, parameter="selector"):
    if not any(selector.get(key) not in (None, {}) for key in ("fleet", "tags", "device_type", "online")):
        raise ParameterError(parameter, "give at least one of fleet, tags, device_type and online; an empty selector would match every device")


def one(pine, device, options):
    """One device by id or full uuid with ``options``, or None when there is none."""
    value = identifier(device)
    if not isinstance(value, int) and len(value) not in FULL_UUID_LENGTHS:
        raise ParameterError("uuid", "{0!r} is not a full (32 or 62 character) device uuid".format(value))
    key = value if isinstance(value, int) else {"uuid": value}
    return pine.get({"resource": "device", "id": key, "options": options})


def listed(pine, devices, options, parameter="uuids"):
    """The listed devices (ids or full uuids), in the order given; every one must exist."""
    wanted = [identifier(value) for value in devices]
    bad = [value for value in wanted if not isinstance(value, int) and len(value) not in FULL_UUID_LENGTHS]
    if bad:
        raise ParameterError(parameter, "{0!r} is neither a device id nor a full (32 or 62 character) uuid".format(bad[0]))
    found = {}
    for field in ("id", "uuid"):
        values = [value for value in wanted if isinstance(value, int) == (field == "id")]
        unique = sorted(set(values), key=values.index)
        for start in range(0, len(unique), LOOKUP_CHUNK):
            where = all_of([one_or_many(field, unique[start:start + LOOKUP_CHUNK]), options.get("$filter")])
            for row in pine.get({"resource": "device", "options": dict(options, **{"$filter": where})}):
                found[row[field]] = row
    missing = [value for value in wanted if value not in found]
    if missing:
        shown = ", ".join(str(value) for value in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise ParameterError(parameter, "{0} device(s) not found or not accessible: {1}".format(len(missing), shown))
    rows, seen = [], set()
    for value in wanted:
        if found[value]["id"] not in seen:
            seen.add(found[value]["id"])
            rows.append(found[value])
    return rows


def selected(pine, selector, options):
    """Every device matching ``selector``, page by page."""
    where = all_of(selector_conditions(selector) + [options.get("$filter")])
    params = {"resource": "device", "options": dict(options, **{"$filter": where})}
    return list(pine.iterate(params, page_size=PAGE_SIZE))


def select(module, options):
    """The devices of ``module.params["selector"]``; a selector that matches none is explained
    (``selection_names.explain_empty``)."""
    selector = module.params["selector"]
    check_selector(selector)
    found = selected(module.client.pine, selector, options)
    if not found:
        explain_empty(module, selector, "selector.", "the selector ({0})".format(_conditions(selector)), parameter="selector")
    return found


def _conditions(selector):
    return ", ".join("{0}={1}".format(key, value) for key, value in sorted(selector.items()) if value is not None)


def describe(params):
    """How messages name the devices of a task."""
    if params.get("uuid") is not None:
        return "device {0}".format(params["uuid"])
    if params.get("id") is not None:
        return "device id {0}".format(params["id"])
    if params.get("uuids") is not None:
        return "{0} listed device(s)".format(len(params["uuids"]))
    if params.get("selector") is not None:
        return "devices matching {0}".format(_conditions(params["selector"]))
    return "the device"
