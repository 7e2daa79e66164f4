# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations


class ModuleDocFragment:
    """The attributes every balena module declares.

    Modules that change things use the default; read-only modules use ``INFO_MODULE``; modules that
    send actions to devices, which have no state to compare, use ``ACTION_MODULE``.
    """

    DOCUMENTATION = r"""
attributes:
  check_mode:
    description: Can run in check mode and return the predicted result without changing anything.
    support: full
  diff_mode:
    description: Returns the values before and after the change, with secret values masked, when run with C(--diff).
    support: full
  platform:
    description: Runs where the task runs and talks to the balena API over HTTPS; the managed devices are not contacted.
    support: full
    platforms: all
  action_group:
    description: Part of the C(balena) action group, so C(module_defaults) can set shared options for it.
    support: full
    membership:
      - balena.cloud.balena
"""

    INFO_MODULE = r"""
attributes:
  check_mode:
    description: Only reads, so it runs the same in check mode.
    support: full
    details: This module never changes anything.
  diff_mode:
    description: Only reads, so there is nothing to show a difference for.
    support: N/A
  platform:
    description: Runs where the task runs and talks to the balena API over HTTPS; the managed devices are not contacted.
    support: full
    platforms: all
  action_group:
    description: Part of the C(balena) action group, so C(module_defaults) can set shared options for it.
    support: full
    membership:
      - balena.cloud.balena
"""

    ACTION_MODULE = r"""
attributes:
  check_mode:
    description: Can run in check mode; nothing is sent, and the result lists what would be done with the status C(planned).
    support: full
  diff_mode:
    description: With C(--diff), lists the devices the action is sent to.
    support: partial
    details: An action has no state before and after; the C(before) side is always empty.
  platform:
    description:
      - Runs where the task runs and talks to the balena API over HTTPS.
      - The API passes the action on to the supervisor of each online device; offline devices are not contacted.
    support: full
    platforms: all
  action_group:
    description: Part of the C(balena) action group, so C(module_defaults) can set shared options for it.
    support: full
    membership:
      - balena.cloud.balena
"""
