# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The devices of O(uuids) or O(selector) as parents of ``key = value`` rows, read together with
their current rows: one request per 100 listed devices, or per page of a selector."""

from __future__ import annotations

from . import device_selection
from .errors import ParameterError
from .parents import FLEET_SLUG, Parent, fleet_of, service_installs


def find(module, keyed, service_name=None):
    """The chosen devices (or their service ``service_name``) as ``Parent``s, in the order found."""
    expand = dict(FLEET_SLUG, service_install=service_installs(keyed, service_name)) if service_name is not None \
        else dict(keyed.expand(), **FLEET_SLUG)
    options = {"$select": ["id", "uuid"], "$expand": expand}
    params = module.params
    if params["uuids"] is not None:
        if not params["uuids"]:
            raise ParameterError("uuids", "lists no device")
        rows = device_selection.listed(module.client.pine, params["uuids"], options)
    else:
        rows = device_selection.select(module, options)
    if service_name is None:
        return [Parent(row["id"], "device", row["uuid"], row[keyed.resource], keyed, fleet_of(row)) for row in rows]
    lacking = [row["uuid"] for row in rows if not row["service_install"]]
    if lacking:
        shown = ", ".join(lacking[:5]) + (" ..." if len(lacking) > 5 else "")
        raise ParameterError("service", "{0} device(s) have no service named {1!r}: {2}".format(len(lacking), service_name, shown))
    return [Parent(row["service_install"][0]["id"], "service", "{0} on device {1}".format(service_name, row["uuid"]),
                   row["service_install"][0][keyed.resource], keyed, fleet_of(row)) for row in rows]
