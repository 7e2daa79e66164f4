# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Host names and group names taken from device data never meet.

Ansible applies ``add_child`` and ``set_variable`` to the group when a name is both a host and a
group, so a device named after a group would change that group; a group named ``localhost`` or
after a host would capture the controller or that host in patterns.
"""

from __future__ import annotations

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.hostnames import LOCAL_NAMES, RESERVED_GROUPS


def group_name_problem(group, hosts):
    """Why a group made from device data may not be called ``group``, or None. ``hosts``: the host names."""
    if group.lower() in LOCAL_NAMES:
        return "Ansible would take it for the controller itself"
    if group in RESERVED_GROUPS:
        return "Ansible reserves that group name"
    if group in hosts:
        return "it is the name of a host"
    return None


def unsafe_name_warning(name, record, reason):
    return "balena inventory: device {0} is named {1} instead of {2!r}: {3}".format(
        record["uuid"], record["uuid"], str(name), reason)


def settle(inventory, groups_before, ours, warn):
    """Undo what compose/groups/keyed_groups made clash, once every device is in.

    New groups with an implicit-localhost name or the name of a host of another source are removed;
    a device of ``ours`` (``{host name: record}``) whose name became a group name is renamed to its uuid.
    """
    for name in sorted(set(inventory.groups) - set(groups_before)):
        reason = group_name_problem(name, [host for host in inventory.hosts if host not in ours])
        if reason:
            warn("balena inventory: the group {0!r} made by groups or keyed_groups is left out: {1}".format(name, reason))
            inventory.remove_group(inventory.groups[name])
    for name, record in sorted(ours.items()):
        if name in inventory.groups and name in inventory.hosts:
            warn(unsafe_name_warning(name, record, "it is the name of a group"))
            _rename(inventory, name, record["uuid"])


def _rename(inventory, old, new):
    host = inventory.hosts[old]
    variables = dict(host.vars)
    groups = [group.name for group in host.get_groups() if group.name != "all"]
    inventory.remove_host(host)
    inventory.add_host(new)
    renamed = inventory.hosts[new]
    for key, value in variables.items():
        renamed.set_variable(key, value)
    for group in groups:
        if group in inventory.groups:
            inventory.groups[group].add_host(renamed)
