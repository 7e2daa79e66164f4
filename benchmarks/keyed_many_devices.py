"""The same tags or variables on many devices in one task, with concurrent creation, on a slow API.

Starts an emulator with the demo data, enough extra devices and 50 ms added to every request
(`--latency-ms`), and runs benchmarks/playbooks/keyed_many_devices.yml as the demo user:
- one new tag key on 1,000 devices, then the same task again;
- three new variables on 200 devices, then the same task again;
each first with `parallel: 8` (the default) and then, on a fresh key, with `parallel: 1` (one POST at a
time), printed side by side: wall seconds, requests by method, changed tasks.
Targets: tags run 1 at most 10 s (one POST at a time is about 50 s), rerun reads only; variables run 1
at most 8 s, rerun reads only and at most 5 requests. Prints figures; asserts nothing.

    .venv/bin/python benchmarks/keyed_many_devices.py [--tag-devices 1000] [--variable-devices 200]
        [--latency-ms 50] [--skip-sequential]   (a venv with ansible-core)
"""
from __future__ import annotations

import argparse
import json
import tempfile
from collections import Counter
from pathlib import Path

from emulator_launch import stage_collection, start_emulator, stop_emulator
from modules_bulk import METHODS, environment, run_playbook, writable_devices

REPO = Path(__file__).resolve().parents[1]
PLAYBOOK = REPO / "benchmarks" / "playbooks" / "keyed_many_devices.yml"
SCENARIOS = (
    # kind, devices option, the keys set with parallel 8, the keys set with parallel 1, target seconds, target rerun requests
    ("tags", "tag_devices", {"bench-wave": "one"}, {"bench-wave-sequential": "one"}, 10.0, None),
    ("variables", "variable_devices", {"BENCH_A": "1", "BENCH_B": "2", "BENCH_C": "3"},
     {"BENCH_SEQ_A": "1", "BENCH_SEQ_B": "2", "BENCH_SEQ_C": "3"}, 8.0, 5),
)


def run(workdir, env, url, credentials, kind, devices, values, parallel):
    extra_vars = workdir / "bench_vars.json"
    extra_vars.write_text(json.dumps({"bench_kind": kind, "bench_devices": devices, "bench_values": values,
                                      "bench_parallel": parallel}), encoding="utf-8")
    return run_playbook(env, extra_vars, url, credentials["admin_token"], playbook=PLAYBOOK)


def line(label, requests, seconds, changed):
    counts = Counter(entry["method"] for entry in requests)
    return "{0:<40} {1:>8.2f} {2:>6} {3:>6} {4:>6} {5:>7} {6:>6} {7:>8}".format(
        label, seconds, *(counts[method] for method in METHODS), len(requests), changed)


def bench(workdir, url, credentials, options):
    env = environment(workdir, stage_collection(workdir), url, credentials["api_key"])
    devices = [device["uuid"] for device in writable_devices(url, credentials, max(options.tag_devices, options.variable_devices))]
    print("emulator adding {0} ms to every request; {1} writable devices".format(options.latency_ms, len(devices)))
    print()
    print("{0:<40} {1:>8} {2:>6} {3:>6} {4:>6} {5:>7} {6:>6} {7:>8}".format("run", "seconds", *METHODS, "total", "changed"))
    for kind, devices_option, values, sequential_values, target_seconds, target_requests in SCENARIOS:
        chosen = devices[:getattr(options, devices_option)]
        first = run(workdir, env, url, credentials, kind, chosen, values, 8)
        again = run(workdir, env, url, credentials, kind, chosen, values, 8)
        name = "{0} on {1} devices".format(kind, len(chosen))
        print(line(name + ", parallel 8", *first))
        print(line(name + ", rerun", *again))
        if not options.skip_sequential:
            print(line(name + ", parallel 1", *run(workdir, env, url, credentials, kind, chosen, sequential_values, 1)))
        writes = sum(1 for entry in again[0] if entry["method"] != "GET")
        print("  target: run 1 at most {0:.0f} s (was {1:.2f}); rerun reads only (writes: {2}){3}".format(
            target_seconds, first[1], writes,
            "" if target_requests is None else ", at most {0} requests (was {1})".format(target_requests, len(again[0]))))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tag-devices", type=int, default=1000, help="devices to tag (default: 1000)")
    parser.add_argument("--variable-devices", type=int, default=200, help="devices to set variables on (default: 200)")
    parser.add_argument("--latency-ms", type=int, default=50, help="milliseconds the emulator adds per request (default: 50)")
    parser.add_argument("--skip-sequential", action="store_true", help="leave out the runs with parallel 1")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        wanted = max(options.tag_devices, options.variable_devices)
        # The extra devices are spread over every user fleet, of which the demo user may write about two thirds.
        process, url, credentials = start_emulator(workdir / "credentials.json", "--devices", str(2 * wanted),
                                                   "--latency-ms", str(options.latency_ms))
        try:
            bench(workdir, url, credentials, options)
        finally:
            stop_emulator(process)


if __name__ == "__main__":
    main()
