# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Wait until devices meet conditions: one request per page of devices per poll, however many.

The devices are fixed when the wait starts (by id); each poll reads the ones that have not yet
converged, and a device counts as converged from the first poll that sees it meet every condition.
"""

from __future__ import annotations

import time
from datetime import datetime, timezone

from .device_conditions import WAIT_OPTIONS, describe_conditions, where_device_is
from .query_filters import all_of, one_or_many
from .timestamps import canonical

IDS_PER_REQUEST = 500   # keeps the `id in (...)` filter of a poll well under URL limits
LAGGARDS_IN_MESSAGE = 10
SHORT = 7


def _now_text():
    return canonical(datetime.now(timezone.utc).isoformat())


class WaitResult(object):
    def __init__(self, converged, pending, polls, elapsed, conditions):
        self.converged = converged
        self.pending = pending
        self.polls = polls
        self.elapsed = elapsed
        self.conditions = conditions

    @property
    def done(self):
        return not self.pending

    def as_dict(self):
        return {"converged": self.converged, "pending": self.pending, "polls": self.polls,
                "elapsed": round(self.elapsed, 1), "waited_for": describe_conditions(self.conditions)}

    def message(self, timeout):
        shown = ", ".join("{0} ({1})".format(device["uuid"], _where(device)) for device in self.pending[:LAGGARDS_IN_MESSAGE])
        more = " and {0} more".format(len(self.pending) - LAGGARDS_IN_MESSAGE) if len(self.pending) > LAGGARDS_IN_MESSAGE else ""
        return "timed out after {0} s: {1} of {2} device(s) not {3}: {4}{5}".format(
            timeout, len(self.pending), len(self.pending) + len(self.converged),
            describe_conditions(self.conditions), shown, more)


def _where(device):
    parts = ["online" if device.get("is_online") else "offline", device.get("overall_status") or "unknown status"]
    if device.get("running_release"):
        parts.append("running {0}".format(device["running_release"][:SHORT]))
    if device.get("os_version"):
        parts.append(device["os_version"])
    if device.get("update_status") in ("aborted", "rejected"):
        parts.append("update {0}".format(device["update_status"]))
    return ", ".join(parts)


def _shown(row):
    return {"id": row["id"], "uuid": row["uuid"], "device_name": row.get("device_name")}


class DeviceWaiter(object):
    """Polls ``rows`` (device rows read with ``WAIT_OPTIONS``) until every one meets ``conditions``."""

    def __init__(self, pine, conditions, timeout, interval, clock=time.monotonic, sleep=time.sleep):
        self.pine = pine
        self.conditions = conditions
        self.timeout = timeout
        self.interval = interval
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

    def wait(self, rows):
        """Wait from ``rows`` (the devices as just read); returns a WaitResult, done or not."""
        started = self._clock()
        deadline = started + self.timeout
        converged, pending, polls = [], {}, 1
        current = rows
        while True:
            for row in current:
                if all(condition.check(row) for condition in self.conditions):
                    pending.pop(row["id"], None)
                    converged.append(dict(_shown(row), seen_at=_now_text(), after=round(self._clock() - started, 1)))
                else:
                    pending[row["id"]] = row
            now = self._clock()
            if not pending or now >= deadline:
                break
            self._sleep(max(0.0, min(self.interval, deadline - now)))
            current = self.read(sorted(pending))
            gone = set(pending) - set(row["id"] for row in current)
            for device_id in gone:   # deleted while waited for: it will never converge
                pending[device_id] = dict(pending[device_id], is_online=False, overall_status="deleted")
            polls += 1
        return WaitResult(
            converged,
            [dict(_shown(pending[device_id]), **where_device_is(pending[device_id])) for device_id in sorted(pending)],
            polls, self._clock() - started, self.conditions)
