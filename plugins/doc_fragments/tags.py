# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations


class ModuleDocFragment:
    """The O(tags) and O(purge_tags) options of modules that manage one kind of object and its tags."""

    DOCUMENTATION = r"""
options:
  tags:
    description:
      - Tags of the object the task manages (the fleet, the devices or the release), as a dictionary of keys and
        values. Left alone when not set.
      - Numbers and booleans are stored as strings (V(true), V(false)).
    type: dict
  purge_tags:
    description:
      - Remove the object's tags that are not in O(tags). Only used when O(tags) is set.
    type: bool
    default: true
"""
