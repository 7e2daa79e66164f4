"""A user fleet with its services, releases, variables and tags, from a plan in demo.py."""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from random import Random

from .accounts import actor_of
from .releases import add_release, add_service, moment
from .rows import add, find_or_add


@dataclass(frozen=True)
class DevicePlan:
    name: str
    online: bool = True
    running: int = -1            # index into the fleet's successful releases (-1: the newest)
    os: int = -1                 # index into os_fleets.OS_VERSIONS
    dev_os: bool = False
    supervisor: int = -1         # index into os_fleets.SUPERVISOR_VERSIONS
    tags: dict = field(default_factory=dict)
    env: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    service_env: dict = field(default_factory=dict)   # {service name: {var: value}}
    note: str | None = None


@dataclass(frozen=True)
class FleetPlan:
    organization: str
    name: str
    device_type: str
    services: dict                 # {service name: {"labels": {...}, "env": {...}}}
    releases: tuple                # ((semver, days ago, status), ...), oldest first
    env: dict = field(default_factory=dict)
    config: dict = field(default_factory=dict)
    tags: dict = field(default_factory=dict)
    devices: tuple = ()


@dataclass
class SeededFleet:
    id: int
    plan: FleetPlan
    services: dict                 # {service name: service id}
    releases: list                 # successful release ids, oldest first
    slug: str = ""


def seed(tx, rng: Random, now: datetime, *, plan: FleetPlan, organization_id: int, device_types: dict) -> SeededFleet:
    fleet_id = add(tx, "application", created_at=moment(now, 365), app_name=plan.name,
                   organization=organization_id, is_for__device_type=device_types[plan.device_type])
    actor_of(tx, "application", fleet_id)
    services = {
        name: add_service(tx, fleet_id, name, spec.get("labels"), spec.get("env"))
        for name, spec in plan.services.items()
    }
    successful = []
    for semver, days_ago, status in plan.releases:
        release_id = add_release(tx, rng, now, fleet_id, services, semver=semver, days_ago=days_ago, status=status,
                                 note=f"Release {semver}", tags={"version": semver})
        if status == "success":
            successful.append(release_id)
    for name, value in plan.env.items():
        find_or_add(tx, "application_environment_variable", {"application": fleet_id, "name": name}, value=value)
    for name, value in plan.config.items():
        find_or_add(tx, "application_config_variable", {"application": fleet_id, "name": name}, value=value)
    for key, value in plan.tags.items():
        find_or_add(tx, "application_tag", {"application": fleet_id, "tag_key": key}, value=value)
    slug = tx.get("application", fleet_id).get("slug") or f"{plan.organization}/{plan.name}".lower()
    return SeededFleet(fleet_id, plan, services, successful, slug)
