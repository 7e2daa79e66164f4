# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Host names: the first usable choice of a preference list, and what to do with duplicates."""

from __future__ import annotations

RECORD_CHOICES = ("device_name", "uuid", "short_uuid")
DUPLICATE_POLICIES = ("error", "warn", "suffix")


class DuplicateHostnames(ValueError):
    """Several devices would get the same host name and the policy is ``error``."""


def is_template(choice):
    return "{{" in choice or "{%" in choice


def pick_name(record, choices, render):
    """The first non-empty name from ``choices``; ``render(template)`` evaluates a template choice."""
    for choice in choices:
        if choice in RECORD_CHOICES:
            value = record.get(choice)
        elif is_template(choice):
            value = render(choice)
        else:
            raise ValueError("hostnames: {0!r} is not one of {1} nor a template".format(choice, ", ".join(RECORD_CHOICES)))
        if value not in (None, "") and str(value).strip():
            return str(value).strip()
    return record["uuid"]


def resolve_duplicates(named, policy):
    """``named``: ``[(name, record)]`` in API order. Returns ``(names, duplicates)``.

    ``names`` has one name per entry. Devices that share a name all get ``<name>-<short uuid>``
    (order-independent, so a name never moves from one device to another between runs) unless the
    policy is ``error``. ``duplicates`` maps each shared name to the uuids that shared it.
    """
    if policy not in DUPLICATE_POLICIES:
        raise ValueError("duplicate_names must be one of {0}".format(", ".join(DUPLICATE_POLICIES)))
    users = {}
    for name, record in named:
        users.setdefault(name, []).append(record["uuid"])
    duplicates = {name: uuids for name, uuids in users.items() if len(uuids) > 1}
    if duplicates and policy == "error":
        raise DuplicateHostnames("devices share host names (set duplicate_names to 'suffix' or 'warn', or change "
                                 "hostnames): " + describe_duplicates(duplicates))
    names = []
    taken = set(users)
    for name, record in named:
        if name in duplicates:
            name = _unique("{0}-{1}".format(name, record["short_uuid"]), record["uuid"], taken)
        names.append(name)
    return names, duplicates


def _unique(candidate, uuid, taken):
    # A suffixed name can still meet another device's plain name: lengthen the uuid part until free.
    length = len(candidate)
    base = candidate.rsplit("-", 1)[0]
    while candidate in taken and length < len(base) + 1 + len(uuid):
        length += 1
        candidate = "{0}-{1}".format(base, uuid[:length - len(base) - 1])
    if candidate in taken:
        candidate = "{0}-{1}".format(base, uuid)
    taken.add(candidate)
    return candidate


def describe_duplicates(duplicates):
    return "; ".join("{0} ({1})".format(name, ", ".join(uuids)) for name, uuids in sorted(duplicates.items()))
