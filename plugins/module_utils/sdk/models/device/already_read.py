# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A device a caller has already read can stand in for its uuid or id (ours, beyond the official SDK).

Device actions need a few fields of the device (its id, uuid, fleet, supervisor or OS version).
A caller acting on many devices reads them all at once; handing each row to the action saves
one lookup per device. A row missing a needed field is not trusted: the device is read again.
"""

from __future__ import annotations


def _selected(options):
    select = options.get("$select") or []
    return [select] if isinstance(select, str) else list(select)


def covers(row, options):
    """Whether ``row`` holds every field that ``options`` would ``$select`` and ``$expand``."""
    if not isinstance(row, dict):
        return False
    needed = _selected(options) + list((options.get("$expand") or {}).keys())
    return all(field in row for field in needed)


def device_for_action(model, uuid_or_id, options):
    """``uuid_or_id`` itself when it is a device row that ``covers`` ``options``, else the device read with them."""
    if covers(uuid_or_id, options):
        return uuid_or_id
    if isinstance(uuid_or_id, dict):
        uuid_or_id = uuid_or_id.get("id", uuid_or_id.get("uuid"))
    return model.get(uuid_or_id, options)
