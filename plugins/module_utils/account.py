# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Who the caller is, and which role they hold on a fleet or an organization.

The account modules check the caller's role before they write, so that a refusal names the role
that is missing instead of an empty 401, and nothing is written (not even in part).
"""

from __future__ import annotations

from .errors import ParameterError

ADMINISTRATOR = "administrator"
# The fleet roles that may change a fleet, strongest first (an organization administrator may too).
FLEET_WRITE_ROLES = ("developer", "operator")
FLEET_ROLE_ORDER = (ADMINISTRATOR, "developer", "operator", "observer")


def caller(client):
    """``{"id", "actor", "username"}`` of the user behind the API key; a device or fleet key is refused."""
    whoami = client.auth.whoami()
    if whoami.get("actorType") != "user":
        raise ParameterError("api_key", "is the key of a {0}, not of a user; use a user's API key".format(
            whoami.get("actorType", "non-user")))
    return {"id": whoami["actorTypeId"], "actor": whoami["id"], "username": whoami.get("username")}


def fleet_by_key(pine, fleet, parameter="fleet", extra_select=()):
    """The fleet given by slug or numeric id with its organization's handle, or a ParameterError."""
    text = str(fleet).strip()
    where = {"id": int(text)} if text.isdigit() else {"slug": text.lower()}
    found = pine.get({"resource": "application", "options": {
        "$select": ["id", "slug", "organization"] + list(extra_select),
        "$filter": where,
        "$expand": {"organization": {"$select": ["id", "handle"]}},
    }})
    if not found:
        raise ParameterError(parameter, "no fleet {0!r} exists that this API key can see".format(fleet))
    return found[0]


def organization_role(pine, organization_id, user_id):
    """The caller's role name in the organization (``administrator``/``member``) or None (also for an
    organization the key cannot read, ``organization_id`` None)."""
    if organization_id is None:
        return None
    rows = pine.get({"resource": "organization_membership", "options": {
        "$select": "id",
        "$filter": {"user": user_id, "is_member_of__organization": organization_id},
        "$expand": {"organization_membership_role": {"$select": "name"}},
    }})
    return _role_name(rows, "organization_membership_role")


def remembered_organization_role(pine, organization_id, user_id, known):
    """``organization_role``, asked once per organization for the life of ``known``."""
    key = ("organization", organization_id)
    if key not in known:
        known[key] = organization_role(pine, organization_id, user_id)
    return known[key]


def fleet_role(pine, fleet, user_id, known=None):
    """The strongest role the user holds on ``fleet`` (as ``fleet_by_key`` returned it):
    ``administrator`` of its organization, or ``developer``/``operator``/``observer`` through a
    fleet membership or a team; ``member`` of its organization only; or None. ``known`` (a dict kept
    by the caller) remembers the user's organization roles and teams from one fleet to the next."""
    known = {} if known is None else known
    roles = set()
    org_role = remembered_organization_role(pine, fleet_organization(fleet)["id"], user_id, known)
    if org_role:
        roles.add(org_role)
    direct = pine.get({"resource": "user__is_member_of__application", "options": {
        "$select": "id",
        "$filter": {"user": user_id, "is_member_of__application": fleet["id"]},
        "$expand": {"application_membership_role": {"$select": "name"}},
    }})
    roles.add(_role_name(direct, "application_membership_role"))
    if "teams" not in known:
        teams = pine.get({"resource": "team_membership", "options": {"$select": "is_member_of__team", "$filter": {"user": user_id}}})
        known["teams"] = sorted({row["is_member_of__team"]["__id"] for row in teams})
    team_ids = known["teams"]
    if team_ids:
        accesses = pine.get({"resource": "team_application_access", "options": {
            "$select": "id",
            "$filter": {"team": {"$in": team_ids}, "grants_access_to__application": fleet["id"]},
            "$expand": {"application_membership_role": {"$select": "name"}},
        }})
        for access in accesses:
            roles.add(_role_name([access], "application_membership_role"))
    for role in FLEET_ROLE_ORDER:
        if role in roles:
            return role
    return "member" if "member" in roles else None


def require_fleet_write(pine, fleet, user_id, action, parameter="fleet"):
    """Refuse, naming the role, when the caller may not change ``fleet``."""
    role = fleet_role(pine, fleet, user_id)
    if role == ADMINISTRATOR or role in FLEET_WRITE_ROLES:
        return role
    held = {"observer": "an observer of it", "member": "only a member of its organization"}.get(role, "not a member of it")
    raise ParameterError(parameter, "{0} needs the developer or operator role on fleet {1} (or administrator of "
                                    "organization {2}); this API key's user is {3}".format(
                                        action, fleet["slug"], fleet_organization(fleet)["handle"], held))


def fleet_organization(fleet):
    """``{"id", "handle"}`` of the organization of ``fleet`` (as ``fleet_by_key`` returned it). The expansion
    is empty when the key cannot read the organization: then ``id`` is None and the handle comes from the
    slug (``handle/name``)."""
    found = fleet.get("organization")
    found = (found[0] if found else None) if isinstance(found, list) else None
    if found and found.get("id") is not None:
        return {"id": found["id"], "handle": found.get("handle") or _slug_handle(fleet)}
    return {"id": None, "handle": _slug_handle(fleet)}


def _slug_handle(fleet):
    return str(fleet.get("slug") or "").split("/", 1)[0]


def _role_name(rows, link):
    for row in rows or []:
        role = row.get(link)
        if isinstance(role, list) and role:
            return role[0].get("name")
    return None


def organization_by_handle(pine, handle, parameter="organization", required=True):
    """The organization ``{"id", "handle", "name"}`` by handle or numeric id; None or a ParameterError when unseen."""
    text = str(handle).strip()
    where = {"id": int(text)} if text.isdigit() else {"handle": text}
    found = pine.get({"resource": "organization", "options": {"$select": ["id", "handle", "name"], "$filter": where}})
    if found:
        return found[0]
    if required:
        raise ParameterError(parameter, "no organization {0!r} exists that this API key can see".format(handle))
    return None


def require_organization_admin(pine, organization, user, action, parameter="organization"):
    """Refuse, naming the role, when ``user`` does not administer ``organization``."""
    role = organization_role(pine, organization["id"], user["id"])
    if role != ADMINISTRATOR:
        raise ParameterError(parameter, "{0} needs the administrator role in organization {1}; {2} is {3}".format(
            action, organization["handle"], user["username"], "a member" if role else "not a member of it"))


def user_by_username(pine, username, parameter="username"):
    """``{"id", "username"}`` of a user the caller can see, or a ParameterError naming the username."""
    found = pine.get({"resource": "user", "options": {"$select": ["id", "username"], "$filter": {"username": username}}})
    if not found:
        raise ParameterError(parameter, "no user {0!r} exists that this API key can see".format(username))
    return found[0]


def visible_usernames(pine, usernames):
    """The lower-cased ``usernames`` of users this key can see (others may exist unseen, or not at all)."""
    if not usernames:
        return set()
    found = pine.get({"resource": "user", "options": {"$select": ["username"], "$filter": {"username": {"$in": sorted(usernames)}}}})
    return {row["username"].lower() for row in found}


def unseen_usernames(pine, usernames):
    """Those of ``usernames`` that name no user this key can see: they may not exist at all."""
    seen = visible_usernames(pine, usernames)
    return sorted(name for name in usernames if name.lower() not in seen)


def refuse_unseen_non_members(pine, usernames, among, parameter="username"):
    """Fail, naming them, when usernames that are not members of ``among`` name no visible user: a typo
    there must not pass for a removal that already happened."""
    unseen = unseen_usernames(pine, usernames)
    if unseen:
        raise ParameterError(parameter, "{0} not among the members of {1}, and no user of that name is visible to this "
                                        "API key, so whether such a user exists at all is unknown; check the spelling "
                                        "(nothing was written)".format(
                                            ", ".join(repr(name) for name in unseen) + (" is" if len(unseen) == 1 else " are"),
                                            among))
