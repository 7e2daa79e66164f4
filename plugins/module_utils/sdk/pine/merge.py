# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Merges a model method's default pine options with the options its caller passed."""

from __future__ import annotations

KNOWN_OPTIONS = ("$select", "$expand", "$filter", "$orderby", "$top", "$skip", "$count")
_REPLACED = ("$orderby", "$top", "$skip")


def merge(defaults, extras=None, replace_selects=False):
    """Combine ``defaults`` and ``extras`` as balena-sdk 17.3.0 does for what a caller sees.

    A caller's ``$select`` replaces the default one (also inside ``$expand``), as do
    ``$orderby``, ``$top`` and ``$skip``; ``$filter`` becomes ``{"$and": [default, extra]}``;
    ``$expand`` is merged per navigation. An extra ``$count`` turns the whole query into a
    count of the merged filter. ``replace_selects`` is kept for callers of the official
    signature: selects are always replaced.
    """
    if extras is None:
        return defaults
    for key in extras:
        if key not in KNOWN_OPTIONS:
            raise ValueError("Unknown pine option: {0}".format(key))
    result = dict(defaults)
    for key in _REPLACED:
        if key in extras:
            result[key] = extras[key]
    if "$select" in extras:
        result["$select"] = extras["$select"]
    if extras.get("$filter") is not None and extras["$filter"] != {}:
        default_filter = defaults.get("$filter")
        result["$filter"] = {"$and": [default_filter, extras["$filter"]]} if default_filter else extras["$filter"]
    if extras.get("$expand"):
        result["$expand"] = _merge_expand(defaults.get("$expand"), extras["$expand"], replace_selects)
    if extras.get("$count") is not None and extras.get("$count") is not False:
        return _as_count(result, extras["$count"])
    return result


def expand_as_dict(expand):
    """``"a"``, ``["a", {"b": {...}}]`` or ``{"a": {...}}`` as ``{navigation: options}``."""
    if expand is None:
        return {}
    if isinstance(expand, str):
        return {expand: {}}
    if isinstance(expand, list):
        result = {}
        for item in expand:
            result.update(expand_as_dict(item))
        return result
    return dict(expand)


def _merge_expand(default, extra, replace_selects):
    if default is None:
        return extra
    result = expand_as_dict(default)
    for navigation, options in expand_as_dict(extra).items():
        result[navigation] = merge(result.get(navigation, {}), options, replace_selects)
    return result


def _as_count(merged, count):
    """``{"$count": {"$filter": ...}}``: the only shape the compiler accepts for counting."""
    count_filter = count.get("$filter") if isinstance(count, dict) else None
    base_filter = merged.get("$filter")
    if base_filter is not None and count_filter is not None:
        combined = {"$and": [base_filter, count_filter]}
    else:
        combined = base_filter if base_filter is not None else count_filter
    return {"$count": {} if combined is None else {"$filter": combined}}
