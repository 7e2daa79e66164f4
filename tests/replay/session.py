"""One complete replay of the recordings against a fresh emulator, as both the tests and the
summary script run it."""
from __future__ import annotations

from dataclasses import dataclass

from . import recordings
from .emulator_process import EmulatorProcess
from .outcome import Outcome
from .replayer import Replayer

# The `empty` seed is the closest to the recorded server: reference data, one user and their
# organization, no fleets, no host OS releases.
SEED_ARGS = ("--seed", "empty")


@dataclass
class ReplayRun:
    emulator: object
    replayer: Replayer
    outcomes: list[Outcome]


def replay(where, url: str | None = None, credentials: dict | None = None) -> ReplayRun:
    """Replay against the emulator at `url`, or start a fresh one (the caller stops it)."""
    emulator = None
    if url is None:
        emulator = EmulatorProcess(*SEED_ARGS)
        url, credentials = emulator.url, emulator.credentials
    admin_headers = {"Authorization": f"Bearer {credentials['admin_token']}"}
    replayer = Replayer(url, credentials, admin_headers, recordings.device_types_file(where))
    try:
        outcomes = replayer.run(recordings.exchanges(where))
    except BaseException:
        if emulator:
            emulator.stop()
        raise
    return ReplayRun(emulator=emulator, replayer=replayer, outcomes=outcomes)


def summary(outcomes: list[Outcome], setup_problems: list[str] = ()) -> str:
    by_verdict: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_verdict.setdefault(outcome.verdict, []).append(outcome)
    lines = [f"exchanges replayed: {len(outcomes)}",
             f"matched:            {len(by_verdict.get('matched', []))}",
             f"excluded:           {len(by_verdict.get('excluded', []))}"]
    reasons: dict[str, list[int]] = {}
    for outcome in outcomes:
        if outcome.excluded:
            reasons.setdefault(f"[{outcome.excluded[0]}] {outcome.excluded[1]}", []).append(outcome.seq)
    for reason, seqs in sorted(reasons.items()):
        lines.append(f"  {len(seqs):3d}  {reason}: seq {', '.join(str(s) for s in seqs)}")
    mismatched = by_verdict.get("mismatched", [])
    lines.append(f"mismatched:         {len(mismatched)}")
    for outcome in mismatched:
        lines.append(f"  seq {outcome.seq} [{outcome.section}] {outcome.method} {outcome.path[:120]}")
        lines.append(f"      step: {outcome.step}")
        for problem in outcome.problems[:4]:
            lines.append(f"      - {problem}")
    lines.extend(f"setup problem: {problem}" for problem in setup_problems)
    return "\n".join(lines)
