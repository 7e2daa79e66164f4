"""HTTP requests and wall time of the parity scenario (every public SDK method, ~500 calls) through
balena-sdk 17.3.0 and through ours, each with its default settings file and in memory, each run
against a fresh emulator that adds 50 ms to every request. Prints figures; asserts nothing.

    python benchmarks/sdk_round_trips.py [--latency-ms 50] [--details]

Targets: ours never sends more requests than the official SDK for any method, sends at least 25%
fewer in total, and takes at most 0.75x the official SDK's wall time.
"""
from __future__ import annotations

import argparse
import tempfile
from typing import NamedTuple

import sdk_scenario_path

sdk_scenario_path.prepare()

# pylint: disable=wrong-import-position,import-error
from parity_clients import ClientFactory, loopback_only  # noqa: E402
from parity_differences import INTENDED  # noqa: E402
from parity_emulator import Emulator  # noqa: E402
from parity_plan import SCENARIO  # noqa: E402
from parity_requests import RequestRecorder  # noqa: E402
from parity_scenario import World, run_scenario  # noqa: E402

RUNS = (("official", "file"), ("official", "memory"), ("ours", "file"), ("ours", "memory"))
TARGET_TOTAL_SAVING = 0.25
TARGET_TIME_RATIO = 0.75


class Figures(NamedTuple):
    """Per public method: how often the scenario called it, the requests and the seconds it took."""
    calls: dict
    requests: dict
    seconds: dict


def run_once(flavour, mode, latency_ms):
    with Emulator(latency_ms=latency_ms) as emulator, tempfile.TemporaryDirectory() as data_directory:
        new_client = ClientFactory(flavour, mode, emulator.url, data_directory)
        world = World(sdk=new_client(), url=emulator.url, credentials=emulator.credentials, new_client=new_client)
        recorder = RequestRecorder(emulator)
        outcomes = run_scenario(world, SCENARIO, recorder)
        failed = sum(1 for outcome in outcomes.values() if outcome.raised)
        return Figures(*recorder.per_method(leave_out=INTENDED)), len(outcomes), failed


def print_method_table(results, details):
    official, ours = results[("official", "memory")], results[("ours", "memory")]
    methods = sorted(set(official.requests) | set(ours.requests))
    worse = [method for method in methods if ours.requests[method] > official.requests[method]]
    better = [method for method in methods if ours.requests[method] < official.requests[method]]
    print("\nRequests per method, in memory (the file runs differ only where noted below):")
    print("  %-66s %5s %8s %6s" % ("method", "calls", "official", "ours"))
    for method in methods:
        flag = "  <-- MORE THAN OFFICIAL" if method in worse else ""
        if details or flag or method in better:
            figures = (method, official.calls[method], official.requests[method], ours.requests[method], flag)
            print("  %-66s %5d %8d %6d%s" % figures)
    same = len(methods) - len(worse) - len(better)
    print("  (%d methods with fewer requests, %d the same%s, %d more)"
          % (len(better), same, "" if details else " and not listed: --details lists them", len(worse)))
    file_worse = [m for m in methods if results[("ours", "file")].requests[m] > results[("official", "file")].requests[m]]
    if file_worse:
        print("  with settings files, ours sends more for: %s" % ", ".join(file_worse))
    for flavour in ("official", "ours"):
        file_run, memory_run = results[(flavour, "file")], results[(flavour, "memory")]
        differing = [m for m in methods if file_run.requests[m] != memory_run.requests[m]]
        if differing:
            print("  %s: file mode differs from memory for %s" % (flavour, ", ".join(differing)))
    return sorted(set(worse) | set(file_worse))


def print_totals(results, runs, worse):
    print("\nTotals: requests and time of every call but the %d whose outcome differs by design;"
          % len(INTENDED))
    print("calls and raised count every call (raised includes the scenario's own error cases)")
    print("  %-18s %9s %12s %7s %7s" % ("run", "requests", "SDK time s", "calls", "raised"))
    for key in RUNS:
        counter = results[key]
        calls, failed = runs[key]
        figures = ("%s/%s" % key, sum(counter.requests.values()), sum(counter.seconds.values()), calls, failed)
        print("  %-18s %9d %12.2f %7d %7d" % figures)
    print("\nAgainst the targets:")
    print("  any method with more requests than official: %s (target: none)" % (len(worse) or "none"))
    for mode in ("file", "memory"):
        official, ours = results[("official", mode)], results[("ours", mode)]
        requests_official, requests_ours = sum(official.requests.values()), sum(ours.requests.values())
        saving = 1 - requests_ours / requests_official if requests_official else 0.0
        ratio = sum(ours.seconds.values()) / sum(official.seconds.values())
        print("  %-6s requests %d vs %d: %.1f%% fewer (target >= %d%%)   wall time %.2fx (target <= %.2fx)"
              % (mode, requests_ours, requests_official, saving * 100, TARGET_TOTAL_SAVING * 100, ratio,
                 TARGET_TIME_RATIO))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--latency-ms", type=int, default=50, help="added by the emulator to every request")
    parser.add_argument("--details", action="store_true", help="list every method, not only those that differ")
    options = parser.parse_args()
    results, runs = {}, {}
    with loopback_only():
        for flavour, mode in RUNS:
            print("running the scenario: %s SDK, %s settings, %d ms per request ..." % (flavour, mode, options.latency_ms),
                  flush=True)
            counter, steps, failed = run_once(flavour, mode, options.latency_ms)
            results[(flavour, mode)] = counter
            runs[(flavour, mode)] = (steps, failed)
    worse = print_method_table(results, options.details)
    print_totals(results, runs, worse)


if __name__ == "__main__":
    main()
