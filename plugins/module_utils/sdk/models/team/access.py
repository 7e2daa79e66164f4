# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Which fleets a team may access, and with which role."""

from __future__ import annotations

from ...exceptions import TeamApplicationAccessNotFound
from ...pine import merge
from ..base import Model
from ..roles import role_id

RESOURCE = "team_application_access"


class TeamApplicationAccess(Model):
    def __init__(self, ctx, get_team):
        super(TeamApplicationAccess, self).__init__(ctx)
        self._get_team = get_team

    def get_all_by_team(self, team_id, options={}):  # pylint: disable=dangerous-default-value
        rows = self.pine.get({"resource": RESOURCE, "options": merge({"$filter": {"team": team_id}}, options)})
        if not rows:
            self._get_team(team_id, {"$select": "id"})
        return rows

    def get(self, team_application_access_id, options={}):  # pylint: disable=dangerous-default-value
        found = self.pine.get({"resource": RESOURCE, "id": team_application_access_id, "options": merge({}, options)})
        if found is None:
            raise TeamApplicationAccessNotFound(team_application_access_id)
        return found

    def add(self, team_id, application_id_or_slug, role_name):
        app_id, role = self.pine.parallel.run(
            lambda: self.resolve.application(application_id_or_slug, {"$select": "id"})["id"],
            lambda: role_id(self.pine, "application", role_name),
        )
        body = {"team": team_id, "grants_access_to__application": app_id, "application_membership_role": role}
        return self.pine.post({"resource": RESOURCE, "body": body})

    def update(self, team_application_access_id, role_name):
        body = {"application_membership_role": role_id(self.pine, "application", role_name)}
        self.pine.patch({"resource": RESOURCE, "id": team_application_access_id, "body": body})

    def remove(self, team_application_access_id):
        self.pine.delete({"resource": RESOURCE, "id": team_application_access_id})
