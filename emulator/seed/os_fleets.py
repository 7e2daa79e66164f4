"""The public fleets balenaCloud keeps in its `balena_os` organization: host OS fleets (one per
device type, plus an ESR fleet for some) and supervisor fleets (one per CPU architecture).

Their releases follow balenaOS's real history in shape: 2.x releases, some of them re-released as
`+rev1`, the 3.x to 6.x lines, each in a `prod` and a `dev` variant (raw versions such as
`2.88.4+rev1.prod`), ESR lines (`2024.1.3+prod`) in separate fleets tagged `release-policy: esr`,
and supervisor releases per architecture.
"""
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
# The versions the demo's devices run (DevicePlan.os indexes it), oldest first.
OS_VERSIONS = ("2.115.18", "3.2.25", "4.1.5", "5.3.10", "6.0.13")
# Every release of a default host fleet, oldest first: (version, how many revisions were released).
OS_HISTORY = (
    ("2.88.4", 2), ("2.101.7", 1), ("2.113.18", 1), ("2.115.18", 2),
    ("3.2.25", 1), ("4.1.5", 1),
    ("5.1.20", 1), ("5.2.8", 1), ("5.3.10", 1),
    ("6.0.10", 1), ("6.0.13", 1),
)
OS_VARIANTS = ("prod", "dev")
# Extended Support Releases: their own host fleets, for these device types.
ESR_DEVICE_TYPES = ("raspberrypi3", "raspberrypi4-64", "intel-nuc", "generic-amd64")
ESR_LINES = {"esr-sunset": "2023.7.x", "esr-current": "2024.1.x", "esr-next": "2024.7.x"}
ESR_HISTORY = (("2023.7.2", "sunset"), ("2024.1.0", "current"), ("2024.1.3", "current"), ("2024.7.1", "next"))
ESR_AGE_OFFSET_DAYS = 20

# The versions the demo's devices run (DevicePlan.supervisor indexes it), oldest first.
SUPERVISOR_VERSIONS = ("14.13.14", "15.3.1", "16.4.6", "17.0.3")
SUPERVISOR_HISTORY = ("12.11.38", "14.11.3", "14.13.14", "15.3.1", "16.1.0", "16.4.6", "17.0.3")
SUPERVISOR_DEVICE_TYPES = {   # the device type each architecture's supervisor fleet is declared for
    "rpi": "raspberry-pi",
    "armv7hf": "raspberrypi3",
    "aarch64": "generic-aarch64",
    "amd64": "generic-amd64",
    "i386": "qemux86",
    "i386-nlp": "iot2000",
}

ORGANIZATION_HANDLE = "balena_os"
# The rest of the catalog has its own random sources, so that it can grow without changing the demo world.
CATALOG_SEED = "balena_os catalog"


def os_version_label(version: str) -> str:
    """How a device reports its OS version: `balenaOS 5.3.10`."""
    return f"balenaOS {version}"


def _age_days(position: int, count: int) -> float:
    """Spread a history over about three years, the newest a few days old."""
    return 5 + (count - 1 - position) * 1100 / max(count - 1, 1)


def _host_fleet(tx, organization: int, name: str, device_type: int, tags: dict) -> tuple[int, dict]:
    fleet = add(tx, "application", app_name=name, organization=organization, is_for__device_type=device_type,
                is_host=True, is_public=True)
    actor_of(tx, "application", fleet)
    for key, value in tags.items():
        find_or_add(tx, "application_tag", {"application": fleet, "tag_key": key}, value=value)
    return fleet, {"hostapp": add_service(tx, fleet, "hostapp")}


def seed(tx, rng: Random, now: datetime, device_types: dict) -> dict:
    """Seeds the default host OS fleets and the supervisor fleets; returns {"host": {slug: fleet id},
    "supervisor": {arch: fleet id}}. `rng` is the demo's random source: the releases the demo's devices
    run draw from it, as they always have, so that the rest of the demo world keeps its look; the rest of
    the history draws from the catalog's own source."""
    catalog = Random(CATALOG_SEED)
    organization = add_organization(tx, ORGANIZATION_HANDLE, "balenaOS")
    host = {}
    for slug in HOST_DEVICE_TYPES:
        if slug not in device_types:
            continue
        fleet, services = _host_fleet(tx, organization, slug, device_types[slug], {"release-policy": "default"})
        host[slug] = fleet
        for position, (version, revisions) in enumerate(OS_HISTORY):
            for revision in range(revisions):
                source = rng if version in OS_VERSIONS and revision == 0 else catalog
                for variant in OS_VARIANTS:
                    # A re-release of the same version is a few days younger than the one it replaces.
                    add_release(tx, source, now, fleet, services, semver=version, variant=variant,
                                days_ago=_age_days(position, len(OS_HISTORY)) - revision * 3,
                                tags={"meta-balena-base": version})
    supervisor = {}
    for arch, slug in SUPERVISOR_DEVICE_TYPES.items():
        if slug not in device_types:
            continue
        fleet = add(tx, "application", app_name=f"{arch}-supervisor", organization=organization,
                    is_for__device_type=device_types[slug], is_host=False, is_public=True)
        supervisor[arch] = fleet
        actor_of(tx, "application", fleet)
        services = {"balena-supervisor": add_service(tx, fleet, "balena-supervisor")}
        for position, version in enumerate(SUPERVISOR_HISTORY):
            add_release(tx, rng if version in SUPERVISOR_VERSIONS else catalog, now, fleet, services,
                        semver=version, days_ago=_age_days(position, len(SUPERVISOR_HISTORY)))
    return {"host": host, "supervisor": supervisor}


def seed_esr(tx, now: datetime, device_types: dict) -> dict:
    """Seeds the ESR host fleets, after the demo's own fleets so that those keep their ids; returns
    {slug: fleet id}. Their newest release is older than the default line's newest."""
    catalog = Random(f"{CATALOG_SEED} esr")
    organization = add_organization(tx, ORGANIZATION_HANDLE, "balenaOS")
    esr = {}
    for slug in ESR_DEVICE_TYPES:
        if slug not in device_types:
            continue
        fleet, services = _host_fleet(tx, organization, f"{slug}-esr", device_types[slug],
                                      {"release-policy": "esr", **ESR_LINES})
        esr[slug] = fleet
        for position, (version, phase) in enumerate(ESR_HISTORY):
            for variant in OS_VARIANTS:
                release = add_release(tx, catalog, now, fleet, services, semver=version, variant=variant,
                                      days_ago=ESR_AGE_OFFSET_DAYS + _age_days(position, len(ESR_HISTORY)),
                                      tags={"meta-balena-base": version})
                tx.update("release", release, {"phase": phase})
    return esr
