# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.models.team``: teams of an organization."""

from __future__ import annotations

from ...exceptions import InvalidParameter, TeamNotFound
from ...identifiers import organization_navigation_filter
from ...pine import merge
from ..base import Model
from .access import TeamApplicationAccess
from .membership import TeamMembership


class Team(Model):
    def __init__(self, ctx):
        super(Team, self).__init__(ctx)
        self.application_access = TeamApplicationAccess(ctx, self.get)
        self.membership = TeamMembership(ctx)

    def create(self, organization_slug_or_id, name):
        org_id = self.resolve.organization(organization_slug_or_id, {"$select": "id"})["id"]
        return self.pine.post({"resource": "team", "body": {"name": name, "belongs_to__organization": org_id}})

    def get_all_by_organization(self, organization_slug_or_id, options={}):  # pylint: disable=dangerous-default-value
        org_filter = organization_navigation_filter("belongs_to__organization", organization_slug_or_id, alias="bto")
        teams = self.pine.get({"resource": "team", "options": merge({"$filter": org_filter}, options)})
        if not teams:
            self.resolve.organization(organization_slug_or_id, {"$select": "id"})
        return teams

    def get(self, team_id, options={}):  # pylint: disable=dangerous-default-value
        if team_id is None:
            raise InvalidParameter("team_id", team_id)
        team = self.pine.get({"resource": "team", "id": team_id, "options": merge({}, options)})
        if team is None:
            raise TeamNotFound(team_id)
        return team

    def rename(self, team_id, new_team_name):
        same_name = {"$top": 1, "$select": "name", "$filter": {"name": new_team_name}}
        team = self.get(team_id, {"$select": "id", "$expand": {
            "belongs_to__organization": {"$select": "id", "$expand": {"owns__team": same_name}},
        }})
        orgs = team.get("belongs_to__organization") or []
        if not orgs or orgs[0].get("id") is None:
            raise Exception("Team does not belong to any organization: %s" % team_id)  # pylint: disable=broad-exception-raised
        if orgs[0]["owns__team"]:
            raise Exception(  # pylint: disable=broad-exception-raised
                "A team with this name already exists in the organization. Organization: %s, Name: %s" % (orgs[0]["id"], new_team_name))
        self.pine.patch({"resource": "team", "id": team_id, "body": {"name": new_team_name}})

    def remove(self, team_id):
        self.pine.delete({"resource": "team", "id": team_id})
