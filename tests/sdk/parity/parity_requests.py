# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which API requests each step sent, read from the emulator's request log, and how long it took."""

from __future__ import annotations

import collections

from parity_scenario import Observer

SETTLE_PAUSE = 0.005


class RequestRecorder(Observer):
    """Per step: the log entries (method, path, status, duration_ms) and the wall time of the call."""

    def __init__(self, emulator):
        self.emulator = emulator
        self.sent = {}
        self.seconds = {}
        self.methods = {}

    def before(self, step):
        # What was logged since the last step (a setup's raw requests) belongs to no step.
        self.emulator.clear_request_log()

    def after(self, step, seconds):
        # An entry is logged just after its answer went out: wait until the log stops growing.
        self.sent[step.name] = self.emulator.settled_request_log(pause=SETTLE_PAUSE)
        self.seconds[step.name] = seconds
        self.methods[step.name] = step.method

    def per_method(self, leave_out=()):
        """``(calls, requests, seconds)`` counters keyed by public method, without the steps named in ``leave_out``."""
        calls, requests, seconds = collections.Counter(), collections.Counter(), collections.Counter()
        for name, method in self.methods.items():
            if name in leave_out:
                continue
            calls[method] += 1
            requests[method] += len(self.sent[name])
            seconds[method] += self.seconds[name]
        return calls, requests, seconds
