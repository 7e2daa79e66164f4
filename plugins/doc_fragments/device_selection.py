# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations


class ModuleDocFragment:
    """The O(uuids) and O(selector) options of modules that act on many devices at once."""

    DOCUMENTATION = r"""
options:
  uuids:
    description:
      - Many devices, by full uuid or numeric id. Every one must exist.
    type: list
    elements: str
  selector:
    description:
      - Every device matching all of the given conditions. At least one condition is required.
    type: dict
    suboptions:
      fleet:
        description: Slug, uuid or id of the fleet the devices belong to.
        type: str
      tags:
        description: Tags the devices must carry; a null value matches any value of that key.
        type: dict
      device_type:
        description: Slug of the devices' device type.
        type: str
      online:
        description: Only online (V(true)) or offline (V(false)) devices.
        type: bool
  fail_on_empty:
    description:
      - What happens when O(selector) matches no device. A fleet, organization or device type it names that does
        not exist is always a failure naming it; a selector that only matches nothing is a warning, or with
        V(true) a failure.
    type: bool
    default: false
"""
