# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Strict options: a key of the inventory file that is no option (nor an alias of one) is an error."""

from __future__ import annotations


def unknown_options(config, definitions):
    """The keys of ``config`` that name no option in ``definitions`` (Ansible's option definitions), sorted."""
    known = set(definitions)
    for definition in definitions.values():
        known.update((definition or {}).get("aliases") or ())
    return sorted(str(key) for key in config if key not in known)
