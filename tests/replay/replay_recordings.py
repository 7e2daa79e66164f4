"""Replay the recorded open-balena exchanges against the emulator and print the figures.

    python tests/replay/replay_recordings.py            # starts a fresh emulator (--seed empty)
    python tests/replay/replay_recordings.py --url URL --credentials-file FILE

Exit status 1 when any exchange that is not excluded got a different status or shape.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

if __package__ in (None, ""):
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    __package__ = "replay"  # pylint: disable=redefined-builtin

from replay import recordings  # noqa: E402
from replay.session import replay, summary  # noqa: E402


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--url", help="an emulator already running (seeded with --seed empty)")
    parser.add_argument("--credentials-file", help="the credentials file that emulator wrote")
    parser.add_argument("--recordings", help="the recordings folder (default: found automatically)")
    args = parser.parse_args(argv)
    where = Path(args.recordings) if args.recordings else recordings.folder()
    if where is None:
        print(f"no recordings found; set ${recordings.ENV_VARIABLE}", file=sys.stderr)
        return 2
    credentials = json.loads(Path(args.credentials_file).read_text(encoding="utf-8")) if args.credentials_file else None
    run = replay(where, args.url, credentials)
    try:
        print(summary(run.outcomes, run.replayer.setup_problems))
    finally:
        if run.emulator:
            run.emulator.stop()
    return 1 if any(o.verdict == "mismatched" for o in run.outcomes) else 0


if __name__ == "__main__":
    sys.exit(main())
