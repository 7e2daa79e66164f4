# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Users' memberships of teams."""

from __future__ import annotations

from ...batching import NUMERIC_ID_CHUNK_SIZE, chunks, ids_filter
from ...exceptions import InvalidParameter, TeamMembershipNotFound
from ...identifiers import is_id
from ...pine import merge
from ..base import Model

RESOURCE = "team_membership"


class TeamMembership(Model):
    def get(self, membership_id, options={}):  # pylint: disable=dangerous-default-value
        if not is_id(membership_id):
            raise InvalidParameter("membership_id", membership_id)
        found = self.pine.get({"resource": RESOURCE, "id": membership_id, "options": merge({}, options)})
        if found is None:
            raise TeamMembershipNotFound(membership_id)
        return found

    def get_all_by_team(self, team_id, options={}):  # pylint: disable=dangerous-default-value
        return self.pine.get({"resource": RESOURCE, "options": merge({"$filter": {"is_member_of__team": team_id}}, options)})

    def get_all_by_user(self, username_or_id, options={}):  # pylint: disable=dangerous-default-value
        if is_id(username_or_id):
            user = username_or_id
        elif isinstance(username_or_id, str):
            user = {"$any": {"$alias": "u", "$expr": {"u": {"username": username_or_id}}}}
        else:
            raise InvalidParameter("username_or_id", username_or_id)
        return self.pine.get({"resource": RESOURCE, "options": merge({"$filter": {"user": user}}, options)})

    def create(self, team, username):
        return self.pine.post({"resource": RESOURCE, "body": {"username": username, "is_member_of__team": team}})

    def remove(self, id_or_ids):
        ids = id_or_ids if isinstance(id_or_ids, list) else [id_or_ids]
        for chunk in chunks(ids, NUMERIC_ID_CHUNK_SIZE):
            self.pine.delete({"resource": RESOURCE, "options": {"$filter": ids_filter(chunk)}})
