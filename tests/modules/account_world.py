"""Changes to the demo world that only its admin token can make (another user joining an organization)."""
from __future__ import annotations

import requests


def admin_call(emulator, method, resource, **kwargs):
    answer = requests.request(method, emulator.url + "/v7/" + resource, timeout=30,
                              headers={"Authorization": "Bearer " + emulator.credentials["admin_token"]}, **kwargs)
    answer.raise_for_status()
    return answer.json() if answer.text else None


def row_id(emulator, resource, where):
    return admin_call(emulator, "GET", resource, params={"$select": "id", "$filter": where})["d"][0]["id"]


def join_organization(emulator, username, handle, role):
    """Make ``username`` a member of organization ``handle`` with ``role``, as an accepted invitation would."""
    admin_call(emulator, "POST", "organization_membership", json={
        "user": row_id(emulator, "user", "username eq '%s'" % username),
        "is_member_of__organization": row_id(emulator, "organization", "handle eq '%s'" % handle),
        "organization_membership_role": row_id(emulator, "organization_membership_role", "name eq '%s'" % role),
    })


def sign_up(emulator, username):
    """A new user (with a personal organization, as balenaCloud's sign-up makes); their session token."""
    answer = requests.post(emulator.url + "/user/register", timeout=30, json={
        "username": username, "email": username + "@users.example.org", "password": username + "-password"})
    answer.raise_for_status()
    return answer.text
