"""The demo world: who exists, which fleets and devices they have, and the credentials to reach them.

- `demo` administers the organization `demo` (fleets digital-signage, air-quality, lab-prototypes)
  and is a member of `acme`: a developer of acme/factory-gateways (may change it) and, through the
  team `field-ops`, an observer of acme/warehouse-scanners (may only read it).
- `alice` is in no organization of demo's: her organization `alice` and fleet alice/private-fleet
  are what access-control tests must not reach as `demo`.
- balena_os holds the public host OS and supervisor fleets (see os_fleets.py).

Uuids, commits and names come from a fixed random seed, so every demo world looks the same;
passwords are fixed and documented; API keys are random.
"""
from __future__ import annotations

from random import Random

from . import accounts, devices, fleets, os_fleets
from .fleets import DevicePlan, FleetPlan

SEED = 2026
DEMO_USER = {"username": "demo", "email": "demo@example.com", "password": "demo-password"}
SECOND_USER = {"username": "alice", "email": "alice@example.org", "password": "alice-password"}
DEMO_SSH_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIGRlbW8tZW11bGF0b3ItcHVibGljLWtleS1vbmx5 demo@laptop"

ORGANIZATIONS = {"demo": "demo", "acme": "Acme Robotics", "alice": "alice"}

_PLAYER = {"labels": {"io.balena.features.supervisor-api": "1"},
           "env": {"PLAYLIST_URL": "https://example.com/playlist"}}

FLEETS = (
    FleetPlan(
        "demo", "digital-signage", "raspberrypi4-64",
        services={"player": _PLAYER, "updater": {}},
        releases=(("1.0.0", 60, "success"), ("1.1.0", 30, "success"), ("1.2.0", 5, "success"),
                  ("1.3.0", 1, "failed")),
        env={"SCREEN_ROTATION": "0", "LOG_LEVEL": "info"},
        config={"BALENA_SUPERVISOR_POLL_INTERVAL": "900000"},
        tags={"customer": "city-museum", "tier": "production"},
        devices=(
            DevicePlan("lobby-screen", tags={"location": "lobby", "floor": "0"}, env={"SCREEN_ROTATION": "90"},
                       service_env={"player": {"VOLUME": "40"}}),
            DevicePlan("cafe-screen", tags={"location": "cafe", "floor": "1"}, running=-2),
            DevicePlan("gallery-screen", online=False, running=0, os=2, supervisor=1,
                       tags={"location": "gallery"}, note="Power supply being replaced"),
            DevicePlan("entrance-kiosk", tags={"location": "entrance", "kiosk": ""},
                       config={"BALENA_HOST_CONFIG_gpu_mem": "128"}),
        ),
    ),
    FleetPlan(
        "demo", "air-quality", "raspberrypi3",
        services={"sensor": {}},
        releases=(("0.9.0", 90, "success"), ("1.0.0", 12, "success")),
        env={"SAMPLE_SECONDS": "60"},
        tags={"tier": "pilot"},
        devices=(
            DevicePlan("roof-sensor", tags={"location": "roof"}, dev_os=True),
            DevicePlan("basement-sensor", online=False, tags={"location": "basement"}),
            DevicePlan("garage-sensor", running=0, os=3, tags={"location": "garage"}),
        ),
    ),
    FleetPlan(
        "demo", "lab-prototypes", "generic-amd64",
        services={"app": {}},
        releases=(("0.1.0", 3, "success"),),
        devices=(DevicePlan("bench-nuc", dev_os=True, tags={"owner": "demo"}),),
    ),
    FleetPlan(
        "acme", "factory-gateways", "intel-nuc",
        services={"gateway": {}, "mqtt": {}},
        releases=(("2.0.0", 45, "success"), ("2.1.0", 8, "success")),
        env={"MQTT_HOST": "mqtt"},
        tags={"site": "plant-1"},
        devices=(
            DevicePlan("line-1-gateway", tags={"line": "1"}),
            DevicePlan("line-2-gateway", tags={"line": "2"}),
            DevicePlan("line-3-gateway", online=False, tags={"line": "3"}, running=0),
        ),
    ),
    FleetPlan(
        "acme", "warehouse-scanners", "raspberry-pi2",
        services={"scanner": {}},
        releases=(("3.4.1", 20, "success"),),
        devices=(
            DevicePlan("dock-a-scanner", tags={"dock": "a"}, os=2, supervisor=1),
            DevicePlan("dock-b-scanner", online=False, tags={"dock": "b"}, os=2, supervisor=1),
        ),
    ),
    FleetPlan(
        "alice", "private-fleet", "raspberry-pi",
        services={"main": {}},
        releases=(("0.0.1", 10, "success"),),
        env={"SECRET_SAUCE": "alice-only"},
        devices=(DevicePlan("alice-pi", tags={"owner": "alice"}, os=1, supervisor=0),),
    ),
)


def _user_credentials(tx, profile: dict, user_id: int, organization: str) -> dict:
    return {**profile, "user_id": user_id, "organization": organization,
            "api_key": accounts.user_api_key(tx, user_id, f"{profile['username']} key")}


def seed_single_user(tx) -> dict:
    """The `empty` world: the reference data and one user with a personal organization, no fleets."""
    user = accounts.add_user(tx, **DEMO_USER)
    organization = accounts.add_organization(tx, "demo", ORGANIZATIONS["demo"])
    accounts.add_member(tx, user, organization, "administrator")
    return _user_credentials(tx, DEMO_USER, user, "demo")


def seed(tx, device_types: dict) -> dict:
    """The `demo` world; returns the credentials a client needs to use it."""
    rng = Random(SEED)
    now = tx.world.clock()
    os_fleets.seed(tx, rng, now, device_types)

    demo = accounts.add_user(tx, **DEMO_USER)
    alice = accounts.add_user(tx, **SECOND_USER)
    organizations = {handle: accounts.add_organization(tx, handle, name) for handle, name in ORGANIZATIONS.items()}
    accounts.add_member(tx, demo, organizations["demo"], "administrator")
    accounts.add_member(tx, demo, organizations["acme"], "member")
    accounts.add_member(tx, alice, organizations["alice"], "administrator")
    accounts.add_ssh_key(tx, demo, "demo laptop", DEMO_SSH_KEY)

    seeded = {}
    device_ids = {}
    for plan in FLEETS:
        fleet = fleets.seed(tx, rng, now, plan=plan, organization_id=organizations[plan.organization],
                            device_types=device_types)
        seeded[plan.name] = fleet
        for device_plan in plan.devices:
            device_ids[device_plan.name] = devices.seed(
                tx, rng, now, fleet=fleet, plan=device_plan, device_type_id=device_types[plan.device_type])

    accounts.add_fleet_member(tx, demo, seeded["factory-gateways"].id, "developer")
    accounts.add_team(tx, organizations["acme"], "field-ops", [demo], {seeded["warehouse-scanners"].id: "observer"})
    os_fleets.seed_esr(tx, now, device_types)

    credentials = _user_credentials(tx, DEMO_USER, demo, "demo")
    lobby = tx.get("device", device_ids["lobby-screen"])
    credentials.update(
        shared_organization="acme",
        fleets=[fleet.slug for fleet in seeded.values() if fleet.plan.organization in ("demo", "acme")],
        writable_fleets=[seeded[name].slug for name in
                         ("digital-signage", "air-quality", "lab-prototypes", "factory-gateways")],
        read_only_fleets=[seeded["warehouse-scanners"].slug],
        fleet=seeded["digital-signage"].slug,
        provisioning_key={"fleet": seeded["digital-signage"].slug,
                          "key": accounts.provisioning_key(tx, seeded["digital-signage"].id)},
        device={"uuid": lobby["uuid"], "name": lobby["device_name"], "fleet": seeded["digital-signage"].slug,
                "api_key": accounts.device_key(tx, lobby["id"])},
        offline_device={"uuid": tx.get("device", device_ids["gallery-screen"])["uuid"],
                        "fleet": seeded["digital-signage"].slug},
        second_user={**_user_credentials(tx, SECOND_USER, alice, "alice"),
                     "fleet": seeded["private-fleet"].slug},
    )
    return credentials
