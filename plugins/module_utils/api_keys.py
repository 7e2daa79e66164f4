# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""API keys of a user, a fleet (provisioning keys) or a device, read without their values.

Every read selects the fields below explicitly: the ``key`` column itself is never requested.
"""

from __future__ import annotations

from .account import caller, fleet_by_key
from .errors import ParameterError
from .timestamps import canonical

KEY_FIELDS = ["id", "name", "description", "expiry_date", "created_at"]


class Owner:
    """Whose keys: ``kind`` is ``user``, ``fleet`` or ``device``; ``actor`` is the id the keys belong to."""

    def __init__(self, kind, actor, label, names, fleet=None):
        self.kind = kind
        self.actor = actor
        self.label = label
        self.names = names
        self.fleet = fleet

    def describe(self):
        return "{0} {1}".format(self.kind, self.label)


def find_owner(client, fleet=None, device=None):
    """The owner given by ``fleet`` (slug or id), ``device`` (uuid) or, with neither, the caller."""
    pine = client.pine
    if fleet is not None:
        found = fleet_by_key(pine, fleet, extra_select=["actor"])
        return Owner("fleet", found["actor"]["__id"], found["slug"], {"fleet": found["slug"], "fleet_id": found["id"]}, fleet=found)
    if device is not None:
        rows = pine.get({"resource": "device", "options": {
            "$select": ["id", "uuid", "actor", "belongs_to__application"],
            "$filter": {"uuid": str(device).strip().lower()},
            "$expand": {"belongs_to__application": {
                "$select": ["id", "slug", "organization"],
                "$expand": {"organization": {"$select": ["id", "handle"]}},
            }},
        }})
        if not rows:
            raise ParameterError("device", "no device {0!r} exists that this API key can see".format(device))
        found = rows[0]
        fleet_row = found["belongs_to__application"][0]
        names = {"device": found["uuid"], "device_id": found["id"], "fleet": fleet_row["slug"], "fleet_id": fleet_row["id"]}
        return Owner("device", found["actor"]["__id"], found["uuid"], names, fleet=fleet_row)
    user = caller(client)
    return Owner("user", user["actor"], user["username"], {"user": user["username"], "user_id": user["id"]})


def keys_of(pine, owner, name=None):
    """The keys of ``owner`` (only those named ``name`` when given), oldest first, without values."""
    where = {"is_of__actor": owner.actor}
    if name is not None:
        where["name"] = name
    rows = pine.get({"resource": "api_key", "options": {"$select": KEY_FIELDS, "$filter": where, "$orderby": "id asc"}})
    return [shown_key(row, owner) for row in rows]


def shown_key(row, owner):
    """A key as returned to the user: its fields, dates in one form, and whose key it is."""
    shown = {field: row.get(field) for field in KEY_FIELDS}
    shown["expiry_date"] = canonical(shown["expiry_date"])
    shown["created_at"] = canonical(shown["created_at"])
    shown["owner"] = owner.kind
    shown.update(owner.names)
    return shown
