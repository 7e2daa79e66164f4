# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Plan the change from a current set of ``key = value`` to a desired one."""

from __future__ import annotations


class Plan:
    """What to do to one parent's set: ``add`` and ``update`` map keys to their new value,
    ``remove`` and ``untouched`` list keys. ``before`` is the current set the plan started from."""

    def __init__(self, before, add, update, remove, untouched):
        self.before = before
        self.add = add
        self.update = update
        self.remove = remove
        self.untouched = untouched

    @property
    def changed(self):
        return bool(self.add or self.update or self.remove)

    def after(self):
        """The set once the plan has run."""
        result = {key: value for key, value in self.before.items() if key not in self.remove}
        result.update(self.update)
        result.update(self.add)
        return result

    def summary(self):
        return {
            "added": sorted(self.add),
            "updated": sorted(self.update),
            "removed": sorted(self.remove),
            "untouched": sorted(self.untouched),
        }


def reconcile(current, desired, purge=False, state="present"):
    """The plan turning ``current`` into ``desired`` (both ``{key: value}``).

    ``state=present``: add missing keys and update different values; with ``purge`` also remove
    every current key that is not desired. ``state=absent``: remove the desired keys that exist,
    whatever their value (``purge`` is ignored). Every other current key is untouched.
    """
    if state not in ("present", "absent"):
        raise ValueError("state must be present or absent, not %r" % (state,))
    add, update, remove = {}, {}, []
    if state == "absent":
        remove = sorted(key for key in desired if key in current)
    else:
        for key, value in desired.items():
            if key not in current:
                add[key] = value
            elif current[key] != value:
                update[key] = value
        if purge:
            remove = sorted(key for key in current if key not in desired)
    changed = set(add) | set(update) | set(remove)
    untouched = sorted(key for key in current if key not in changed)
    return Plan(dict(current), add, update, remove, untouched)
