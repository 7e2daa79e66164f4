"""Many devices at once (`--devices N`): fully formed rows written with bulk inserts, no hooks.

Each device gets an actor, the state an online or offline device reports (OS and supervisor
versions with their releases, addresses, metrics), its fleet's target release as the running one,
two tags, a service install per service of its fleet and an image install per image of the release
it runs. Rows are computed here the way the hooks would have computed them, so that reads cannot
tell them from devices made one by one.
"""
from __future__ import annotations

import time
from datetime import timedelta
from random import Random

from ..store.tables import BASE_COLUMNS, quote, stored_fields
from ..store.timestamps import format_instant
from ..store.values import to_stored
from . import os_fleets
from .accounts import actor_of
from .devices import ip_address, mac_address
from .releases import images_of

SEED = 50_000
ONLINE_SHARE = 0.7
ADJECTIVES = ("amber", "bold", "calm", "dusty", "eager", "frosty", "gentle", "hidden", "icy", "jolly",
              "lively", "misty", "noble", "quiet", "rapid", "silent", "tiny", "vivid", "wild", "young")
NOUNS = ("brook", "cedar", "dawn", "ember", "field", "grove", "harbor", "island", "lake", "meadow",
         "night", "ocean", "pine", "river", "shadow", "stone", "thunder", "valley", "willow", "wind")


def _insert_many(tx, table: str, columns: list, rows: list) -> None:
    sql = (f"INSERT INTO {quote(table)} (" + ", ".join(quote(name) for name in columns) + ") VALUES ("
           + ", ".join("?" for _ in columns) + ")")
    tx.connection.executemany(sql, rows)


def _next_id(tx, table: str) -> int:
    return (tx.query(f"SELECT COALESCE(MAX(id), 0) AS top FROM {quote(table)}")[0]["top"] or 0) + 1


def _user_fleets(tx) -> list[dict]:
    return tx.query(
        "SELECT a.id, a.app_name, a.is_for__device_type AS device_type, a.should_be_running__release AS target,"
        " c.slug AS arch FROM application a"
        " JOIN device_type d ON d.id = a.is_for__device_type"
        " JOIN cpu_architecture c ON c.id = d.is_of__cpu_architecture"
        " WHERE a.is_host = 0 AND a.is_public = 0 ORDER BY a.id"
    )


def _fleet_for_empty_world(tx) -> None:
    """A world seeded `empty` has no fleet: the devices go to a new one in the first organization."""
    organizations = tx.query("SELECT id FROM organization ORDER BY id LIMIT 1")
    device_types = tx.query("SELECT id FROM device_type WHERE slug = 'raspberrypi4-64'")
    if organizations and device_types:
        fleet = tx.insert("application", {"app_name": "fleet-at-scale", "organization": organizations[0]["id"],
                                          "is_for__device_type": device_types[0]["id"]})
        actor_of(tx, "application", fleet)


def _release_id(tx, fleet_slug: str, semver: str, variant: str) -> int | None:
    rows = tx.query(
        "SELECT r.id FROM release r JOIN application a ON a.id = r.belongs_to__application"
        " JOIN organization o ON o.id = a.organization"
        " WHERE lower(o.handle || '/' || a.app_name) = ? AND r.semver = ? AND r.variant = ? AND r.status = 'success'"
        " ORDER BY r.id DESC LIMIT 1",
        (fleet_slug, semver, variant),
    )
    return rows[0]["id"] if rows else None


def _device_type_slug(tx, device_type_id: int) -> str:
    rows = tx.query("SELECT slug FROM device_type WHERE id = ?", (device_type_id,))
    return rows[0]["slug"] if rows else ""


def _fleet_profile(tx, fleet: dict) -> dict:
    """What every device of `fleet` shares: its services and the OS and supervisor releases to point at."""
    slug = _device_type_slug(tx, fleet["device_type"])
    os_version = os_fleets.OS_VERSIONS[-1]
    supervisor_version = os_fleets.SUPERVISOR_VERSIONS[-1]
    host = f"{os_fleets.ORGANIZATION_HANDLE}/{slug}"
    supervisor = f"{os_fleets.ORGANIZATION_HANDLE}/{fleet['arch']}-supervisor"
    return {
        **fleet,
        "services": [row["id"] for row in tx.query("SELECT id FROM service WHERE application = ?", (fleet["id"],))],
        # the images of the release the devices run, installed as a supervisor reports them
        "images": sorted(images_of(tx, fleet["target"]).values()) if fleet["target"] else [],
        "os_version": os_fleets.os_version_label(os_version),
        "os_release": _release_id(tx, host, os_version, "prod"),
        "supervisor_version": supervisor_version,
        "supervisor_release": _release_id(tx, supervisor, supervisor_version, ""),
    }


def seed(world, count: int, seed: int = SEED) -> float:
    """Adds `count` devices spread over the user fleets; returns the seconds it took."""
    started = time.monotonic()
    rng = Random(seed)
    now = world.clock()
    device = world.store.resource("device")
    fields = stored_fields(device)
    columns = [*BASE_COLUMNS, *(field.name for field in fields)]
    defaults = {}
    for field in fields:
        default = field.default() if callable(field.default) else field.default
        if default is None and field.type == "boolean" and not field.nullable:
            default = False
        defaults[field.name] = to_stored(field, default) if default is not None else None

    with world.store.transaction() as tx:
        if not _user_fleets(tx):
            _fleet_for_empty_world(tx)
        fleets = [_fleet_profile(tx, fleet) for fleet in _user_fleets(tx)]
        if not fleets:
            raise RuntimeError("no fleet to add devices to")
        first_actor = _next_id(tx, "actor")
        first_device = _next_id(tx, "device")
        stamps = [format_instant(now - timedelta(minutes=minutes)) for minutes in range(0, 60 * 24 * 30, 37)]
        devices, actors, tags, installs, image_installs = [], [], [], [], []
        for number in range(count):
            fleet = fleets[number % len(fleets)]
            device_id = first_device + number
            actor_id = first_actor + number
            created = stamps[number % len(stamps)]
            online = rng.random() < ONLINE_SHARE
            seen = stamps[0] if online else stamps[(number * 7) % len(stamps)]
            row = dict(defaults)
            row.update(
                id=device_id, created_at=created, modified_at=created, actor=actor_id,
                uuid=f"{rng.getrandbits(128):032x}",
                device_name=f"{rng.choice(ADJECTIVES)}-{rng.choice(NOUNS)}-{number:05d}",
                is_of__device_type=fleet["device_type"], belongs_to__application=fleet["id"],
                is_online=int(online), is_connected_to_vpn=int(online),
                api_heartbeat_state="online" if online else "offline",
                last_connectivity_event=seen, last_vpn_event=seen, changed_api_heartbeat_state_on__date=seen,
                ip_address=ip_address(rng), mac_address=mac_address(rng), status="Idle",
                os_version=fleet["os_version"], os_variant="prod", supervisor_version=fleet["supervisor_version"],
                should_be_operated_by__release=fleet["os_release"],
                should_be_managed_by__release=fleet["supervisor_release"],
                is_running__release=fleet["target"], api_port=48484,
                memory_total=3_900_000_000, memory_usage=rng.randint(400_000_000, 2_000_000_000),
                storage_total=29_000_000_000, storage_usage=rng.randint(2_000_000_000, 9_000_000_000),
                cpu_usage=rng.randint(2, 60), cpu_temp=rng.randint(38, 70),
            )
            devices.append(tuple(row.get(name) for name in columns))
            actors.append((actor_id, created, created))
            tags.append((created, created, device_id, "rack", f"rack-{number % 200:03d}"))
            tags.append((created, created, device_id, "batch", f"batch-{number // 1000:02d}"))
            installs.extend((created, created, device_id, service) for service in fleet["services"])
            image_installs.extend((created, created, device_id, image, fleet["target"], created, "Running" if online else "exited")
                                  for image in fleet["images"])
        _insert_many(tx, "actor", list(BASE_COLUMNS), actors)
        _insert_many(tx, "device", columns, devices)
        _insert_many(tx, "device_tag", ["created_at", "modified_at", "device", "tag_key", "value"], tags)
        _insert_many(tx, "service_install", ["created_at", "modified_at", "device", "installs__service"], installs)
        _insert_many(tx, "image_install", ["created_at", "modified_at", "device", "installs__image", "is_provided_by__release",
                                           "install_date", "status"], image_installs)
    return time.monotonic() - started
