# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The module side of every "key = value under a parent" resource (variables, tags).

A subclass says which rows (``keyed_rows``), how to find the parents (``find_parents``) and
which keys and values the user wants (``desired``). Reading, planning, check mode, the
batched writes, ``--diff`` and the ``added``/``updated``/``removed``/``untouched`` result
are done here, the same way for every kind.
"""

from __future__ import annotations

from . import device_parents, device_selection
from .base import BalenaModule
from .diff import MASK, masked
from .errors import ParameterError
from .plan_runner import run as run_plans
from .reconcile import reconcile

CHANGED_MASK = MASK + " (changed)"
SUMMARY_KEYS = ("added", "updated", "removed", "untouched")

STATE_AND_PURGE_SPEC = {
    "state": {"type": "str", "default": "present", "choices": ["present", "absent"]},
    "purge": {"type": "bool", "default": False},
}

# Many devices at once (device_selection), and how many of the POSTs for new rows go out together.
DEVICES_SPEC = dict(device_selection.TARGET_SPEC, parallel={"type": "int", "default": 8})
DEVICES_SPEC.pop("uuid")
DEVICES_SPEC.pop("id")


def as_value(key, value, parameter, warn=None, show_value=False):
    """A desired value as the API stores it: a string. Numbers and booleans are converted, and
    ``warn`` (when given) is told, since YAML has already changed how they were written
    (``1.10`` arrives as the number 1.1); the warning shows the value only with ``show_value``."""
    if isinstance(value, str) or value is None:
        return value
    if isinstance(value, bool):
        stored = "true" if value else "false"
    elif isinstance(value, (int, float)):
        stored = str(value)
    else:
        raise ParameterError(parameter, "the value of {0!r} must be a string, a number or a boolean, not a {1}".format(
            key, type(value).__name__))
    if warn is not None:
        kind = "boolean" if isinstance(value, bool) else "number"
        given = "the {0} {1!r} and is stored as the string {2!r}".format(kind, value, stored) if show_value else \
            "a {0} and is stored as a string".format(kind)
        warn("{0}: the value of {1!r} was given as {2}; quote it to store exactly what you wrote".format(parameter, key, given))
    return stored


def tag_values(tags, warn=None):
    """The ``tags`` option with its values as the API stores them; None when it is not set."""
    if tags is None:
        return None
    return {key: as_value(key, value, "tags", warn, show_value=True) for key, value in tags.items()}


class KeyedValuesModule(BalenaModule):
    """``result_key`` names the returned ``{key: value}`` (``variables``, ``tags``);
    ``values_are_secret`` masks values in results and diff unless ``show_values()``."""

    result_key = "values"
    values_are_secret = False

    def keyed_rows(self):
        raise NotImplementedError

    def find_parents(self, keyed):
        """The parents to reconcile, each a ``parents.Parent`` holding its current rows."""
        raise NotImplementedError

    def parents_description(self):
        """How messages name the parents before they are found (``"fleet demo/signage"``)."""
        raise NotImplementedError

    def desired(self):
        """``({key: value}, parameter name)`` the user asked for; values are None with state=absent."""
        raise NotImplementedError

    def show_values(self):
        return not self.values_are_secret

    def several_targets(self):
        """Whether the user chose devices with O(uuids) or O(selector): results and diff are then
        keyed by parent."""
        return self.params["uuids"] is not None or self.params["selector"] is not None

    def find_devices(self, keyed, service_name=None):
        return device_parents.find(self, keyed, service_name)

    def run(self):
        keyed = self.keyed_rows()
        desired, parameter = self.desired()
        state, purge = self.params["state"], self.params["purge"]
        if purge and state == "absent":
            raise ParameterError("purge", "only applies with state=present (state=absent removes just the keys given)")
        if state == "present":
            empty = sorted(key for key, value in desired.items() if value is None)
            if empty:
                raise ParameterError(parameter, "{0} {1!r} has no value; give one, or use state=absent to remove it".format(
                    keyed.noun, empty[0]))
        keyed.check(desired, parameter)
        if self.params["parallel"] < 1:
            raise ParameterError("parallel", "must be 1 (one write at a time) or more, not {0}".format(self.params["parallel"]))
        with self.step("looking up " + self.parents_description()):
            parents = self.find_parents(keyed)
        work = [(parent, reconcile(parent.current, desired, purge, state)) for parent in parents]
        changing = [(parent, plan) for parent, plan in work if plan.changed]
        self.require_write([(parent.fleet, parent.label, sorted(set(plan.remove) | set(plan.update) | set(plan.add)))
                            for parent, plan in changing])
        if changing and not self.check_mode:
            run_plans(self.client.pine, keyed, changing, self.ledger, parallel=self.params["parallel"])
            self.ledger.check_read_only()
        return self.result(work, bool(changing))

    def hide(self, mapping):
        return masked(mapping, hidden=not self.show_values())

    def result(self, work, changed):
        summary = {key: set() for key in SUMMARY_KEYS}
        for entry in work:
            for key, names in entry[1].summary().items():
                summary[key].update(names)
        result = {key: sorted(names) for key, names in summary.items()}
        result["changed"] = changed
        result["targets"] = [dict(plan.summary(), id=parent.id, name=parent.label) for parent, plan in work]
        if not self.several_targets():
            result[self.result_key] = self.hide(work[0][1].after())
        if changed:
            result["diff"] = self.diff(work)
        return result

    def diff(self, work):
        pictures = []
        for parent, plan in work:
            if not plan.changed:
                continue
            after = plan.after()
            before = {key: plan.before[key] for key in list(plan.update) + list(plan.remove)}
            now = {key: after[key] for key in list(plan.add) + list(plan.update)}
            before, now = self.hide(before), self.hide(now)
            if not self.show_values():
                # Masked values look alike: mark the changed ones so the diff shows them.
                now.update({key: CHANGED_MASK for key in plan.update})
            pictures.append((parent, before, now))
        if not self.several_targets():
            return {"before": pictures[0][1], "after": pictures[0][2]}
        return {
            "before": {picture[0].label: picture[1] for picture in pictures},
            "after": {picture[0].label: picture[2] for picture in pictures},
        }
