"""Release version arithmetic: parsing `semver`, and the derived `raw_version` and `version`."""
from __future__ import annotations

import re
from datetime import datetime

from .messages import refuse

_SEMVER = re.compile(
    r"^v?(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)"
    r"(?:-((?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*)(?:\.(?:0|[1-9]\d*|\d*[a-zA-Z-][0-9a-zA-Z-]*))*))?"
    r"(?:\+([0-9a-zA-Z-]+(?:\.[0-9a-zA-Z-]+)*))?$"
)
_REVISION_BUILD_PART = re.compile(r"^rev(\d+)$")


def parse_semver(text) -> dict:
    """`"1.2.3-beta+build"` → the stored semver_* parts. Invalid input: 400 "Invalid semver format"."""
    match = _SEMVER.match(text.strip()) if isinstance(text, str) else None
    if not match:
        raise refuse("Invalid semver format")
    major, minor, patch, prerelease, build = match.groups()
    return {
        "semver_major": int(major),
        "semver_minor": int(minor),
        "semver_patch": int(patch),
        "semver_prerelease": prerelease or "",
        "semver_build": build or "",
    }


def split_revision(parts: dict) -> tuple[dict, int | None]:
    """A user-written `+revN` build part names a revision rather than build metadata."""
    build = parts["semver_build"].split(".") if parts["semver_build"] else []
    revisions = [int(m.group(1)) for m in map(_REVISION_BUILD_PART.match, build) if m]
    if not revisions:
        return parts, None
    kept = [part for part in build if not _REVISION_BUILD_PART.match(part)]
    return {**parts, "semver_build": ".".join(kept)}, revisions[-1]


def semver_text(row: dict) -> str:
    text = f"{row['semver_major']}.{row['semver_minor']}.{row['semver_patch']}"
    if row.get("semver_prerelease"):
        text += "-" + row["semver_prerelease"]
    if row.get("semver_build"):
        text += "+" + row["semver_build"]
    return text


def epoch_ms(iso: str) -> int:
    moment = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    return int(moment.timestamp() * 1000)


def derived_versions(row: dict) -> dict:
    """The `raw_version` and `version` of a release row (a dict with the stored columns)."""
    core = f"{row['semver_major']}.{row['semver_minor']}.{row['semver_patch']}"
    prerelease = row.get("semver_prerelease") or ""
    build = row.get("semver_build") or ""
    variant = row.get("variant") or ""
    revision = row.get("revision")
    draft = revision is None

    prerelease_parts: list = prerelease.split(".") if prerelease else []
    if draft:
        prerelease_parts.append(epoch_ms(row["created_at"]))
    version = core + ("-" + ".".join(str(part) for part in prerelease_parts) if prerelease_parts else "")

    build_parts = build.split(".") if build else []
    if revision and f".rev{revision}." not in f".{build}.":
        build_parts.append(f"rev{revision}")
    if variant:
        build_parts.append(variant)
    raw = version + ("+" + ".".join(build_parts) if build_parts else "")
    return {
        "raw_version": raw,
        "version": {
            "raw": raw,
            "major": row["semver_major"],
            "minor": row["semver_minor"],
            "patch": row["semver_patch"],
            "prerelease": prerelease_parts,
            "build": build_parts,
            "version": version,
        },
    }
