# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What a task's writes really did, so that its result is what happened.

The API answers a PATCH or DELETE by ``$filter`` with 200 and an empty body whether it changed
every row or none (rows the key may only read are skipped silently). So a write records what it
means to change (``expect``), marks it applied once the API accepted it (``done``), and the rows
are read back by id: one that did not take the change is ``refused`` and blamed on read-only
access to its fleet. When a task fails, its result says what is already done (``changed``,
``applied``) and what is not (``not_applied``), per target and per field or key.
"""

from __future__ import annotations

import threading

from .errors import ReadOnlyError


class Ledger:
    """``{target: [items]}`` planned and applied; a target names an object the way the user does
    (a device uuid, ``fleet demo/signage``), an item is a field or a key of it."""

    def __init__(self):
        self._planned = {}
        self._applied = {}
        self._read_only = {}
        self._lock = threading.Lock()  # writes may record from several threads at once

    def expect(self, target, items):
        with self._lock:
            self._expect(target, items)

    def _expect(self, target, items):
        planned = self._planned.setdefault(target, [])
        planned.extend(item for item in items if item not in planned)

    def done(self, target, items):
        with self._lock:
            self._expect(target, items)
            applied = self._applied.setdefault(target, [])
            applied.extend(item for item in items if item not in applied)

    def refused(self, target, items, fleet):
        """The API accepted ``items`` of ``target`` but did not write them: the key may only read ``fleet``."""
        with self._lock:
            self._applied[target] = [item for item in self._applied.get(target, []) if item not in items]
            refused = self._read_only.setdefault(fleet or target, [])
            if target not in refused:
                refused.append(target)

    def was_applied(self, target, items):
        """Whether the API accepted the writes of ``items`` of ``target`` (without an error)."""
        return all(item in self._applied.get(target, []) for item in items)

    @property
    def started(self):
        return bool(self._planned)

    @property
    def changed(self):
        return any(self._applied.values())

    def applied(self):
        return {target: sorted(items) for target, items in sorted(self._applied.items()) if items}

    def not_applied(self):
        result = {}
        for target, items in sorted(self._planned.items()):
            missing = [item for item in items if item not in self._applied.get(target, [])]
            if missing:
                result[target] = sorted(missing)
        return result

    def report(self):
        """What a failed task adds to its result once it started writing."""
        return {"changed": self.changed, "applied": self.applied(), "not_applied": self.not_applied()}

    def read_only_text(self):
        """Which fleets silently refused writes, and which targets they left unchanged; "" when none."""
        parts = []
        for fleet, targets in sorted(self._read_only.items()):
            shown = ", ".join(sorted(targets)[:5]) + (" ..." if len(targets) > 5 else "")
            parts.append("{0} (not changed: {1})".format(fleet, shown))
        return "read-only access: the API key may only read " + "; ".join(parts) if parts else ""

    def check_read_only(self):
        """Raise ``ReadOnlyError`` naming each fleet whose rows a write silently left unchanged."""
        if self._read_only:
            raise ReadOnlyError(self.read_only_text())
