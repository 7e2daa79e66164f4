# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Find the parents of ``key = value`` rows (fleets, devices, services, releases, memberships)
together with their current rows: one request per parent, or per chunk of devices."""

from __future__ import annotations

from .errors import ParameterError

DEVICE_LOOKUP_CHUNK = 100  # 100 uuids keep a lookup URL far below the API's 16 KiB limit
FULL_UUID_LENGTHS = (32, 62)


FLEET_SLUG = {"belongs_to__application": {"$select": ["id", "slug"]}}


class Parent:
    """One parent: its id, how to name it to a user (``"fleet demo/signage"``), its rows and the
    slug of the fleet it is part of (what access to it depends on), when known."""

    def __init__(self, parent_id, noun, label, rows, keyed, fleet=None):
        self.id = parent_id
        self.noun = noun
        self.label = label
        self.fleet = fleet
        self.row_ids = {row[keyed.key_field]: row["id"] for row in rows}
        self.current = {row[keyed.key_field]: row["value"] for row in rows}

    @property
    def title(self):
        return "{0} {1}".format(self.noun, self.label)


def identifier(value):
    """A user-given identifier as the SDK takes it: digits become a numeric id."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    text = str(value).strip()
    return int(text) if text.isdigit() and len(text) not in FULL_UUID_LENGTHS else text


def fleet_of(row):
    """The slug of the fleet a row expanded with ``FLEET_SLUG`` belongs to, or None."""
    expanded = row.get("belongs_to__application")
    return expanded[0].get("slug") if isinstance(expanded, list) and expanded else None


def _with_fleet(keyed):
    return dict(keyed.expand(), **FLEET_SLUG)


def fleet(balena, keyed, fleet_identifier):
    found = balena.models.application.get(identifier(fleet_identifier), {"$select": ["id", "slug"], "$expand": keyed.expand()})
    return [Parent(found["id"], "fleet", found["slug"], found[keyed.resource], keyed, found["slug"])]


def device(balena, keyed, device_identifier):
    found = balena.models.device.get(identifier(device_identifier), {"$select": ["id", "uuid"], "$expand": _with_fleet(keyed)})
    return [Parent(found["id"], "device", found["uuid"], found[keyed.resource], keyed, fleet_of(found))]


def devices(balena, keyed, device_identifiers, parameter="devices"):
    """Many devices by id or full uuid, read in chunks; every one must exist."""
    wanted = [identifier(value) for value in device_identifiers]
    if not wanted:
        raise ParameterError(parameter, "lists no device")
    by_id = [value for value in wanted if isinstance(value, int)]
    by_uuid = [value for value in wanted if not isinstance(value, int)]
    bad = [value for value in by_uuid if len(value) not in FULL_UUID_LENGTHS]
    if bad:
        raise ParameterError(parameter, "{0!r} is neither a device id nor a full (32 or 62 character) uuid".format(bad[0]))
    found = {}
    for field, values in (("id", by_id), ("uuid", by_uuid)):
        unique = sorted(set(values), key=values.index)
        for start in range(0, len(unique), DEVICE_LOOKUP_CHUNK):
            chunk = unique[start:start + DEVICE_LOOKUP_CHUNK]
            match = {field: chunk[0]} if len(chunk) == 1 else {field: {"$in": chunk}}
            rows = balena.models.device.get_all({"$select": ["id", "uuid"], "$filter": match, "$expand": _with_fleet(keyed)})
            for row in rows:
                found[row[field]] = row
    missing = [value for value in wanted if value not in found]
    if missing:
        shown = ", ".join(str(value) for value in missing[:5]) + (" ..." if len(missing) > 5 else "")
        raise ParameterError(parameter, "{0} device(s) not found or not accessible: {1}".format(len(missing), shown))
    parents, seen = [], set()
    for value in wanted:
        row = found[value]
        if row["id"] not in seen:
            seen.add(row["id"])
            parents.append(Parent(row["id"], "device", row["uuid"], row[keyed.resource], keyed, fleet_of(row)))
    return parents


def fleet_service(balena, keyed, fleet_identifier, service_name):
    services = balena.models.service.get_all_by_application(identifier(fleet_identifier), {
        "$select": ["id", "service_name"],
        "$filter": {"service_name": service_name},
        "$expand": dict(keyed.expand(), application={"$select": ["id", "slug"]}),
    })
    if not services:
        raise ParameterError("service", "fleet {0} has no service named {1!r}".format(fleet_identifier, service_name))
    found = services[0]
    label = "{0} of fleet {1}".format(service_name, fleet_identifier)
    return [Parent(found["id"], "service", label, found[keyed.resource], keyed, found["application"][0]["slug"])]


def device_service(balena, keyed, device_identifier, service_name):
    installs = {
        "$select": ["id"],
        "$filter": {"installs__service": {"$any": {"$alias": "s", "$expr": {"s": {"service_name": service_name}}}}},
        "$expand": keyed.expand(),
    }
    found = balena.models.device.get(identifier(device_identifier), {
        "$select": ["id", "uuid"], "$expand": dict(FLEET_SLUG, service_install=installs)})
    if not found["service_install"]:
        raise ParameterError("service", "device {0} has no service named {1!r}".format(found["uuid"], service_name))
    install = found["service_install"][0]
    label = "{0} on device {1}".format(service_name, found["uuid"])
    return [Parent(install["id"], "service", label, install[keyed.resource], keyed, fleet_of(found))]


def release(balena, keyed, release_identifier):
    found = balena.models.release.get(identifier(release_identifier), {"$select": ["id", "commit"], "$expand": _with_fleet(keyed)})
    return [Parent(found["id"], "release", found["commit"], found[keyed.resource], keyed, fleet_of(found))]


def organization_membership(balena, keyed, membership_id):
    found = balena.models.organization.membership.get(int(membership_id), {"$select": ["id"], "$expand": keyed.expand()})
    return [Parent(found["id"], "organization membership", str(found["id"]), found[keyed.resource], keyed)]
