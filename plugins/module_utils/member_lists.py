# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Lists of people (or fleets) with a role, as the user writes them, planned against what exists.

A list is ``{name: role}``; names are matched without regard to case and shown as stored.
"""

from __future__ import annotations

from .errors import ParameterError


def desired_roles(entries, key, parameter, default_role, current, allowed_roles):
    """``{name: role}`` from ``[{key: name, role: role}]``; a missing role keeps the current one (or the default)."""
    stored = {name.lower(): name for name in current}
    wanted = {}
    for index, entry in enumerate(entries or []):
        if isinstance(entry, str):
            entry = {key: entry}
        if not isinstance(entry, dict) or not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ParameterError(parameter, "entry {0} needs a {1}".format(index + 1, key))
        unknown = sorted(set(entry) - {key, "role"})
        if unknown:
            raise ParameterError(parameter, "entry {0} has unknown field(s) {1}; only {2} and role".format(index + 1, ", ".join(unknown), key))
        role = entry.get("role")
        if role is not None and role not in allowed_roles:
            raise ParameterError(parameter, "the role {0!r} of {1} is not one of {2}".format(role, entry[key], ", ".join(allowed_roles)))
        name = stored.get(entry[key].strip().lower(), entry[key].strip())
        if name in wanted:
            raise ParameterError(parameter, "{0} is listed twice".format(name))
        wanted[name] = role or current.get(name) or default_role
    return wanted
