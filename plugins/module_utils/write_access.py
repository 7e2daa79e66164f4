# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Whether the caller may change a fleet, asked before anything is written.

The API skips rows the key may only read without saying so, or answers 401/404 with nothing
that names the fleet. Asking the caller's role first lets check mode refuse what the real run
would, and a refusal name the fleet, with nothing written. A key that is not a user's (a fleet
or device key) has no role to ask about: the API decides, and the read-back proves it.
"""

from __future__ import annotations

from .account import ADMINISTRATOR, FLEET_WRITE_ROLES, fleet_by_key, fleet_role, remembered_organization_role
from .errors import ParameterError


class WriteAccess:
    """Roles of the caller, asked once per fleet or organization."""

    def __init__(self, client):
        self.client = client
        self._user = False  # not asked yet
        self._fleets = {}
        self._known = {}  # the user's organization roles and teams, shared by every fleet asked about

    def user_id(self):
        """The id of the user behind the key, or None for a key that is not a user's."""
        if self._user is False:
            whoami = self.client.auth.whoami()
            self._user = whoami.get("actorTypeId") if whoami.get("actorType") == "user" else None
        return self._user

    def may_change(self, fleet):
        """Whether the caller may change ``fleet`` (a slug or id); True when it cannot be told."""
        user = self.user_id()
        if user is None or fleet is None:
            return True
        key = str(fleet).lower()
        if key not in self._fleets:
            try:
                row = fleet_by_key(self.client.pine, fleet)
            except ParameterError:
                return True  # not visible: the write itself says so
            role = fleet_role(self.client.pine, row, user, self._known)
            self._fleets[key] = role == ADMINISTRATOR or role in FLEET_WRITE_ROLES
        return self._fleets[key]

    def read_only(self, fleets):
        """The fleets among ``fleets`` the caller may only read, sorted."""
        return sorted(set(fleet for fleet in fleets if fleet and not self.may_change(fleet)))

    def administers(self, organization_id):
        """Whether the caller administers the organization; True when it cannot be told."""
        user = self.user_id()
        return user is None or remembered_organization_role(self.client.pine, organization_id, user, self._known) == ADMINISTRATOR


def refuse_read_only(access, ledger, wanted):
    """``wanted`` is ``[(fleet slug, target, items)]``: every write a task means to do. When any of
    those fleets is read-only, nothing is written: each write is filed as not applied and the
    read-only failure raised."""
    blocked = access.read_only(fleet for fleet, _target, _items in wanted)
    if not blocked:
        return
    for fleet, target, items in wanted:
        ledger.expect(target, items)
        if fleet in blocked:
            ledger.refused(target, items, fleet)
    ledger.check_read_only()
