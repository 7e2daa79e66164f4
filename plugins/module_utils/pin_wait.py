# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What ``balena_device`` waits for after pinning or moving devices: that they run what they were
pinned to (release, balenaOS, supervisor), or after a move without a pin, their new fleet's release."""

from __future__ import annotations

from .device_conditions import conditions_from
from .errors import ParameterError
from .linked import linked

PIN_OPTIONS = ("release", "os_version", "supervisor_version", "fleet")


def check_something_to_wait_for(params):
    if params["wait"] and all(params[name] is None for name in PIN_OPTIONS):
        raise ParameterError("wait", "there is nothing to wait for without release, os_version, supervisor_version or fleet")


def pin_conditions(params, moved_to):
    """The conditions for the pins of ``params``; ``moved_to`` is the fleet the devices were moved to, if any."""
    conditions = conditions_from(release=params["release"], os_version=params["os_version"],
                                 supervisor_version=params["supervisor_version"])
    if params["release"] is None and moved_to is not None and params["track_fleet"] is not False:
        commit = linked(moved_to.get("should_be_running__release")).get("commit")
        if commit:
            conditions.extend(conditions_from(release=commit))
    return conditions
