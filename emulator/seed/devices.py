"""A demo device as a running supervisor would have reported it: state, installs, tags, variables."""
from __future__ import annotations

from datetime import datetime
from random import Random

from . import os_fleets
from .accounts import actor_of
from .fleets import DevicePlan, SeededFleet
from .releases import hex_id, images_of, moment
from .rows import add, find_or_add, update


def ip_address(rng: Random) -> str:
    return f"192.168.{rng.randint(0, 254)}.{rng.randint(2, 254)} 10.{rng.randint(0, 254)}.{rng.randint(0, 254)}.2"


def mac_address(rng: Random) -> str:
    return ":".join(f"{rng.randint(0, 255):02x}" for _ in range(6))


def state_fields(rng: Random, now: datetime, plan: DevicePlan) -> dict:
    """What the supervisor reports, and what the VPN and the heartbeat set, for an online or offline device."""
    variant = "dev" if plan.dev_os else "prod"
    fields = {
        "os_version": os_fleets.os_version_label(os_fleets.OS_VERSIONS[plan.os]),
        "os_variant": variant,
        "supervisor_version": os_fleets.SUPERVISOR_VERSIONS[plan.supervisor],
        "ip_address": ip_address(rng),
        "mac_address": mac_address(rng),
        "public_address": f"203.0.113.{rng.randint(1, 254)}",
        "memory_total": 3_900_000_000,
        "memory_usage": rng.randint(400_000_000, 2_000_000_000),
        "storage_total": 29_000_000_000,
        "storage_usage": rng.randint(2_000_000_000, 9_000_000_000),
        "storage_block_device": "/dev/mmcblk0p6",
        "cpu_usage": rng.randint(2, 60),
        "cpu_temp": rng.randint(38, 70),
        "cpu_id": hex_id(rng, 16),
        "api_port": 48484,
        "status": "Idle",
        "provisioning_state": "",
    }
    if plan.online:
        fields.update(is_online=True, is_connected_to_vpn=True, api_heartbeat_state="online",
                      last_connectivity_event=moment(now, 0.02), last_vpn_event=moment(now, 0.02))
    else:
        fields.update(is_online=False, is_connected_to_vpn=False, api_heartbeat_state="offline",
                      last_connectivity_event=moment(now, 6 + rng.random() * 20),
                      last_vpn_event=moment(now, 6 + rng.random() * 20))
    return fields


def _differs(stored, wanted) -> bool:
    if isinstance(wanted, bool):
        return bool(stored) != wanted
    return stored != wanted


def seed(tx, rng: Random, now: datetime, *, fleet: SeededFleet, plan: DevicePlan, device_type_id: int) -> int:
    running = fleet.releases[plan.running] if fleet.releases else None
    state = state_fields(rng, now, plan)
    device_id = add(
        tx, "device",
        created_at=moment(now, 100 + rng.random() * 200),
        uuid=hex_id(rng),
        device_name=plan.name,
        belongs_to__application=fleet.id,
        is_of__device_type=device_type_id,
        note=plan.note,
        **state,
    )
    # Server-owned fields may be dropped from an insert; write back whatever did not stick.
    stored = tx.get("device", device_id)
    missing = {name: value for name, value in state.items() if _differs(stored.get(name), value)}
    update(tx, "device", device_id, **missing)
    actor_of(tx, "device", device_id)
    if running is not None:
        update(tx, "device", device_id, is_running__release=running)
    _add_installs(tx, now, fleet, plan, device_id=device_id, running=running)
    for key, value in plan.tags.items():
        find_or_add(tx, "device_tag", {"device": device_id, "tag_key": key}, value=value)
    for name, value in plan.env.items():
        find_or_add(tx, "device_environment_variable", {"device": device_id, "name": name}, value=value)
    for name, value in plan.config.items():
        find_or_add(tx, "device_config_variable", {"device": device_id, "name": name}, value=value)
    return device_id


def _add_installs(tx, now: datetime, fleet: SeededFleet, plan: DevicePlan, *, device_id: int, running) -> None:
    installs = {}
    for service_name, service_id in fleet.services.items():
        installs[service_name] = find_or_add(
            tx, "service_install", {"device": device_id, "installs__service": service_id})
    for service_name, variables in plan.service_env.items():
        for name, value in variables.items():
            find_or_add(tx, "device_service_environment_variable",
                        {"service_install": installs[service_name], "name": name}, value=value)
    if running is None:
        return
    for _service_id, image_id in images_of(tx, running).items():
        find_or_add(
            tx, "image_install", {"device": device_id, "installs__image": image_id},
            install_date=moment(now, 1), status="Running" if plan.online else "exited",
            is_provided_by__release=running,
        )
