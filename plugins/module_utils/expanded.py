# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Read values out of ``$expand``-ed navigations as the API returns them (lists of rows)."""

from __future__ import annotations


def keyed_dict(row, keyed):
    """The expanded ``key = value`` rows of ``keyed`` (tags, variables) under ``row`` as a dict."""
    return {item[keyed.key_field]: item["value"] for item in row.get(keyed.resource) or []}
