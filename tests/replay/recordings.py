"""Load the recorded exchanges with a real open-balena API (see the recordings' README).

The normalised file drives the replay; where normalisation replaced a concrete value with a
placeholder (`<TIMESTAMP…>`), the raw file of the same `seq` supplies it. Response shapes are
taken from the raw file too, since a placeholder string stands in for numbers there.
"""
from __future__ import annotations

import json
import os
from pathlib import Path

ENV_VARIABLE = "BALENA_RECORDINGS_DIR"
NORMALISED = "open-balena-v7.normalised.jsonl"
RAW = "open-balena-v7.raw.jsonl"
STEPS = "open-balena-v7.steps.jsonl"
_REPO_ROOT = Path(__file__).resolve().parents[2]
_CANDIDATES = (Path(__file__).resolve().parent / "recordings",)


def folder() -> Path | None:
    """Where the recordings are: $BALENA_RECORDINGS_DIR, else the copy next to this module."""
    configured = os.environ.get(ENV_VARIABLE)
    candidates = (Path(configured),) if configured else _CANDIDATES
    for candidate in candidates:
        if (candidate / NORMALISED).is_file() and (candidate / RAW).is_file():
            return candidate
    return None


def _lines(path: Path) -> list[dict]:
    with open(path, encoding="utf-8") as handle:
        return [json.loads(line) for line in handle if line.strip()]


def exchanges(where: Path) -> list[dict]:
    """Every exchange in order, each a normalised record with `raw` holding the raw record."""
    raw = {record["seq"]: record for record in _lines(where / RAW)}
    records = sorted(_lines(where / NORMALISED), key=lambda record: record["seq"])
    for record in records:
        record["raw"] = raw[record["seq"]]
    return records


def steps(where: Path) -> list[dict]:
    return _lines(where / STEPS)


def device_types_file(where: Path) -> Path | None:
    """The 145 device types in the order open-balena numbered them (by slug): beside the
    recordings, or the emulator's own copy of that list."""
    for candidate in (where / "device-types.json", _REPO_ROOT / "emulator" / "seed" / "data" / "device-types.json"):
        if candidate.is_file():
            return candidate
    return None
