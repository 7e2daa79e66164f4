"""The public fleets balenaCloud keeps in its `balena_os` organization: host OS fleets (one per
device type, with prod and dev releases of balenaOS) and supervisor fleets (one per CPU architecture)."""
from __future__ import annotations

from datetime import datetime
from random import Random

from .accounts import actor_of, add_organization
from .releases import add_release, add_service
from .rows import add, find_or_add

HOST_DEVICE_TYPES = (
    "raspberry-pi", "raspberry-pi2", "raspberrypi3", "raspberrypi4-64", "raspberrypi5",
    "intel-nuc", "generic-amd64", "generic-aarch64", "jetson-nano",
)
OS_VERSIONS = ("2.115.18", "3.2.25", "4.1.5", "5.3.10", "6.0.13")   # oldest first
OS_VARIANTS = ("prod", "dev")
SUPERVISOR_VERSIONS = ("14.13.14", "15.3.1", "16.4.6", "17.0.3")
SUPERVISOR_DEVICE_TYPES = {   # the device type each architecture's supervisor fleet is declared for
    "rpi": "raspberry-pi",
    "armv7hf": "raspberrypi3",
    "aarch64": "generic-aarch64",
    "amd64": "generic-amd64",
    "i386": "qemux86",
    "i386-nlp": "intel-edison",
}

ORGANIZATION_HANDLE = "balena_os"


def os_version_label(version: str) -> str:
    """How a device reports its OS version: `balenaOS 5.3.10`."""
    return f"balenaOS {version}"


def _os_age_days(position: int) -> float:
    return 400 - position * 80


def seed(tx, rng: Random, now: datetime, device_types: dict) -> dict:
    """Seeds the public fleets; returns {"host": {slug: fleet id}, "supervisor": {arch: fleet id}}."""
    organization = add_organization(tx, ORGANIZATION_HANDLE, "balenaOS")
    host, supervisor = {}, {}
    for slug in HOST_DEVICE_TYPES:
        if slug not in device_types:
            continue
        fleet = add(tx, "application", app_name=slug, organization=organization,
                    is_for__device_type=device_types[slug], is_host=True, is_public=True)
        host[slug] = fleet
        actor_of(tx, "application", fleet)
        find_or_add(tx, "application_tag", {"application": fleet, "tag_key": "release-policy"}, value="default")
        services = {"hostapp": add_service(tx, fleet, "hostapp")}
        for position, version in enumerate(OS_VERSIONS):
            for variant in OS_VARIANTS:
                add_release(tx, rng, now, fleet, services, semver=version, variant=variant,
                            days_ago=_os_age_days(position), tags={"meta-balena-base": version})
    for arch, slug in SUPERVISOR_DEVICE_TYPES.items():
        if slug not in device_types:
            continue
        fleet = add(tx, "application", app_name=f"{arch}-supervisor", organization=organization,
                    is_for__device_type=device_types[slug], is_host=False, is_public=True)
        supervisor[arch] = fleet
        actor_of(tx, "application", fleet)
        services = {"balena-supervisor": add_service(tx, fleet, "balena-supervisor")}
        for position, version in enumerate(SUPERVISOR_VERSIONS):
            add_release(tx, rng, now, fleet, services, semver=version, days_ago=_os_age_days(position))
    return {"host": host, "supervisor": supervisor}
