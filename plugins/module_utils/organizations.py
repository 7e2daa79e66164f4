# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Organizations read with their members, teams and fleets in one request, in the user's words.

Only usernames are read about people: never e-mail addresses.
"""

from __future__ import annotations

_USER = {"$select": ["id", "username"]}
_ROLE = {"$select": "name"}
ORGANIZATION_OPTIONS = {
    "$select": ["id", "handle", "name"],
    "$orderby": "handle asc",
    "$expand": {
        "organization_membership": {"$select": ["id"], "$expand": {"user": _USER, "organization_membership_role": _ROLE}},
        "owns__team": {"$select": ["id", "name"], "$orderby": "name asc", "$expand": {
            "team_membership": {"$select": ["id"], "$expand": {"user": _USER}},
            "team_application_access": {"$select": ["id"], "$expand": {
                "grants_access_to__application": {"$select": ["id", "slug"]},
                "application_membership_role": _ROLE,
            }},
        }},
        "application": {"$select": ["id", "slug"], "$orderby": "slug asc"},
    },
}


def first(rows):
    """The single row of an expanded link, or an empty dict."""
    return rows[0] if isinstance(rows, list) and rows else {}


def role_of(row, link):
    return first(row.get(link)).get("name")


def shown_team(team):
    members = sorted((first(row.get("user")) for row in team.get("team_membership") or []), key=lambda user: user.get("username") or "")
    fleets = []
    for access in team.get("team_application_access") or []:
        fleet = first(access.get("grants_access_to__application"))
        fleets.append({"fleet": fleet.get("slug"), "fleet_id": fleet.get("id"), "role": role_of(access, "application_membership_role")})
    return {
        "id": team["id"],
        "name": team["name"],
        "members": [user.get("username") for user in members],
        "member_ids": [user.get("id") for user in members],
        "fleets": sorted(fleets, key=lambda access: access["fleet"] or ""),
    }


def shown_organization(row, user_id=None):
    members = []
    for membership in row.get("organization_membership") or []:
        user = first(membership.get("user"))
        members.append({"username": user.get("username"), "user_id": user.get("id"),
                        "role": role_of(membership, "organization_membership_role")})
    members.sort(key=lambda member: member["username"] or "")
    shown = {
        "id": row["id"],
        "handle": row["handle"],
        "name": row["name"],
        "members": members,
        "teams": [shown_team(team) for team in row.get("owns__team") or []],
        "fleets": [{"fleet": fleet["slug"], "fleet_id": fleet["id"]} for fleet in row.get("application") or []],
    }
    if user_id is not None:
        shown["role"] = next((member["role"] for member in members if member["user_id"] == user_id), None)
    return shown
