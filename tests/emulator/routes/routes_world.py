"""The known world of the REST route tests, served in-process by the real emulator parts:

- org `acme`: alice (administrator), carol (member; developer on fleet `acme/fleet-one`);
- org `globex`: bob (administrator);
- fleets `acme/fleet-one` (tracking a release with a `web` service), `acme/fleet-two`, `globex/fleet-b`;
- devices: `online` and `offline` in fleet-one, `foreign` (online) in globex/fleet-b;
- a raspberrypi3 host OS fleet with releases 5.1.20 and 6.0.1.
"""
from __future__ import annotations

import base64
import json
import threading
from dataclasses import dataclass, field
from typing import Any

import requests

from emulator.app import start_server
from emulator.auth.api_keys import create_key
from emulator.auth.passwords import hash_password
from emulator.auth.sessions import new_jwt_secret
from emulator.seed import reference

PASSWORD = "correct horse battery"
REGISTRY = "registry.example/v2"


@dataclass
class Api:
    world: Any
    url: str
    ids: dict = field(default_factory=dict)
    keys: dict = field(default_factory=dict)
    _tokens: dict = field(default_factory=dict)

    def login(self, username: str) -> str:
        response = requests.post(f"{self.url}/login_", json={"username": username, "password": PASSWORD}, timeout=10)
        assert response.status_code == 200, response.text
        return response.text

    def session(self, username: str) -> dict:
        if username not in self._tokens:
            self._tokens[username] = self.login(username)
        return {"Authorization": f"Bearer {self._tokens[username]}"}

    def key(self, name: str) -> dict:
        return {"Authorization": f"Bearer {self.keys[name]}"}

    def admin(self) -> dict:
        return {"Authorization": f"Bearer {self.world.admin_token}"}

    def get(self, path, **kwargs):
        return requests.get(self.url + path, timeout=10, **kwargs)

    def post(self, path, **kwargs):
        return requests.post(self.url + path, timeout=10, **kwargs)

    def patch(self, path, **kwargs):
        return requests.patch(self.url + path, timeout=10, **kwargs)

    def row(self, resource: str, row_id: int) -> dict:
        with self.world.store.transaction() as tx:
            return tx.get(resource, row_id)


def _actor(tx, resource, row_id):
    row = tx.get(resource, row_id)
    if row.get("actor"):
        return row["actor"]
    actor = tx.insert("actor", {})
    tx.update(resource, row_id, {"actor": actor})
    return actor


def _user(tx, username):
    user_id = tx.insert("user", {"username": username, "email": f"{username}@example.com",
                                 "password": hash_password(PASSWORD), "jwt_secret": new_jwt_secret()})
    _actor(tx, "user", user_id)
    return user_id


def _role(tx, resource, name):
    return tx.find(resource, name=name)[0]["id"]


def _fleet(tx, org_id, handle, name, device_type, **extra):
    app_id = tx.insert("application", {"app_name": name, "organization": org_id, "is_for__device_type": device_type,
                                       "slug": f"{handle}/{name}", **extra})
    _actor(tx, "application", app_id)
    return app_id


def _device(tx, app_id, device_type, uuid, name, online):
    device_id = tx.insert("device", {"uuid": uuid, "device_name": name, "belongs_to__application": app_id,
                                     "is_of__device_type": device_type})
    tx.update("device", device_id, {"is_online": online, "is_connected_to_vpn": online, "status": "Idle",
                                    "api_port": 48484, "ip_address": "192.0.2.7", "os_version": "balenaOS 5.1.20",
                                    "os_variant": "prod", "supervisor_version": "16.1.0"})
    _actor(tx, "device", device_id)
    return device_id


def _release(tx, app_id, commit, services, *, semver="1.0.0"):
    now = tx.now()
    release_id = tx.insert("release", {
        "belongs_to__application": app_id, "commit": commit, "status": "success", "source": "cloud",
        "composition": {"services": {name: {"build": "./", "restart": "always"} for name in services}},
        "start_timestamp": now, "end_timestamp": now, "semver": semver})
    if tx.get("release", release_id).get("raw_version") is None:   # when no versioning hook is loaded
        tx.update("release", release_id, {"raw_version": semver})
    images = {}
    for name, service_id in services.items():
        images[name] = tx.insert("image", {
            "is_a_build_of__service": service_id, "status": "success", "start_timestamp": now,
            "push_timestamp": now, "is_stored_at__image_location": f"{REGISTRY}/{commit[:8]}{name}",
            "content_hash": f"sha256:{commit[:8]}"})
        tx.insert("release_image", {"image": images[name], "is_part_of__release": release_id})
    return release_id, images


def populate(tx) -> tuple[dict, dict]:
    device_types = reference.seed(tx)
    rpi3 = device_types["raspberrypi3"]
    ids = {"rpi3": rpi3}
    for name in ("alice", "bob", "carol"):
        ids[name] = _user(tx, name)
    ids["acme"] = tx.insert("organization", {"name": "Acme", "handle": "acme"})
    ids["globex"] = tx.insert("organization", {"name": "Globex", "handle": "globex"})
    admin_role = _role(tx, "organization_membership_role", "administrator")
    member_role = _role(tx, "organization_membership_role", "member")
    for user, org, role in (("alice", "acme", admin_role), ("carol", "acme", member_role),
                            ("bob", "globex", admin_role)):
        tx.insert("organization_membership", {"user": ids[user], "is_member_of__organization": ids[org],
                                              "organization_membership_role": role})
    ids["fleet_one"] = _fleet(tx, ids["acme"], "acme", "fleet-one", rpi3)
    ids["fleet_two"] = _fleet(tx, ids["acme"], "acme", "fleet-two", rpi3)
    ids["fleet_b"] = _fleet(tx, ids["globex"], "globex", "fleet-b", rpi3)
    tx.insert("user__is_member_of__application", {
        "user": ids["carol"], "is_member_of__application": ids["fleet_one"],
        "application_membership_role": _role(tx, "application_membership_role", "developer")})

    web = tx.insert("service", {"application": ids["fleet_one"], "service_name": "web"})
    ids["web"] = web
    ids["release"], images = _release(tx, ids["fleet_one"], "a" * 32, {"web": web})
    ids["web_image"] = images["web"]
    tx.update("application", ids["fleet_one"], {"should_be_running__release": ids["release"]})
    tx.insert("application_config_variable", {"application": ids["fleet_one"],
                                              "name": "BALENA_SUPERVISOR_POLL_INTERVAL", "value": "900000"})
    tx.insert("application_environment_variable", {"application": ids["fleet_one"], "name": "APP_VAR",
                                                   "value": "fleet"})
    tx.insert("service_environment_variable", {"service": web, "name": "SVC_VAR", "value": "svc"})

    ids["online"] = _device(tx, ids["fleet_one"], rpi3, "1" * 32, "online-one", True)
    ids["offline"] = _device(tx, ids["fleet_one"], rpi3, "2" * 32, "offline-one", False)
    ids["foreign"] = _device(tx, ids["fleet_b"], rpi3, "3" * 32, "foreign-b", True)
    tx.insert("device_environment_variable", {"device": ids["online"], "name": "APP_VAR", "value": "device"})

    host = _fleet(tx, ids["acme"], "acme", "raspberrypi3-os", rpi3, is_host=True, is_public=True)
    ids["host_fleet"] = host
    host_service = tx.insert("service", {"application": host, "service_name": "main"})
    ids["os_old"], _ = _release(tx, host, "b" * 32, {"main": host_service}, semver="5.1.20")
    ids["os_new"], _ = _release(tx, host, "c" * 32, {"main": host_service}, semver="6.0.1")

    keys = {
        "alice_key": create_key(tx, _actor(tx, "user", ids["alice"]), name="alice key"),
        "provisioning": create_key(tx, _actor(tx, "application", ids["fleet_one"])),
        "device_online": create_key(tx, _actor(tx, "device", ids["online"])),
        "device_offline": create_key(tx, _actor(tx, "device", ids["offline"])),
        "device_foreign": create_key(tx, _actor(tx, "device", ids["foreign"])),
        "expired": create_key(tx, _actor(tx, "user", ids["alice"]), name="old",
                              expiry_date="2000-01-01T00:00:00.000Z"),
    }
    return ids, keys


def jwt_claims(token: str) -> dict:
    """The claims of a JWT, read without checking it (as the official SDK does)."""
    payload = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(payload + "=" * (-len(payload) % 4)))


def serve(world):
    """Starts serving `world` on a free port in a thread; returns (server, thread)."""
    server = start_server(world, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    return server, thread
