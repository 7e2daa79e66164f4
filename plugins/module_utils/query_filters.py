# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Small builders for the ``$filter`` objects that the ``_info`` modules and selectors send."""

from __future__ import annotations

from .sdk.identifiers import navigation_filter


def all_of(conditions):
    """Every condition must hold; None when there is none (pine rejects an ``$and`` of one)."""
    conditions = [condition for condition in conditions if condition]
    if not conditions:
        return None
    return conditions[0] if len(conditions) == 1 else {"$and": conditions}


def through(navigation, alias, condition):
    """``navigation/any(alias: condition)`` with ``condition`` written for the linked resource."""
    return navigation_filter(navigation, alias, condition)


def one_or_many(field, values):
    values = list(values)
    return {field: values[0]} if len(values) == 1 else {field: {"$in": values}}


def has_tags(tags, resource="device_tag", alias="t"):
    """One ``any`` per tag: a row must carry each key, with the value when one is given."""
    conditions = []
    for index, (key, value) in enumerate(sorted(tags.items())):
        wanted = {"tag_key": key} if value is None else {"tag_key": key, "value": str(value)}
        conditions.append(through(resource, "{0}{1}".format(alias, index), wanted))
    return conditions


def organization(handle_or_id, navigation="organization"):
    text = str(handle_or_id).strip()
    return {navigation: int(text)} if text.isdigit() else through(navigation, "o", {"handle": text})
