# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Host variables: the device record under a prefix, never under a name Ansible reserves."""

from __future__ import annotations


class HostvarsError(ValueError):
    """The prefix would produce invalid or reserved variable names."""


def exported_names(record_keys, prefix, reserved):
    """``{record key: variable name}``; raises HostvarsError naming every bad variable."""
    names = {}
    bad = []
    for key in record_keys:
        name = prefix + key
        if not name.isidentifier() or name in reserved:
            bad.append(name)
        names[key] = name
    if bad:
        raise HostvarsError(
            "hostvars_prefix {0!r} gives invalid or reserved variable names: {1}; use a prefix such as 'balena_'".format(
                prefix, ", ".join(sorted(bad))))
    return names


def host_variables(record, names):
    """The variables of one host, with the names from ``exported_names``."""
    return {name: record[key] for key, name in names.items() if key in record}
