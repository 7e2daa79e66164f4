"""Create fleets, devices and releases through the official SDK, the way its own test helper does.

Every name is unique per run so that tests sharing one emulator never trip over each other.
"""
from __future__ import annotations

import itertools
import secrets

import requests

_counter = itertools.count(1)


def unique_name(prefix: str) -> str:
    return f"{prefix}{next(_counter)}{secrets.token_hex(2)}"


def full_commit() -> str:
    return secrets.token_hex(16)


class WorldFactory:
    def __init__(self, balena, admin, organization: str):
        self.balena = balena
        self.admin = admin
        self.organization = organization

    @property
    def url(self) -> str:
        return self.balena.settings.get("api_endpoint").rstrip("/")

    def fleet(self, device_type: str = "raspberrypi3", application_class: str | None = None) -> dict:
        return self.balena.models.application.create(
            unique_name("conf-fleet-"), device_type, self.organization, application_class
        )

    def device(self, fleet: dict, device_type: str | None = None) -> dict:
        """Register a device into `fleet`; returns {id, uuid, api_key} (the device key)."""
        uuid = self.balena.models.device.generate_uuid()
        return self.balena.models.device.register(fleet["id"], uuid, device_type)

    def report_state(self, device: dict, **fields) -> requests.Response:
        """What a supervisor sends: `PATCH /device/v3/state` with the device's own key."""
        return requests.patch(
            f"{self.url}/device/v3/state",
            json={device["uuid"]: fields},
            headers={"Authorization": f"Bearer {device['api_key']}"},
            timeout=30,
        )

    def online_device(self, fleet: dict, device_type: str | None = None, **fields) -> dict:
        device = self.device(fleet, device_type)
        state = {"status": "Idle", "is_online": True, "os_version": "balenaOS 5.1.20",
                 "os_variant": "dev", "supervisor_version": "16.1.0",
                 "ip_address": "192.0.2.10 198.51.100.7", "mac_address": "02:00:00:00:00:01",
                 **fields}
        answer = self.report_state(device, **state)
        assert answer.status_code == 200, (answer.status_code, answer.text)
        # A supervisor also polls its target state, which is what makes the API heartbeat online.
        polled = requests.get(f"{self.url}/device/v3/{device['uuid']}/state",
                              headers={"Authorization": f"Bearer {device['api_key']}"}, timeout=30)
        assert polled.status_code == 200, (polled.status_code, polled.text)
        return device

    def release(self, fleet: dict, services=("main",), status: str = "success",
                commit: str | None = None, **release_fields) -> dict:
        """A release with one image per service, made with raw pine POSTs like the SDK tests."""
        pine = self.balena.pine
        user_id = self.balena.auth.get_user_info()["id"]
        release = pine.post({"resource": "release", "body": {
            "belongs_to__application": fleet["id"], "is_created_by__user": user_id,
            "commit": commit or full_commit(), "status": status, "source": "cloud",
            "composition": {"services": {name: {} for name in services}},
            "start_timestamp": 1234, **release_fields}})
        made = {"release": release, "services": {}, "images": {}}
        for name in services:
            service = self._service(fleet, name)
            image = pine.post({"resource": "image", "body": {
                "is_a_build_of__service": service["id"], "project_type": "dockerfile",
                "content_hash": secrets.token_hex(4), "build_log": f"{name} build log",
                "start_timestamp": 1234, "push_timestamp": 1234, "status": "success"}})
            pine.post({"resource": "image__is_part_of__release",
                       "body": {"image": image["id"], "is_part_of__release": release["id"]}})
            made["services"][name] = service
            made["images"][name] = image
        return made

    def _service(self, fleet: dict, name: str) -> dict:
        found = self.balena.pine.get({"resource": "service", "options": {
            "$filter": {"application": fleet["id"], "service_name": name}}})
        if found:
            return found[0]
        return self.balena.pine.post({"resource": "service",
                                      "body": {"application": fleet["id"], "service_name": name}})

    def install(self, device: dict, made: dict, service: str = "main") -> dict:
        """Record on the API side that `device` runs `service` of release `made`."""
        pine = self.balena.pine
        image_install = pine.post({"resource": "image_install", "body": {
            "installs__image": made["images"][service]["id"],
            "is_provided_by__release": made["release"]["id"], "device": device["id"],
            "download_progress": 100, "status": "Running", "install_date": "2017-10-30"}})
        # balenaCloud creates service installs itself when a device joins a fleet with services;
        # the SDK's own test helper posts them (and open-balena accepted that): do whichever fits.
        key = {"installs__service": made["services"][service]["id"], "device": device["id"]}
        service_install = pine.get_or_create({"resource": "service_install", "id": key, "body": {}})
        return {"image_install": image_install, "service_install": service_install}

    def new_user(self) -> dict:
        """Sign up a brand-new user through the SDK (`POST /user/register`) and log them in."""
        from .official_sdk import connect

        email = f"{unique_name('conf-user-')}@example.com"
        password = "conformance-" + secrets.token_hex(8)
        client = connect(self.url)
        token = client.auth.register(email=email, password=password)
        assert isinstance(token, str) and token.count(".") == 2, token
        client.auth.login_with_token(token)
        info = client.auth.get_user_info()
        return {"email": email, "password": password, "username": info["username"],
                "id": info["id"], "client": client}
