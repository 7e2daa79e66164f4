"""Releases with their images, built for each service of a fleet, as the builder would leave them."""
from __future__ import annotations

from datetime import datetime, timedelta
from random import Random

from ..store.timestamps import format_instant
from .rows import add, find_or_add


def moment(now: datetime, days_ago: float) -> str:
    return format_instant(now - timedelta(days=days_ago))


def hex_id(rng: Random, length: int = 32) -> str:
    return "".join(rng.choice("0123456789abcdef") for _ in range(length))


def add_service(tx, fleet_id: int, name: str, labels: dict | None = None, env: dict | None = None) -> int:
    service_id = find_or_add(tx, "service", {"application": fleet_id, "service_name": name})
    for label_name, value in (labels or {}).items():
        add(tx, "service_label", service=service_id, label_name=label_name, value=value)
    for var_name, value in (env or {}).items():
        add(tx, "service_environment_variable", service=service_id, name=var_name, value=value)
    return service_id


def composition(service_names) -> dict:
    return {
        "version": "2.1",
        "services": {
            name: {"build": {"context": f"./{name}"}, "restart": "always", "labels": {"io.balena.features.dbus": "1"}}
            for name in service_names
        },
    }


def add_release(tx, rng: Random, now: datetime, fleet_id: int, services: dict, *, semver: str,
                days_ago: float, status: str = "success", variant: str = "", note: str | None = None,
                tags: dict | None = None) -> int:
    """A final release of `services` ({service name: service id}), one image per service."""
    started = moment(now, days_ago)
    ended = moment(now, days_ago - 0.01)
    release_id = add(
        tx, "release",
        created_at=started,
        belongs_to__application=fleet_id,
        commit=hex_id(rng),
        composition=composition(services),
        status=status,
        source="cloud",
        start_timestamp=started,
        end_timestamp=ended,
        semver=semver,
        variant=variant,
        is_final=True,
        note=note,
        build_log="Successfully built all services" if status == "success" else "Build failed",
    )
    for service_name, service_id in services.items():
        image_id = add(
            tx, "image",
            created_at=started,
            is_a_build_of__service=service_id,
            start_timestamp=started,
            end_timestamp=ended,
            push_timestamp=ended if status == "success" else None,
            status=status,
            image_size=rng.randint(40, 400) * 1024 * 1024,
            content_hash="sha256:" + hex_id(rng, 64),
            project_type="Dockerfile",
            dockerfile=f"FROM balenalib/%%BALENA_MACHINE_NAME%%-debian\nCOPY {service_name} /app\n",
            build_log=f"[{service_name}] Step 1/2",
        )
        add(tx, "release_image", image=image_id, is_part_of__release=release_id)
    for tag_key, value in (tags or {}).items():
        add(tx, "release_tag", release=release_id, tag_key=tag_key, value=value)
    return release_id


def images_of(tx, release_id: int) -> dict:
    """{service id: image id} for the images of a release."""
    found = {}
    for link in tx.find("release_image", is_part_of__release=release_id):
        image = tx.get("image", link["image"])
        found[image["is_a_build_of__service"]] = image["id"]
    return found
