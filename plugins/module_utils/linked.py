# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The row a link points to, whatever form the API (or a prediction) gives it in."""

from __future__ import annotations


def linked(value):
    """The linked row as a dict: an expanded list gives its row, ``{"__id": n}`` or a bare id gives
    ``{"id": n}``, an empty or missing link gives ``{}``."""
    if isinstance(value, list):
        return dict(value[0]) if value else {}
    if isinstance(value, dict):
        return {"id": value["__id"]} if "__id" in value else dict(value)
    if value is None:
        return {}
    return {"id": value}
