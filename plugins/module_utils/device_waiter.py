# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait until devices meet conditions: one request per page of devices per poll, however many.

The devices are fixed when the wait starts (by id); each poll reads the ones that have not yet
converged, and a device counts as converged from the first poll that sees it meet every condition,
or as failed from the first poll that shows it can no longer do so.
"""

from __future__ import annotations

import math
import time
from datetime import datetime, timezone

from .device_conditions import FAILED_UPDATES, WAIT_OPTIONS, describe_conditions, os_update_failed, update_failed, where_device_is
from .errors import ParameterError
from .query_filters import all_of, one_or_many
from .timestamps import canonical

IDS_PER_REQUEST = 500   # keeps the `id in (...)` filter of a poll well under URL limits
LAGGARDS_IN_MESSAGE = 10
SHORT = 7
MIN_INTERVAL = 0.2      # seconds; a shorter interval would only flood the API with polls

# The options of a module that can wait after its change, checked by ``check_wait_options``.
WAIT_SPEC = {
    "wait": {"type": "bool", "default": False},
    "wait_timeout": {"type": "float", "default": 600},
    "wait_interval": {"type": "float", "default": 10},
}


def check_seconds(params, timeout="wait_timeout", interval="wait_interval"):
    """Refuse a timeout that is not a finite number of 0 or more seconds, and an interval that is not a
    finite number of at least ``MIN_INTERVAL`` seconds (``nan`` compares false with everything, so it is
    named here)."""
    if not math.isfinite(params[timeout]) or params[timeout] < 0:
        raise ParameterError(timeout, "must be a finite number of 0 or more seconds, not {0}".format(params[timeout]))
    if not math.isfinite(params[interval]) or params[interval] < MIN_INTERVAL:
        raise ParameterError(interval, "must be a finite number of at least {0} seconds, not {1}".format(
            MIN_INTERVAL, params[interval]))


def check_wait_options(params, warn):
    """Refuse bad wait options, and ``warn`` about those given without ``wait``, which would do nothing."""
    check_seconds(params)
    unused = [name for name in ("wait_timeout", "wait_interval") if params[name] != WAIT_SPEC[name]["default"]]
    if unused and not params["wait"]:
        warn("{0} only applies with wait: true, and is ignored without it".format(" and ".join(unused)))


def _now_text():
    return canonical(datetime.now(timezone.utc).isoformat())


class WaitResult(object):
    """What a wait saw: the devices that ``converged``, those that ``failed`` (they can no longer converge,
    each with its ``reason``; ``failed_devices`` in results, as ``failed`` is the task's own flag) and those
    still ``pending`` when it ended."""

    def __init__(self, converged, failed, pending, polls, elapsed, conditions):
        self.converged = converged
        self.failed = failed
        self.pending = pending
        self.polls = polls
        self.elapsed = elapsed
        self.conditions = conditions

    @property
    def done(self):
        return not self.pending and not self.failed

    def as_dict(self):
        return {"converged": self.converged, "failed_devices": self.failed, "pending": self.pending, "polls": self.polls,
                "elapsed": round(self.elapsed, 1), "waited_for": describe_conditions(self.conditions)}

    def message(self, timeout):
        total = len(self.converged) + len(self.failed) + len(self.pending)
        wanted = describe_conditions(self.conditions)
        parts = []
        if self.failed:
            parts.append("{0} of {1} device(s) will not converge ({2}): {3}".format(len(self.failed), total, wanted, _listed(self.failed, _why)))
        if self.pending:
            parts.append("timed out after {0} s: {1} of {2} device(s) not {3}: {4}".format(
                timeout, len(self.pending), total, wanted, _listed(self.pending, _where)))
        return "; ".join(parts)


def _listed(devices, where):
    shown = ", ".join("{0} ({1})".format(device["uuid"], where(device)) for device in devices[:LAGGARDS_IN_MESSAGE])
    more = " and {0} more".format(len(devices) - LAGGARDS_IN_MESSAGE) if len(devices) > LAGGARDS_IN_MESSAGE else ""
    return shown + more


def _where(device, with_update=True):
    parts = ["online" if device.get("is_online") else "offline", device.get("overall_status") or "unknown status"]
    if device.get("running_release"):
        parts.append("running {0}".format(device["running_release"][:SHORT]))
    if device.get("os_version"):
        parts.append(device["os_version"])
    if with_update and device.get("update_status") in FAILED_UPDATES:
        parts.append("update {0}".format(device["update_status"]))
    return ", ".join(parts)


def _why(device):
    return "{0}; {1}".format(device["reason"], _where(device, with_update=False))


def _shown(row):
    return {"id": row["id"], "uuid": row["uuid"], "device_name": row.get("device_name")}


class DeviceWaiter(object):
    """Polls ``rows`` (device rows read with ``WAIT_OPTIONS``) until every one meets ``conditions`` or can no
    longer do so: it gave up its update (aborted or rejected), or it was deleted.

    ``earlier_failures`` says whether an update the device had already given up when the wait started counts:
    it does for a plain wait, not after a change that just gave the devices a new target (that failure was
    about an earlier one). The wait ends as soon as no device is left that may still converge.
    """

    def __init__(self, pine, conditions, timeout, interval, clock=time.monotonic, sleep=time.sleep, earlier_failures=True):
        self.pine = pine
        self.conditions = conditions
        self.timeout = timeout
        self.interval = interval
        self.earlier_failures = earlier_failures
        self._clock = clock
        self._sleep = sleep

    def read(self, ids):
        """The current rows of the devices ``ids``: one request per ``IDS_PER_REQUEST`` devices."""
        rows = []
        for start in range(0, len(ids), IDS_PER_REQUEST):
            where = all_of([one_or_many("id", ids[start:start + IDS_PER_REQUEST])])
            options = dict(WAIT_OPTIONS, **{"$filter": where})
            rows.extend(self.pine.iterate({"resource": "device", "options": options}, page_size=IDS_PER_REQUEST))
        return rows

    def why_not(self, row, earlier):
        """Why the device can no longer meet the conditions, or None; ``earlier`` holds the update status
        times of failures that do not count."""
        if row.get("overall_status") == "deleted":
            return "deleted"
        if os_update_failed(row) and any(condition.needs_os_update for condition in self.conditions) \
                and not any(condition.check(row) for condition in self.conditions if condition.needs_os_update):
            return "OS update failed"
        if not update_failed(row) or not any(condition.about_release for condition in self.conditions) \
                or earlier.get(row["id"], ()) == row.get("last_update_status_event"):
            return None
        met = all(condition.check(row) for condition in self.conditions)
        if met and not any(condition.needs_update for condition in self.conditions):
            return None
        return "update {0}".format(row["update_status"])

    def wait(self, rows, once=False):
        """Wait from ``rows`` (the devices as just read); returns a WaitResult, done or not. With ``once``,
        only sort the devices as ``rows`` show them, without polling."""
        started = self._clock()
        deadline = started + self.timeout
        earlier = {} if self.earlier_failures else {
            row["id"]: row.get("last_update_status_event") for row in rows if update_failed(row)}
        converged, failed, pending, polls = [], [], {}, 1
        current = rows
        while True:
            for row in current:
                pending.pop(row["id"], None)
                reason = self.why_not(row, earlier)
                if reason is not None:
                    failed.append(dict(_shown(row), reason=reason, after=round(self._clock() - started, 1), **where_device_is(row)))
                elif all(condition.check(row) for condition in self.conditions):
                    converged.append(dict(_shown(row), seen_at=_now_text(), after=round(self._clock() - started, 1)))
                else:
                    pending[row["id"]] = row
            now = self._clock()
            if once or not pending or now >= deadline:
                break
            self._sleep(max(0.0, min(self.interval, deadline - now)))
            current = self.read(sorted(pending))
            gone = set(pending) - set(row["id"] for row in current)
            for device_id in sorted(gone):   # deleted while waited for: it will never converge
                current.append(dict(pending[device_id], is_online=False, overall_status="deleted"))
            polls += 1
        return WaitResult(
            converged, failed,
            [dict(_shown(pending[device_id]), **where_device_is(pending[device_id])) for device_id in sorted(pending)],
            polls, self._clock() - started, self.conditions)
