"""How simulated devices behave: their timings, and the faults that pick some of them.

A fault picks devices by uuid, or a fraction of all devices chosen by a seeded hash of the uuid, so
the same seed picks the same devices on every run, whatever order they are seen in.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field

FAULT_KINDS = ("fail_update", "offline")
TIMINGS = ("notice_delay_s", "download_s", "poll_interval_s", "reboot_s")
MAX_SECONDS = 3600.0


class SimulationError(ValueError):
    """A simulation setting that cannot be used; the message names it."""


def seconds(name: str, value) -> float:
    if isinstance(value, bool) or not isinstance(value, (int, float)):
        raise SimulationError(f"{name} must be a number of seconds")
    if not 0 <= value <= MAX_SECONDS:
        raise SimulationError(f"{name} must be between 0 and {MAX_SECONDS:g}")
    return float(value)


@dataclass(frozen=True)
class FaultPick:
    kind: str
    uuids: frozenset = frozenset()
    fraction: float = 0.0
    seed: int = 0

    def picks(self, uuid: str) -> bool:
        if uuid in self.uuids:
            return True
        if self.fraction <= 0:
            return False
        digest = hashlib.sha256(f"{self.seed}:{uuid}".encode()).digest()
        return int.from_bytes(digest[:8], "big") / 2 ** 64 < self.fraction

    def as_dict(self) -> dict:
        return {"kind": self.kind, "uuids": sorted(self.uuids), "fraction": self.fraction, "seed": self.seed}


def fault_pick(rule) -> FaultPick:
    """A FaultPick from `{"kind", "uuids"?, "fraction"?, "seed"?}`."""
    if not isinstance(rule, dict):
        raise SimulationError("a simulation fault is an object with kind, uuids, fraction and seed")
    unknown = set(rule) - {"kind", "uuids", "fraction", "seed"}
    if unknown:
        raise SimulationError(f"unknown simulation fault key(s): {', '.join(sorted(unknown))}")
    kind = rule.get("kind")
    if kind not in FAULT_KINDS:
        raise SimulationError(f"a simulation fault's kind is one of {', '.join(FAULT_KINDS)}")
    uuids = rule.get("uuids", [])
    if not isinstance(uuids, list) or not all(isinstance(uuid, str) and uuid for uuid in uuids):
        raise SimulationError("uuids must be a list of device uuids")
    fraction = rule.get("fraction", 0)
    if isinstance(fraction, bool) or not isinstance(fraction, (int, float)) or not 0 <= fraction <= 1:
        raise SimulationError("fraction must be a number between 0 and 1")
    seed = rule.get("seed", 0)
    if isinstance(seed, bool) or not isinstance(seed, int):
        raise SimulationError("seed must be a whole number")
    if not uuids and not fraction:
        raise SimulationError("a simulation fault picks devices by uuids or by a fraction")
    return FaultPick(kind, frozenset(uuids), float(fraction), seed)


def parse_fault_spec(text: str) -> dict:
    """`fail_update:fraction=0.1:seed=7` or `offline:uuids=<uuid>,<uuid>` as a fault rule."""
    kind, *pairs = text.split(":")
    rule: dict = {"kind": kind}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep:
            raise SimulationError(f"expected key=value, got {pair!r}")
        try:
            if key == "uuids":
                rule[key] = [uuid for uuid in value.split(",") if uuid]
            elif key == "fraction":
                rule[key] = float(value)
            elif key == "seed":
                rule[key] = int(value)
            else:
                rule[key] = value
        except ValueError as exc:
            raise SimulationError(f"{key} has a bad value {value!r}") from exc
    fault_pick(rule)
    return rule


@dataclass
class Timings:
    notice_delay_s: float = 2.0   # from the poll that shows a new target to the start of the download
    download_s: float = 3.0       # from 0 to 100 % of the download
    poll_interval_s: float = 1.0  # between two target state polls
    reboot_s: float = 2.0         # offline while rebooting (an OS update, a reboot action)

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in TIMINGS}

    def updated(self, values: dict) -> "Timings":
        merged = self.as_dict()
        for name, value in values.items():
            merged[name] = seconds(name, value)
        return Timings(**merged)


@dataclass
class SimulationSettings:
    every_device: bool = False     # `serve --simulate`: every device is simulated, new ones too
    timings: Timings = field(default_factory=Timings)
    faults: list = field(default_factory=list)   # FaultPick

    def fault(self, uuid: str, kind: str) -> bool:
        return any(pick.kind == kind and pick.picks(uuid) for pick in self.faults)

    def as_dict(self) -> dict:
        return {"every_device": self.every_device, **self.timings.as_dict(),
                "faults": [pick.as_dict() for pick in self.faults]}
