"""models.organization with its memberships, membership tags and invites."""
from __future__ import annotations

import base64

import pytest
from balena import exceptions

from .world_factory import unique_name


def test_get_all_get_by_handle_and_id(balena, credentials):
    everything = balena.models.organization.get_all()
    handles = [org["handle"] for org in everything]
    assert credentials["organization"] in handles
    names = [org["name"] for org in everything]
    assert names == sorted(names)
    assert len(everything) >= 2, "the demo user belongs to a second organization"
    own = balena.models.organization.get(credentials["organization"])
    assert own["handle"] == credentials["organization"]
    assert balena.models.organization.get(own["id"])["id"] == own["id"]
    with pytest.raises(exceptions.OrganizationNotFound):
        balena.models.organization.get("no-such-org")


def test_foreign_organization_is_invisible(balena, admin, credentials):
    visible = {org["id"] for org in balena.models.organization.get_all({"$select": "id"})}
    every_org = {org["id"] for org in admin.rows("organization?$select=id")}
    assert visible < every_org, "the demo has an organization the demo user is not in"
    hidden = sorted(every_org - visible)[0]
    with pytest.raises(exceptions.OrganizationNotFound):
        balena.models.organization.get(hidden)


def test_create_and_remove(balena, admin):
    name = unique_name("Conf Org ")
    handle = unique_name("conf_org_")
    created = balena.models.organization.create(name, handle)
    assert created["name"] == name and created["handle"] == handle
    memberships = admin.rows(f"organization_membership?$select=user"
                             f"&$filter=is_member_of__organization eq {created['id']}"
                             "&$expand=organization_membership_role($select=name)")
    assert [m["organization_membership_role"][0]["name"] for m in memberships] == ["administrator"]
    balena.models.organization.remove(handle)
    assert admin.rows(f"organization?$select=id&$filter=id eq {created['id']}") == []


def test_create_with_logo_uses_multipart_and_stores_the_logo(balena, admin, tmp_path):
    logo = tmp_path / "logo.png"
    content = b"\x89PNG\r\n\x1a\n" + bytes(range(32))
    logo.write_bytes(content)
    name = unique_name("Conf Logo ")
    with open(logo, "rb") as image:
        created = balena.models.organization.create(name, None, image)
    assert created["name"] == name and created["handle"]
    stored = balena.models.organization.get(created["id"], {"$select": ["name", "logo_image"]})["logo_image"]
    assert stored["filename"] == "logo.png" and stored["content_type"] == "image/png"
    assert stored["size"] == len(content)
    assert stored["href"] == "data:image/png;base64," + base64.b64encode(content).decode()
    balena.models.organization.remove(created["id"])


def test_memberships(balena, credentials):
    memberships = balena.models.organization.membership
    everything = memberships.get_all()
    assert everything and all(isinstance(m["id"], int) for m in everything)
    own_org = balena.models.organization.get(credentials["organization"])
    in_org = memberships.get_all_by_organization(credentials["organization"])
    assert in_org and all(m["is_member_of__organization"] == {"__id": own_org["id"]} for m in in_org)
    assert memberships.get(in_org[0]["id"])["id"] == in_org[0]["id"]
    with pytest.raises(exceptions.OrganizationMembershipNotFound):
        memberships.get(999999)


def test_membership_tags(balena, admin, credentials):
    tags = balena.models.organization.membership.tags
    membership = balena.models.organization.membership.get_all_by_organization(credentials["organization"])[0]
    tags.set(membership["id"], "team", "blue")
    tags.set(membership["id"], "floor", "3")
    tags.set(membership["id"], "team", "red")
    assert tags.get(membership["id"], "team") == "red"
    assert tags.get(membership["id"], "nope") is None
    by_membership = tags.get_all_by_organization_membership(membership["id"])
    assert [(t["tag_key"], t["value"]) for t in by_membership] == [("floor", "3"), ("team", "red")]
    by_org = tags.get_all_by_organization(credentials["organization"])
    assert {t["id"] for t in by_membership} <= {t["id"] for t in by_org}
    assert {t["id"] for t in by_org} <= {t["id"] for t in tags.get_all()}
    tags.remove(membership["id"], "floor")
    tags.remove(membership["id"], "team")
    assert admin.rows(f"organization_membership_tag?$select=id"
                      f"&$filter=organization_membership eq {membership['id']}") == []


def test_invites(balena, admin, factory, credentials):
    invitee = factory.new_user()
    invites = balena.models.organization.invite
    created = invites.create(credentials["organization"], invitee["email"], "member", "welcome")
    assert created["message"] == "welcome"
    assert created["id"] in [i["id"] for i in invites.get_all()]
    assert created["id"] in [i["id"] for i in invites.get_all_by_organization(credentials["organization"])]
    invites.revoke(created["id"])
    assert created["id"] not in [i["id"] for i in invites.get_all()]

    second = invites.create(credentials["organization"], invitee["email"])
    token = second.get("invitationToken") or admin.one(
        f"invitee__is_invited_to__organization({second['id']})")["invitationToken"]
    invitee["client"].models.organization.invite.accept(token)
    assert credentials["organization"] in [
        org["handle"] for org in invitee["client"].models.organization.get_all()]
    with pytest.raises(exceptions.BalenaOrganizationMembershipRoleNotFound):
        invites.create(credentials["organization"], invitee["email"], "emperor")
