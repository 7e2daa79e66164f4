# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Host names: the first usable choice of a preference list, and what to do with duplicates."""

from __future__ import annotations

import ipaddress
import re
import socket

RECORD_CHOICES = ("device_name", "uuid", "short_uuid")
DUPLICATE_POLICIES = ("error", "warn", "suffix")


# Names Ansible resolves to its implicit localhost, and the usual aliases of the loopback address.
LOCAL_NAMES = frozenset(("localhost", "localhost.localdomain", "localhost4", "localhost4.localdomain4", "localhost6",
                         "localhost6.localdomain6", "ip6-localhost", "ip6-loopback"))
# Characters a --limit pattern gives a meaning to (separators, negation, intersection, wildcards, regex, @file),
# quotes and backslashes; whitespace and control characters are refused separately.
PATTERN_CHARACTERS = re.compile(r"[,:!&*?\[\]~@'\"\\]")
# What a device uuid looks like (32 or 62 hexadecimal characters): only a device's own uuid may be such a name.
UUID_LIKE = re.compile(r"^(?:[0-9a-f]{32}|[0-9a-f]{62})$")
# Group names Ansible always has.
RESERVED_GROUPS = frozenset(("all", "ungrouped"))


class DuplicateHostnames(ValueError):
    """Several devices would get the same host name and the policy is ``error``."""


def is_template(choice):
    return "{{" in choice or "{%" in choice


def unsafe_reason(name):
    """Why ``name`` must not be a host name taken from device data, or None when it may be."""
    text = str(name)
    if not text.strip():
        return "it is empty"
    lowered = text.lower().rstrip(".")
    if lowered in LOCAL_NAMES or lowered.endswith(".localhost"):
        return "Ansible would take it for the controller itself"
    if is_local_address(lowered.strip("[]")):
        return "Ansible would take it for the controller itself"
    if text.startswith("-"):
        return "it starts with '-'"
    if any(character.isspace() or not character.isprintable() for character in text) or PATTERN_CHARACTERS.search(text):
        return "a --limit pattern cannot name it"
    return None


def is_local_address(text):
    """Whether ``text`` is a loopback or unspecified address in any form the resolver accepts
    (``127.1``, ``0x7f000001``, ``2130706433``, ``0``, ``0177.0.0.1``, ``::1`` ...)."""
    try:
        address = ipaddress.ip_address(text)
    except ValueError:
        try:
            address = ipaddress.IPv4Address(socket.inet_aton(text))
        except (OSError, ValueError):
            return False
    return address.is_loopback or address.is_unspecified


def taken_reason(name, record, uuids, groups):
    """Why ``name`` may not be the host name of ``record`` although it is safe in itself, or None.

    ``uuids``: every device uuid of the inventory; ``groups``: the group names that exist or will.
    """
    text = str(name)
    if text != record["uuid"] and (UUID_LIKE.match(text.lower()) or text in uuids):
        return "it looks like a device uuid that is not its own"
    if text in RESERVED_GROUPS or text in groups:
        return "it is the name of a group"
    return None


def safe_names(named, warn, groups=()):
    """``named`` (``[(name, record)]``) with every unsafe name replaced by the device's uuid.

    A name is also replaced when it looks like a device uuid other than the device's own, or equals
    the name of a group (``groups``, and the reserved ``all`` and ``ungrouped``).
    ``warn(name, record, reason)`` is told of each replacement.
    """
    uuids = frozenset(record["uuid"] for _name, record in named)
    groups = frozenset(groups)
    safe = []
    for name, record in named:
        reason = unsafe_reason(name) or taken_reason(name, record, uuids, groups)
        if reason is not None:
            warn(name, record, reason)
            name = record["uuid"]
        safe.append((name, record))
    return safe


def pick_name(record, choices, render):
    """The first non-empty name from ``choices``; ``render(template)`` evaluates a template choice.

    An empty string when every choice is empty or the device's name is blank (the caller falls back
    to the uuid and says so)."""
    for choice in choices:
        if choice in RECORD_CHOICES:
            value = record.get(choice)
        elif is_template(choice):
            value = render(choice)
        else:
            raise ValueError("hostnames: {0!r} is not one of {1} nor a template".format(choice, ", ".join(RECORD_CHOICES)))
        if value is not None and str(value).strip():
            return str(value).strip()
        if choice == "device_name" and value is not None:
            # Every device has a name: a blank one was set on purpose, and is reported, not skipped.
            return ""
    return ""


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
