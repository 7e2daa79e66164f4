# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Membership role names to ids (fleet roles: developer/operator/observer; organization roles)."""

from __future__ import annotations

from ..exceptions import BalenaApplicationMembershipRoleNotFound, BalenaOrganizationMembershipRoleNotFound

ROLE_RESOURCES = {
    "application": ("application_membership_role", BalenaApplicationMembershipRoleNotFound),
    "organization": ("organization_membership_role", BalenaOrganizationMembershipRoleNotFound),
}


def role_id(pine, kind, role_name):
    resource, not_found = ROLE_RESOURCES[kind]
    params = {"resource": resource, "id": {"name": role_name}, "options": {"$select": "id"}}
    role = pine.reference_cache.get_or_fetch(pine.reference_cache.key(params), lambda: pine.get(params))
    if role is None:
        raise not_found(role_name)
    return role["id"]
