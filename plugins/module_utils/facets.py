# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Parts of an object that are not its own fields (its tags, a setting of all its devices).

A facet reads its current state from the object as ``find`` returned it (expanded there, so no
extra request), plans the change, and applies it with exact ids once the object exists.
"""

from __future__ import annotations

from .id_chunks import chunks, ids_filter, rows_by_id
from .parents import Parent, fleet_of
from .plan_runner import run as run_plans
from .reconcile import reconcile


class FacetPlan:
    """``before``/``after`` as shown in the diff and result; ``apply(object_id, ledger)`` writes the
    change and records in the ``write_ledger.Ledger`` what took effect."""

    def __init__(self, before, after, apply):
        self.before = before
        self.after = after
        self.apply = apply


class Facet:
    """``name`` is the key of the facet in the returned object and in the diff."""

    name = ""

    def requested(self):
        return True

    def shown(self, found):
        """The facet's current value, as returned when nothing changes."""
        raise NotImplementedError

    def plan(self, found, label):
        """A FacetPlan, or None when ``found`` (None for a new object) already matches."""
        raise NotImplementedError


class KeyedFacet(Facet):
    """``key = value`` rows under the object (its tags), expanded by ``find`` through ``keyed.expand()``."""

    def __init__(self, name, pine, keyed, noun, desired, purge):
        self.name = name
        self.pine = pine
        self.keyed = keyed
        self.noun = noun
        self.desired = desired
        self.purge = purge

    def requested(self):
        return self.desired is not None

    def current(self, found):
        rows = (found or {}).get(self.keyed.resource) or []
        return {row[self.keyed.key_field]: row["value"] for row in rows}

    def shown(self, found):
        return self.current(found)

    def plan(self, found, label):
        plan = reconcile(self.current(found), self.desired, self.purge)
        if not plan.changed:
            return None

        def apply(object_id, ledger):
            rows = (found or {}).get(self.keyed.resource) or []
            fleet = label if self.noun == "fleet" else fleet_of(found or {})
            parent = Parent(object_id, self.noun, label, rows, self.keyed, fleet)
            run_plans(self.pine, self.keyed, [(parent, plan)], ledger, prefix=self.name + ".")

        return FacetPlan(plan.before, plan.after(), apply)


def patch_ids(pine, resource, ids, body):
    """PATCH ``body`` onto exactly these rows, in chunks that keep the URL short."""
    for chunk in chunks(sorted(ids)):
        pine.patch({"resource": resource, "options": {"$filter": ids_filter(chunk)}, "body": body})


def unchanged_ids(pine, resource, ids, body):
    """The ids among ``ids`` whose rows do not read back with the plain field values of ``body``."""
    found = rows_by_id(pine, resource, ids, {"$select": ["id"] + sorted(body)})
    return [row_id for row_id in ids
            if row_id not in found or any(found[row_id].get(field) != value for field, value in body.items())]
