"""The modules in bulk: 200 variables on a fleet and tags on 1,000 devices, applied twice by ansible-playbook.

Starts an emulator with the demo data plus enough devices, picks the first N devices (by id) of the
fleets the demo user may write, and runs benchmarks/playbooks/modules_bulk.yml twice as the demo user:
`balena_env_var` with `variables` on the demo fleet, then `balena_tag` with `devices`. Two tags are set:
`batch` (the seeded devices already have it with other values, so run 1 updates it) and `site` (new).
For each run it prints the HTTP requests by method (from the emulator's request log), the wall time,
the part of it the emulator spent answering, and the tasks that changed, next to the targets:
- run 1 batches writes wherever the API accepts a batch: the API creates one row per POST, and
  changes or removes many rows with one PATCH/DELETE on a filter of ids (one PATCH per distinct value);
- run 2 sends only reads, one request per page of data read.
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/modules_bulk.py [--devices 1000] [--variables 200]   (a venv with ansible-core)
"""
from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
import urllib.parse
from collections import Counter
from pathlib import Path

from emulator_launch import call, stage_collection, start_emulator

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAYBOOK = REPO / "benchmarks" / "playbooks" / "modules_bulk.yml"
METHODS = ("GET", "POST", "PATCH", "DELETE")
# balena_tag looks devices up by uuid this many at a time, so that a URL stays below the API's 16 KiB limit.
DEVICE_LOOKUP_CHUNK = 100
TAGS = {"batch": "bench", "site": "bench-site"}


def odata(url, token, resource, **options):
    query = urllib.parse.urlencode(options, quote_via=urllib.parse.quote, safe="$,()/'")
    return call(url, token, "GET", "/v7/{0}?{1}".format(resource, query))["d"]


def in_fleets(slugs):
    return " or ".join("belongs_to__application/slug eq '{0}'".format(slug) for slug in slugs)


def writable_devices(url, credentials, count):
    """The first ``count`` devices of the user's writable fleets, with their current tags."""
    return odata(url, credentials["api_key"], "device", **{
        "$select": "id,uuid", "$filter": in_fleets(credentials["writable_fleets"]),
        "$expand": "device_tag($select=tag_key,value)", "$orderby": "id asc", "$top": str(count)})


def fleet_variables(url, credentials, fleet):
    rows = odata(url, credentials["api_key"], "application_environment_variable", **{
        "$select": "name,value", "$filter": "application/slug eq '{0}'".format(fleet)})
    return {row["name"]: row["value"] for row in rows}


def environment(workdir, collections, url, api_key):
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ANSIBLE_", "BALENA_"))}
    config = workdir / "ansible.cfg"
    config.write_text("", encoding="utf-8")
    env.update({
        "ANSIBLE_CONFIG": str(config), "ANSIBLE_COLLECTIONS_PATH": str(collections),
        "ANSIBLE_LOCAL_TEMP": str(workdir / "tmp"), "ANSIBLE_LOCALHOST_WARNING": "false",
        "ANSIBLE_INVENTORY_UNPARSED_WARNING": "false", "ANSIBLE_NOCOLOR": "true",
        "BALENA_API_URL": url, "BALENA_API_KEY": api_key, "PATH": str(BIN) + os.pathsep + env.get("PATH", ""),
    })
    return env


def floors(current_variables, variables, devices):
    """What run 1 must write at least: rows to create (one POST each) and, per resource, the distinct
    new values of rows to change (one PATCH each)."""
    new_variables = [name for name in variables if name not in current_variables]
    changed_variables = {variables[name] for name in variables
                         if name in current_variables and current_variables[name] != variables[name]}
    new_tags = changed_tags = 0
    changed_tag_values = set()
    for device in devices:
        current = {row["tag_key"]: row["value"] for row in device["device_tag"]}
        for key, value in TAGS.items():
            if key not in current:
                new_tags += 1
            elif current[key] != value:
                changed_tags += 1
                changed_tag_values.add(value)
    return {
        "POST": len(new_variables) + new_tags,
        "PATCH": len(changed_variables) + len(changed_tag_values),
        "rows": "{0} new variables, {1} new and {2} changed device tags".format(len(new_variables), new_tags, changed_tags),
    }


def run_playbook(env, extra_vars, url, token, playbook=PLAYBOOK):
    """Runs ``playbook`` with the extra variables file; returns the requests it sent, the wall seconds
    and the number of changed tasks."""
    call(url, token, "DELETE", "/_emulator/requests")
    started = time.perf_counter()
    result = subprocess.run([str(BIN / "ansible-playbook"), str(playbook), "-e", "@" + str(extra_vars)],
                            env=env, capture_output=True, text=True, check=False)
    seconds = time.perf_counter() - started
    if result.returncode != 0:
        raise SystemExit("ansible-playbook failed (exit {0}):\n{1}\n{2}".format(
            result.returncode, result.stdout[-3000:], result.stderr[-3000:]))
    changed = re.search(r"\bchanged=(\d+)", result.stdout)
    return call(url, token, "GET", "/_emulator/requests"), seconds, int(changed.group(1)) if changed else None


def resource_of(path):
    return urllib.parse.unquote(path).split("?")[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=1000, help="devices to tag (default: 1000)")
    parser.add_argument("--variables", type=int, default=200, help="fleet variables to set (default: 200)")
    with_writable_devices(bench, parser.parse_args())


def with_writable_devices(work, options):
    """Runs ``work(workdir, url, credentials, options)`` against an emulator with enough extra devices
    for ``options.devices`` writable ones, in a temporary directory."""
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        # The extra devices are spread over every user fleet, of which the demo user may write about two thirds.
        process, url, credentials = start_emulator(workdir / "credentials.json", "--devices", str(2 * options.devices))
        try:
            work(workdir, url, credentials, options)
        finally:
            process.terminate()
            process.wait(timeout=30)


def bench(workdir, url, credentials, options):
    fleet = credentials["fleet"]
    devices = writable_devices(url, credentials, options.devices)
    if len(devices) < options.devices:
        raise SystemExit("only {0} writable devices, {1} wanted".format(len(devices), options.devices))
    variables = {"BENCH_VAR_{0:03d}".format(number): "value-{0:03d}".format(number) for number in range(options.variables)}
    floor = floors(fleet_variables(url, credentials, fleet), variables, devices)
    extra_vars = workdir / "bench_vars.json"
    extra_vars.write_text(json.dumps({
        "bench_fleet": fleet, "bench_variables": variables,
        "bench_devices": [device["uuid"] for device in devices], "bench_tags": TAGS,
    }), encoding="utf-8")
    env = environment(workdir, stage_collection(workdir), url, credentials["api_key"])
    pages = 1 + math.ceil(len(devices) / DEVICE_LOOKUP_CHUNK)

    print("{0} variables on fleet {1}; tags {2} on {3} devices of the demo user's writable fleets".format(
        len(variables), fleet, ", ".join(sorted(TAGS)), len(devices)))
    print("run 1 has to write {0}".format(floor["rows"]))
    runs = [run_playbook(env, extra_vars, url, credentials["admin_token"]) for _run in range(2)]

    print()
    print("{0:<4} {1:>6} {2:>6} {3:>6} {4:>7} {5:>6} {6:>8} {7:>15} {8:>14}".format(
        "run", *METHODS, "total", "seconds", "in the emulator", "changed tasks"))
    for number, (requests, seconds, changed) in enumerate(runs, start=1):
        counts = Counter(entry["method"] for entry in requests)
        serving = sum(entry["duration_ms"] for entry in requests) / 1000.0
        print("{0:<4} {1:>6} {2:>6} {3:>6} {4:>7} {5:>6} {6:>8.2f} {7:>15.2f} {8:>14}".format(
            number, *(counts[method] for method in METHODS), len(requests), seconds, serving, changed))
    print()
    print("pages of data read per run: {0} (the fleet with its variables, and {1} devices looked up {2} uuids "
          "at a time)".format(pages, len(devices), DEVICE_LOOKUP_CHUNK))
    for number, (requests, _seconds, _changed) in enumerate(runs, start=1):
        reads = Counter(resource_of(entry["path"]) for entry in requests if entry["method"] == "GET")
        failed = sum(1 for entry in requests if entry["status"] >= 400 or entry["status"] == 0)
        print("run {0}: {1} requests sent for {2} pages; GETs by resource: {3}; failed responses: {4}".format(
            number, len(requests), pages, ", ".join("{0} {1}".format(path, count) for path, count in sorted(reads.items())),
            failed))
    counts = Counter(entry["method"] for entry in runs[0][0])
    print("run 1 writes: {0} POST (floor {1}: the API creates one row per request), {2} PATCH (floor {3}: one per "
          "distinct new value and resource), {4} DELETE (floor 0)".format(
              counts["POST"], floor["POST"], counts["PATCH"], floor["PATCH"], counts["DELETE"]))
    second = Counter(entry["method"] for entry in runs[1][0])
    print("run 2: {0} requests, {1} of them writes (target: {2} requests, all GET, and no task changed)".format(
        len(runs[1][0]), len(runs[1][0]) - second["GET"], pages))


if __name__ == "__main__":
    main()
