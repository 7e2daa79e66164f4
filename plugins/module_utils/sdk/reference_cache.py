# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Rows of reference data that the API does not change at run time (membership roles, device
types with their CPU architecture), remembered for the life of one SDK instance.

Only rows that were found are remembered: a missing one is asked for (and raises) every time.
Fleets, devices, releases and anything else a user can change are never cached.
"""

from __future__ import annotations

import copy
import json
import threading


class ReferenceCache:
    def __init__(self):
        self._rows = {}
        self._lock = threading.Lock()

    @staticmethod
    def key(*parts):
        return json.dumps(parts, sort_keys=True, default=str)

    def get_or_fetch(self, key, fetch):
        """The remembered row for ``key``, else ``fetch()``'s (remembered unless None); always a copy."""
        with self._lock:
            found = self._rows.get(key)
        if found is not None:
            return copy.deepcopy(found)
        row = fetch()
        if row is not None:
            with self._lock:
                self._rows[key] = copy.deepcopy(row)
        return row

    def clear(self):
        with self._lock:
            self._rows.clear()
