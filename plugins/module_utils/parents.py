# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Find the parents of ``key = value`` rows (fleets, devices, services, releases, memberships)
together with their current rows: one request per parent, or per chunk of devices."""

from __future__ import annotations

from .errors import ParameterError

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


def service_installs(keyed, service_name):
    """The ``$expand`` of a device's install of the service ``service_name``, with its rows."""
    return {
        "$select": ["id"],
        "$filter": {"installs__service": {"$any": {"$alias": "s", "$expr": {"s": {"service_name": service_name}}}}},
        "$expand": keyed.expand(),
    }


def device_service(balena, keyed, device_identifier, service_name):
    found = balena.models.device.get(identifier(device_identifier), {
        "$select": ["id", "uuid"], "$expand": dict(FLEET_SLUG, service_install=service_installs(keyed, service_name))})
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
