"""A small declared schema and world for testing the OData engine without the real declarations."""
from __future__ import annotations

import threading
from dataclasses import dataclass, field

from emulator.auth.caller import ADMIN, Caller
from emulator.odata.service import ODataService
from emulator.schema.declare import COMPUTED, CREATE_ONLY, SERVER, Field, Grant, Resource, Reverse
from emulator.store import Store

ORG_MEMBER_READ = Grant("user", ("read",), "id in {orgs}")
RESOURCES = (
    Resource(
        "organization",
        fields=(Field("name", "string", required=True), Field("handle", "string", required=True)),
        unique=(("handle",),),
        reverse=(Reverse("application", "application", "organization"),),
        grants=(ORG_MEMBER_READ, Grant("user", ("update",), "id in {admin_orgs}")),
    ),
    Resource(
        "cpu_architecture",
        fields=(Field("slug", "string", required=True),),
        unique=(("slug",),),
        grants=(Grant("guest", ("read",)),),
    ),
    Resource(
        "device_type",
        fields=(
            Field("slug", "string", required=True),
            Field("name", "string"),
            Field("is_of__cpu_architecture", "fk", references="cpu_architecture"),
        ),
        unique=(("slug",),),
        grants=(Grant("guest", ("read",)),),
    ),
    Resource(
        "application",
        aliases=("my_application",),
        fields=(
            Field("app_name", "string", required=True),
            Field("slug", "string", write=SERVER),
            Field("organization", "fk", references="organization", required=True, write=CREATE_ONLY),
            Field("is_for__device_type", "fk", references="device_type", required=True),
            Field("is_public", "boolean", nullable=False),
            Field("is_of__class", "string", default="fleet", choices=("fleet", "block", "app")),
            Field("device_count", "integer", write=COMPUTED,
                  sql='SELECT COUNT(*) FROM device d WHERE d.belongs_to__application = {t}.id'),
        ),
        unique=(("slug",),),
        reverse=(Reverse("owns__device", "device", "belongs_to__application"),
                 Reverse("application_tag", "application_tag", "application")),
        grants=(
            Grant("guest", ("read",), "is_public eq true"),
            Grant("user", ("read",), "id in {apps}"),
            Grant("user", ("create",), "organization in {admin_orgs}"),
            Grant("user", ("update", "delete"), "id in {writable_apps}"),
        ),
        keyed_delete_not_found="Application(s) not found.",
    ),
    Resource(
        "application_tag",
        fields=(
            Field("application", "fk", references="application", required=True),
            Field("tag_key", "string", required=True),
            Field("value", "text", nullable=False, default=""),
        ),
        unique=(("application", "tag_key"),),
        grants=(Grant("user", ("read",), "application in {apps}"),
                Grant("user", ("create", "update", "delete"), "application in {writable_apps}")),
    ),
    Resource(
        "device",
        fields=(
            Field("uuid", "string", required=True),
            Field("device_name", "string"),
            Field("note", "text"),
            Field("belongs_to__application", "fk", references="application", required=True),
            Field("is_of__device_type", "fk", references="device_type", required=True),
            Field("is_online", "boolean", nullable=False),
            Field("last_connectivity_event", "datetime"),
            Field("memory_usage", "integer"),
            Field("storage_size", "biginteger"),
            Field("custom", "json"),
            Field("api_heartbeat_state", "string", default="unknown",
                  choices=("online", "offline", "timeout", "unknown")),
            Field("overall_status", "string", write=COMPUTED,
                  sql="CASE WHEN {t}.is_online = 1 THEN 'idle' ELSE 'offline' END"),
        ),
        unique=(("uuid",),),
        reverse=(Reverse("device_tag", "device_tag", "device"),),
        nav_aliases={"belongs_to__fleet": "belongs_to__application"},
        grants=(Grant("user", ("read",), "belongs_to__application in {apps}"),
                Grant("user", ("create", "update", "delete"), "belongs_to__application in {writable_apps}"),
                Grant("device", ("read", "update"), "id eq {device}")),
    ),
    Resource(
        "device_tag",
        fields=(
            Field("device", "fk", references="device", required=True),
            Field("tag_key", "string", required=True),
            Field("value", "text", nullable=False, default=""),
        ),
        unique=(("device", "tag_key"),),
        grants=(Grant("user", ("read",), "device/any(d:d/belongs_to__application in {apps})"),
                Grant("user", ("create", "update", "delete"),
                      "device/any(d:d/belongs_to__application in {writable_apps})")),
    ),
)

ADMIN_CALLER = Caller(kind=ADMIN)


def member(apps=(), writable=(), orgs=(), admin_orgs=()) -> Caller:
    return Caller(kind="user", user_id=1, actor_id=1, org_ids=frozenset(orgs), admin_org_ids=frozenset(admin_orgs),
                  app_ids=frozenset(apps), writable_app_ids=frozenset(writable))


@dataclass
class StandinWorld:
    store: object = None
    odata: object = None
    router: object = None
    faults: object = None
    request_log: object = None
    authenticate: object = None
    secret: bytes = b"secret"
    admin_token: str = "admin-token"
    base_url: str = ""
    clock: object = None
    callers: dict = field(default_factory=dict)


def make_world(db_path=":memory:") -> StandinWorld:
    world = StandinWorld()
    world.store = Store(db_path, RESOURCES, world)
    world.odata = ODataService(world)
    return world


def seed(world) -> dict:
    """Two organizations, three fleets, a few devices and tags."""
    ids = {}
    with world.store.transaction() as tx:
        ids["org1"] = tx.insert("organization", {"name": "One", "handle": "one"})
        ids["org2"] = tx.insert("organization", {"name": "Two", "handle": "two"})
        ids["arch"] = tx.insert("cpu_architecture", {"slug": "aarch64"})
        ids["pi"] = tx.insert("device_type", {"slug": "raspberrypi4-64", "name": "Pi 4", "is_of__cpu_architecture": ids["arch"]})
        ids["nuc"] = tx.insert("device_type", {"slug": "intel-nuc", "name": "NUC"})
        ids["app1"] = tx.insert("application", {"app_name": "fleet-one", "slug": "one/fleet-one", "organization": ids["org1"], "is_for__device_type": ids["pi"]})
        ids["app2"] = tx.insert("application", {"app_name": "fleet-two", "slug": "one/fleet-two", "organization": ids["org1"], "is_for__device_type": ids["nuc"]})
        ids["app3"] = tx.insert("application", {"app_name": "public-os", "slug": "two/public-os", "organization": ids["org2"], "is_for__device_type": ids["pi"], "is_public": True})
        names = ["alpha", "beta", "Gamma", "delta", "O'Brien"]
        for index, name in enumerate(names):
            device_id = tx.insert("device", {
                "uuid": f"{index:032x}", "device_name": name, "note": None if index % 2 else f"note {index}",
                "belongs_to__application": ids["app1"] if index < 4 else ids["app2"],
                "is_of__device_type": ids["pi"], "is_online": index % 2 == 0,
                "last_connectivity_event": f"2024-01-0{index + 1}T10:00:00Z", "memory_usage": index * 10,
                "storage_size": 10 ** 12 + index, "custom": {"n": index},
            })
            ids[name] = device_id
            tx.insert("device_tag", {"device": device_id, "tag_key": "group", "value": "even" if index % 2 == 0 else "odd"})
        tx.insert("device_tag", {"device": ids["alpha"], "tag_key": "temp", "value": "3"})
        tx.insert("application_tag", {"application": ids["app1"], "tag_key": "kind", "value": "x"})
    return ids


class _NoFaults:
    @staticmethod
    def pick(request):
        return None


class _NoLog:
    @staticmethod
    def record(*args):
        pass


def serve(world):
    """Starts an in-process HTTP server on a free loopback port; returns (server, base_url).
    `Authorization: Bearer <name>` picks `world.callers[name]`; anything else is anonymous."""
    from emulator.auth.caller import ANONYMOUS
    from emulator.routes import odata
    from emulator.web.router import Router
    from emulator.web.server import EmulatorServer

    def authenticate(request):
        header = request.header("Authorization") or ""
        return world.callers.get(header[len("Bearer "):], ANONYMOUS)

    world.router = Router()
    odata.register(world.router)
    world.faults, world.request_log, world.authenticate = _NoFaults(), _NoLog(), authenticate
    server = EmulatorServer(world, "127.0.0.1", 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.02}, daemon=True)
    thread.start()
    return server, server.base_url
