"""A demo-world emulator seen by its tenants: the demo user's four kinds of caller, the second user
(another tenant) and the admin, who reads the rows as they are."""
from __future__ import annotations

import requests

CALLER_KINDS = ("user session", "user API key", "device key", "provisioning key")


class Tenancy:
    def __init__(self, emulator):
        self.emulator = emulator
        self.credentials = emulator.credentials
        self.session = requests.Session()
        login = {"username": self.credentials["username"], "password": self.credentials["password"]}
        response = self.session.post(emulator.url + "/login_", json=login, timeout=30)
        response.raise_for_status()
        self.tokens = {
            "user session": response.text,
            "user API key": self.credentials["api_key"],
            "device key": self.credentials["device"]["api_key"],
            "provisioning key": self.credentials["provisioning_key"]["key"],
            "other tenant": self.credentials["second_user"]["api_key"],
            "admin": emulator.credentials["admin_token"],
        }

    def call(self, method: str, path: str, who: str, **kwargs) -> requests.Response:
        headers = {"Authorization": f"Bearer {self.tokens[who]}"}
        return self.session.request(method, self.emulator.url + path, headers=headers, timeout=30, **kwargs)

    def rows(self, path: str, who: str) -> list:
        """The rows `who` reads; none when `who` may not read the resource at all (401)."""
        response = self.call("GET", path, who)
        if response.status_code == 401:
            return []
        assert response.status_code == 200, (path, who, response.status_code, response.text)
        return response.json()["d"]

    def ids(self, resource: str, who: str) -> list:
        return [row["id"] for row in self.rows(f"/v7/{resource}?$select=id&$orderby=id asc", who)]

    def row(self, resource: str, row_id: int) -> dict:
        (found,) = self.rows(f"/v7/{resource}({row_id})", "admin")
        return found

    def may_update(self, resource: str, row_id: int, who: str) -> bool:
        response = self.call("POST", f"/v7/{resource}({row_id})/canAccess", who, json={"action": "update"})
        return response.status_code == 200

    def whoami_actor(self, who: str) -> int:
        response = self.call("GET", "/actor/v1/whoami", who)
        response.raise_for_status()
        return response.json()["id"]

    def create(self, resource: str, body: dict, who: str) -> int:
        response = self.call("POST", f"/v7/{resource}", who, json=body)
        assert response.status_code == 201, (resource, body, who, response.status_code, response.text)
        return response.json()["id"]

    def one_id(self, path: str, who: str) -> int:
        return self.rows(path, who)[0]["id"]

    def fill_tenant(self, who: str, user: int, organization: str, fleet: str) -> None:
        """Rows the demo world lacks, in `who`'s organization and fleet, so that every linked resource
        has rows in each tenant."""
        org = self.one_id(f"/v7/organization(handle='{organization}')?$select=id", who)
        app = self.one_id(f"/v7/application(slug='{fleet}')?$select=id", who)
        release = self.one_id(f"/v7/release?$select=id&$filter=belongs_to__application eq {app}", who)
        release_image = self.one_id(f"/v7/release_image?$select=id&$filter=is_part_of__release eq {release}", who)
        membership = self.one_id(f"/v7/organization_membership?$select=id&$filter=is_member_of__organization eq {org}",
                                 who)
        self.create("build_environment_variable", {"application": app, "name": "BUILD", "value": "1"}, who)
        self.create("image_label", {"release_image": release_image, "label_name": "label", "value": "1"}, who)
        self.create("image_environment_variable", {"release_image": release_image, "name": "ENV", "value": "1"}, who)
        self.create("release_asset", {"release": release, "asset_key": "asset"}, who)
        self.create("organization_membership_tag",
                    {"organization_membership": membership, "tag_key": "tag", "value": "1"}, who)
        self.create("invitee__is_invited_to__application",
                    {"invitee": f"fleet-guest-of-{organization}@example.net", "is_invited_to__application": app}, who)
        self.create("invitee__is_invited_to__organization",
                    {"invitee": f"guest-of-{organization}@example.net", "is_invited_to__organization": org}, who)
        team = self.create("team", {"belongs_to__organization": org, "name": "tenancy"}, who)
        self.create("team_application_access", {"team": team, "grants_access_to__application": app}, who)
        self.create("team_membership", {"user": user, "is_member_of__team": team}, who)
        self.create("user__is_member_of__application", {"user": user, "is_member_of__application": app}, who)
