"""Every recorded exchange, replayed in order, gets the recorded status code and response shape.

One test per exchange (the id names its seq); exchanges in the exclusion table are checked for
having a reason instead. Run `python tests/replay/replay_recordings.py` for the figures.
"""
from __future__ import annotations

import pytest

from . import recordings
from .exclusions import EXCLUSIONS, SKIP

RECORDINGS = recordings.folder()
EXCHANGES = recordings.exchanges(RECORDINGS) if RECORDINGS else []
COMPARED = [r for r in EXCHANGES if EXCLUSIONS.get(r["seq"], ("",))[0] != SKIP]


def _id(record: dict) -> str:
    return f"seq{record['seq']:03d}-{record['section']}"


@pytest.mark.parametrize("record", COMPARED, ids=[_id(r) for r in COMPARED])
def test_exchange(replayed, record):
    outcome = next(o for o in replayed.outcomes if o.seq == record["seq"])
    assert not outcome.problems, (
        f"seq {record['seq']} ({record['step']}): {record['method']} {outcome.path[:300]}\n  "
        + "\n  ".join(outcome.problems))


@pytest.mark.skipif(RECORDINGS is None, reason=f"no recordings; set ${recordings.ENV_VARIABLE}")
def test_exclusions_name_real_exchanges_with_a_reason():
    known = {r["seq"] for r in EXCHANGES}
    for seq, (kind, reason) in EXCLUSIONS.items():
        assert seq in known, seq
        assert kind and len(reason) > 20, seq


def test_every_exchange_was_replayed(replayed):
    assert [o.seq for o in replayed.outcomes] == [r["seq"] for r in EXCHANGES]


def test_the_recorder_s_out_of_band_steps_worked(replayed):
    assert replayed.replayer.setup_problems == []
