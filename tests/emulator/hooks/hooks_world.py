"""Helpers the hook tests share for building releases."""
from __future__ import annotations

COMMIT_A = "a" * 32
COMMIT_B = "b" * 32


def add_release(tx, app, commit, *, start="2024-01-01T00:00:00.000Z", services=(), **extra) -> int:
    """A successful release of `app` with one image per service in `services`.

    With services, the release is built the way the builder does it: a draft, its images, then
    finalized (which is when tracking fleets move to it and devices get service installs)."""
    final = extra.pop("is_final", True)
    release = tx.insert("release", {
        "belongs_to__application": app, "commit": commit, "composition": {}, "status": "success",
        "source": "cloud", "start_timestamp": start, "is_final": final and not services, **extra,
    })
    for service in services:
        image = tx.insert("image", {"is_a_build_of__service": service, "start_timestamp": start,
                                    "status": "success", "push_timestamp": start})
        tx.insert("release_image", {"image": image, "is_part_of__release": release})
    if services and final:
        tx.update("release", release, {"is_final": True})
    return release
