# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What ``balena_device`` waits for after pinning or moving devices: that they run what they were
pinned to (balenaOS, supervisor) and, after a release pin, ``track_fleet`` or a move, the release the API
now makes each of them run (its target, read after the change), whatever named it (commit, version or id)."""

from __future__ import annotations

from .device_conditions import Condition, conditions_from, release_commit
from .errors import ParameterError
from .id_chunks import rows_by_id
from .linked import linked

PIN_OPTIONS = ("release", "track_fleet", "os_version", "supervisor_version", "fleet")
TARGET_OPTIONS = {"$select": ["id"], "$expand": {"should_be_running__release": {"$select": ["id", "commit"]}}}


def check_something_to_wait_for(params):
    if params["wait"] and all(params[name] is None for name in PIN_OPTIONS):
        raise ParameterError("wait", "there is nothing to wait for without release, track_fleet, os_version, "
                                     "supervisor_version or fleet")


def release_targets(pine, ids):
    """``{device id: commit}`` of the release the API makes each device run now (None for none)."""
    rows = rows_by_id(pine, "device", ids, TARGET_OPTIONS)
    return {device_id: linked(row.get("should_be_running__release")).get("commit") for device_id, row in rows.items()}


def runs_its_target(targets, release):
    """Running the release ``targets`` names for the device (``release``: what the user called it, or None)."""
    commits = sorted(set(commit for commit in targets.values() if commit))
    if release is not None and not str(release).strip().isdigit():
        name = "running release {0}".format(str(release).strip())
    elif len(commits) == 1:
        name = "running release {0}".format(commits[0])
    else:
        name = "running the release their fleet or pin names"
    return Condition(name, lambda row: targets.get(row["id"]) is not None and release_commit(row) == targets.get(row["id"]),
                     names_target=True, about_release=True)


def pin_conditions(params, moved_to, pine, ids):
    """The conditions for the pins of ``params`` on the devices ``ids``; ``moved_to`` is the fleet they were moved to, if any."""
    conditions = conditions_from(os_version=params["os_version"], supervisor_version=params["supervisor_version"])
    if params["release"] is not None or params["track_fleet"] is not None or moved_to is not None:
        conditions.append(runs_its_target(release_targets(pine, ids), params["release"]))
    return conditions
