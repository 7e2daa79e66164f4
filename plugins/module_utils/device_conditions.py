# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a device can be waited for, each a check of one device row read with ``WAIT_OPTIONS``.

``online``/``offline`` read ``is_online`` (as the inventory does); a release matches by commit
(full, or a prefix of at least 7 characters) or by version; OS and supervisor versions match with
or without the ``balenaOS``/``v`` prefix, and a ``+rev`` suffix counts only when both sides have one; an update is finished when the
dashboard status is idle again (``operational``, formerly ``idle``).
"""

from __future__ import annotations

from .errors import ParameterError
from .linked import linked

WAIT_FIELDS = ["id", "uuid", "device_name", "is_online", "overall_status", "os_version", "supervisor_version",
               "update_status", "last_update_status_event", "last_connectivity_event", "provisioning_state"]
WAIT_OPTIONS = {
    "$select": WAIT_FIELDS,
    "$expand": {"is_running__release": {"$select": ["commit", "raw_version", "semver"]}},
}
IDLE_STATUSES = ("operational", "idle")
# The update statuses of a device that gave up its update (balena: the lowest of its reported releases).
FAILED_UPDATES = ("aborted", "rejected")
# The provisioning state the host OS update reports when it fails (until a new update starts).
OS_UPDATE_FAILED = "os update failed"
SHORT_COMMIT = 7


def _bare_version(text):
    text = (text or "").strip()
    for prefix in ("balenaos", "resin os"):
        if text.lower().startswith(prefix):
            text = text[len(prefix):].strip()
    return text[1:] if text.startswith("v") else text


def _same_version(found, wanted):
    """Equal versions; a revision (``+rev1``) counts only when both sides name one."""
    found, wanted = _bare_version(found), _bare_version(wanted)
    if not found or found.split("+")[0] != wanted.split("+")[0]:
        return False
    return "+" not in found or "+" not in wanted or found == wanted


def release_commit(row):
    """The commit of the release a device row runs, or None."""
    return linked(row.get("is_running__release")).get("commit")


def _runs_release(row, wanted):
    running = row.get("is_running__release")
    commit = release_commit(row) or ""
    if commit and (commit == wanted or len(wanted) >= SHORT_COMMIT and commit.startswith(wanted)):
        return True
    return any(linked(running).get(field) == wanted for field in ("raw_version", "semver"))


class Condition(object):
    """One thing to wait for: a name for messages and a check of a device row. ``needs_update`` marks a
    condition that an update the device gave up cannot meet, even when the rest of the row does."""

    def __init__(self, name, check, needs_update=False, needs_os_update=False, names_target=False, about_release=False):
        self.name = name
        self.check = check
        self.needs_update = needs_update
        self.needs_os_update = needs_os_update
        self.names_target = names_target
        # a release update the device gives up (``update_status``) concerns it
        self.about_release = about_release or needs_update


def conditions_from(online=None, release=None, os_version=None, supervisor_version=None, update_finished=False):
    """The conditions the options ask for (every one must hold); at least one is required."""
    conditions = []
    if online is not None:
        wanted = bool(online)
        conditions.append(Condition("online" if wanted else "offline", lambda row: bool(row.get("is_online")) == wanted))
    if release is not None:
        if not str(release).strip():
            raise ParameterError("release", "must be a commit or a release version")
        wanted_release = str(release).strip()
        conditions.append(Condition("running release {0}".format(wanted_release),
                                    lambda row: _runs_release(row, wanted_release), names_target=True, about_release=True))
    if os_version is not None:
        if not _bare_version(os_version):
            raise ParameterError("os_version", "must be a balenaOS version such as 6.0.13")
        conditions.append(Condition("on balenaOS {0}".format(_bare_version(os_version)),
                                    lambda row: _same_version(row.get("os_version"), os_version),
                                    needs_os_update=True, names_target=True))
    if supervisor_version is not None:
        if not _bare_version(supervisor_version):
            raise ParameterError("supervisor_version", "must be a supervisor version such as 17.0.3")
        conditions.append(Condition("on supervisor {0}".format(_bare_version(supervisor_version)),
                                    lambda row: _same_version(row.get("supervisor_version"), supervisor_version),
                                    names_target=True))
    if update_finished:
        conditions.append(Condition("update finished", lambda row: row.get("overall_status") in IDLE_STATUSES, needs_update=True))
    return conditions


def back_online(before):
    """Online again since ``before`` (device id -> its ``last_connectivity_event`` then): it went away and
    came back, even if no poll saw it offline."""
    return Condition("back online", lambda row: bool(row.get("is_online"))
                     and row.get("last_connectivity_event") != before.get(row["id"]))


def describe_conditions(conditions):
    return " and ".join(condition.name for condition in conditions)


def update_failed(row):
    """Whether the device reports that it gave up its update (aborted or rejected)."""
    return row.get("update_status") in FAILED_UPDATES


def os_update_failed(row):
    """Whether the device reports that its host OS update failed."""
    return str(row.get("provisioning_state") or "").strip().lower() == OS_UPDATE_FAILED


def where_device_is(row):
    """What a device that has not converged is doing, for results and messages."""
    running = row.get("is_running__release")
    return {
        "is_online": row.get("is_online"),
        "overall_status": row.get("overall_status"),
        "running_release": linked(running).get("commit"),
        "os_version": row.get("os_version"),
        "supervisor_version": row.get("supervisor_version"),
        "update_status": row.get("update_status"),
    }
