# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``ResourceModule`` for objects that also have facets (tags, settings of their devices).

The object's own fields go through ``find``/``desired``/``create``/``update`` as in ``base``;
each requested facet is planned from the same ``find`` answer, and its change is applied once
the object exists. Check mode, ``--diff`` and the result cover fields and facets together.
"""

from __future__ import annotations

from .base import ResourceModule
from .diff import changed_fields, field_diff, presence_diff


class FacetedResourceModule(ResourceModule):

    def facets(self):
        """The facets this module handles (``Facet`` objects); only requested ones are used."""
        return []

    def reread(self, object_id):
        """The object as stored after a write, read by id, or None to return the predicted one."""
        return None

    def label(self, obj):
        """How a facet names the object in messages (a slug, a uuid, a commit)."""
        return str(obj.get("id"))

    def run(self):
        target = self.describe_target()
        with self.step("looking up " + target):
            current = self.find()
        if self.params.get("state", "present") == "absent":
            return self._absent(current, target)
        obj, diff = self._settle_fields(current, target)
        shown = self.present(obj)
        facets = [facet for facet in self.facets() if facet.requested()]
        for facet in facets:
            diff = self._settle_facet(facet, current, obj, shown, diff, target)
        if diff is not None and not self.check_mode:
            with self.step("reading back " + target):
                stored = self.reread(obj["id"])
            if stored is not None:
                shown = self.present(stored)
                for facet in facets:
                    shown[facet.name] = facet.shown(stored)
        result = {"changed": diff is not None, self.noun: shown}
        if diff is not None:
            result["diff"] = diff
        return result

    def _settle_fields(self, current, target):
        """Create the object or update its changed fields; ``(object, diff or None)``."""
        desired = self.desired()
        if current is None:
            obj, diff = dict(desired), presence_diff(None, desired, self.secret_fields)
            if not self.check_mode:
                with self.step("creating " + target):
                    obj = self.create(desired)
            return obj, diff
        changes = changed_fields(current, desired)
        if not changes:
            return current, None
        obj = dict(current, **changes)
        if not self.check_mode:
            with self.step("updating " + target):
                obj = self.update(current, changes) or obj
        return obj, field_diff(current, changes, self.secret_fields)

    def _settle_facet(self, facet, current, obj, shown, diff, target):
        """Plan and apply one facet, record it in ``shown``; the diff with the facet's change added."""
        plan = facet.plan(current, self.label(obj))
        if plan is None:
            shown[facet.name] = facet.shown(current)
            return diff
        diff = diff or {"before": {}, "after": {}}
        if current is not None:
            diff["before"][facet.name] = plan.before
        diff["after"][facet.name] = plan.after
        shown[facet.name] = plan.after
        if not self.check_mode:
            with self.step("changing the {0} of {1}".format(facet.name.replace("_", " "), target)):
                plan.apply(obj["id"])
        return diff
