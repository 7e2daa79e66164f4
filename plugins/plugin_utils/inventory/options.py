# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Strict options: a key that is no option (nor an alias of one), or a value Ansible would silently coerce, is an error."""

from __future__ import annotations

from urllib.parse import urlsplit


def unknown_options(config, definitions):
    """The keys of ``config`` that name no option in ``definitions`` (Ansible's option definitions), sorted."""
    known = set(definitions)
    for definition in definitions.values():
        known.update((definition or {}).get("aliases") or ())
    return sorted(str(key) for key in config if key not in known)


# The suboptions of one keyed_groups entry (ansible.builtin.constructed).
KEYED_GROUP_KEYS = ("key", "prefix", "separator", "parent_group", "default_value", "trailing_separator",
                    "leading_separator")
# Lowest accepted value of numeric options (inclusive), and whether zero itself is refused.
MINIMUMS = {"page_size": (1, False), "fetch_concurrency": (1, False), "timeout": (0, True),
            "cloudlink_tunnel_port": (1, False)}
MAXIMUMS = {"cloudlink_tunnel_port": 65535}


def _strict_bool(value):
    # Lazily imported: only ansible-core has it, and the unit tests of this module need no Ansible.
    from ansible.module_utils.parsing.convert_bool import BOOLEANS

    return isinstance(value, bool) or (isinstance(value, (str, int)) and not isinstance(value, bool)
                                       and (value.lower() if isinstance(value, str) else value) in BOOLEANS)


def value_problems(config, definitions):
    """``option: problem`` texts for values of ``config`` that Ansible would coerce into something else."""
    problems = []
    for name, value in sorted(config.items()):
        definition = definitions.get(name) or {}
        kind = definition.get("type")
        if value is None:
            continue
        if kind == "bool" and not _strict_bool(value):
            problems.append("{0}: {1!r} is not a boolean (use true or false)".format(name, value))
        if kind == "list" and definition.get("elements") == "str" and isinstance(value, list):
            bad = [item for item in value if isinstance(item, (dict, list))]
            if bad:
                problems.append("{0}: each item must be a string, got {1!r}".format(name, bad[0]))
    for entry in config.get("keyed_groups") or ():
        unknown = sorted(str(key) for key in entry if key not in KEYED_GROUP_KEYS) if isinstance(entry, dict) else None
        if unknown is None:
            problems.append("keyed_groups: each item must be a mapping, got {0!r}".format(entry))
        elif unknown:
            problems.append("keyed_groups: unknown suboption(s) {0} (valid: {1})".format(
                ", ".join(unknown), ", ".join(KEYED_GROUP_KEYS)))
    return problems


def range_problem(name, value):
    """``option: problem`` when a numeric option is out of its range, else None."""
    if name in MINIMUMS:
        low, exclusive = MINIMUMS[name]
        if value < low or (exclusive and value == low):
            return "{0}: {1} is too small (it must be {2} {3})".format(name, value, "above" if exclusive else "at least", low)
    if name in MAXIMUMS and value > MAXIMUMS[name]:
        return "{0}: {1} is too large (at most {2})".format(name, value, MAXIMUMS[name])
    return None


def url_problem(name, url):
    """``option: problem`` when ``url`` is no http(s) URL with a host, else None."""
    parts = urlsplit(str(url))
    if parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        return "{0}: {1!r} is not an http:// or https:// URL".format(name, str(url))
    return None
