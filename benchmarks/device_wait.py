"""Waiting for 200 simulated devices to run a new release with `balena_device_wait`, 50 ms per request.

Starts an emulator with the demo data plus extra devices and 50 ms added to every request, makes the
first N online devices of the demo fleet simulated devices (each notices a new target after its own
delay, spread over 5 to 20 s by a fixed seed, then downloads for 3 s), gives the fleet a new
target release, and runs benchmarks/playbooks/device_wait.yml. It prints, next to the targets:
- the requests the waiter sent to `/v7/device`: one per poll (plus the first read of the listed
  devices, one per 100 uuids), and the others: the one check that the release exists before polling;
- when the last device converged (its simulated supervisor's "Running release" log line) and when the
  waiter saw it, which ends the task: at most one interval later.
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/device_wait.py [--devices 200] [--interval 2] [--latency-ms 50]
"""
from __future__ import annotations

import argparse
import datetime
import json
import random
import subprocess
import sys
import tempfile
import time
import urllib.parse
import urllib.request
from pathlib import Path

from emulator_launch import call, stage_collection, start_emulator
from modules_bulk import environment

REPO = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
PLAYBOOK = REPO / "benchmarks" / "playbooks" / "device_wait.yml"
FLEET = "demo/digital-signage"
SEED = 13
NOTICE_DELAYS = (5.0, 20.0)   # each device notices the new target after its own delay in this range
URL_SAFE = "$,()/'"


def odata(url, token, resource, **options):
    query = urllib.parse.urlencode(options, quote_via=urllib.parse.quote, safe=URL_SAFE)
    return call(url, token, "GET", "/v7/{0}?{1}".format(resource, query))["d"]


def send(url, token, method, path, body):
    request = urllib.request.Request(url + path, method=method, data=json.dumps(body).encode(),
                                     headers={"Authorization": "Bearer " + token, "Content-Type": "application/json"})
    with urllib.request.urlopen(request, timeout=120) as response:  # nosec - the local emulator
        return response.read()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=200, help="simulated devices to wait for (default: 200)")
    parser.add_argument("--interval", type=float, default=2.0, help="seconds between polls (default: 2)")
    parser.add_argument("--latency-ms", type=int, default=50, help="added to every request (default: 50)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="device-wait-") as work:
        workdir = Path(work)
        # The extra devices are spread over five fleets, about half of them online.
        process, url, credentials = start_emulator(workdir / "credentials.json", "--devices", str(options.devices * 12),
                                                   "--latency-ms", str(options.latency_ms))
        try:
            bench(workdir, url, credentials, options)
        finally:
            process.terminate()
            process.wait()


def bench(workdir, url, credentials, options):
    admin = credentials["admin_token"]
    fleet = odata(url, admin, "application", **{
        "$select": "id,should_be_running__release", "$filter": "slug eq '{0}'".format(FLEET),
        "$expand": "owns__release($select=id,commit&$filter=status eq 'success'&$orderby=id asc)"})[0]
    target = fleet["should_be_running__release"]["__id"]
    new = [release for release in fleet["owns__release"] if release["id"] != target][0]
    devices = odata(url, admin, "device", **{
        "$select": "id,uuid", "$orderby": "id asc", "$top": str(options.devices),
        "$filter": "is_online eq true and is_pinned_on__release eq null and belongs_to__application eq {0}".format(fleet["id"])})
    if len(devices) < options.devices:
        print("only {0} online devices in {1}; waiting for those".format(len(devices), FLEET))
    spread = random.Random(SEED)
    for device in devices:
        send(url, admin, "PUT", "/_emulator/simulation/devices/" + device["uuid"], {
            "notice_delay_s": round(spread.uniform(*NOTICE_DELAYS), 2), "download_s": 3, "poll_interval_s": 1})
    env = environment(workdir, stage_collection(workdir), url, credentials["api_key"])
    result_file = workdir / "result.json"
    extra_vars = workdir / "vars.json"
    extra_vars.write_text(json.dumps({
        "bench_devices": [device["uuid"] for device in devices], "bench_release": new["commit"],
        "bench_interval": options.interval, "bench_timeout": 300, "bench_result_file": str(result_file)}), encoding="utf-8")
    send(url, admin, "PATCH", "/v7/application({0})".format(fleet["id"]), {"should_be_running__release": new["id"]})
    call(url, admin, "DELETE", "/_emulator/requests")
    started = time.time()
    run = subprocess.run([str(BIN / "ansible-playbook"), str(PLAYBOOK), "-e", "@" + str(extra_vars)],
                         env=env, capture_output=True, text=True, check=False)
    ended = time.time()
    if run.returncode != 0:
        raise SystemExit("ansible-playbook failed (exit {0}):\n{1}\n{2}".format(run.returncode, run.stdout[-3000:], run.stderr[-3000:]))
    requests_sent = call(url, admin, "GET", "/_emulator/requests")
    result = json.loads(result_file.read_text(encoding="utf-8"))
    report(url, admin, devices, new, result, requests_sent, started, ended, options)


def converged_at(url, admin, device, commit):
    """When the simulated device started running the release: its supervisor's log line."""
    lines = call(url, admin, "GET", "/device/v2/{0}/logs".format(device["uuid"]))
    times = [line["createdAt"] for line in lines if line["message"] == "Running release " + commit]
    return times[-1] / 1000.0 if times else None


def seconds_of(text):
    """Epoch seconds of a `YYYY-MM-DDTHH:MM:SS.mmmZ` date."""
    moment = datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)
    return moment.timestamp()


def report(url, admin, devices, release, result, requests_sent, started, ended, options):
    device_reads = [entry for entry in requests_sent if entry["method"] == "GET" and entry["path"].startswith("/v7/device")]
    others = [entry for entry in requests_sent if entry not in device_reads]
    first_read = -(-len(devices) // 100)
    polls = result["polls"]
    last = max(converged_at(url, admin, device, release["commit"]) or 0 for device in devices)
    waited = result["elapsed"]
    print("balena_device_wait: {0} simulated devices, {1} s interval, {2} ms per request".format(
        len(devices), options.interval, options.latency_ms))
    print("  {0:<44} {1:>10}   {2}".format("figure", "measured", "target"))
    print("  {0:<44} {1:>10}   {2}".format("polls", polls, "-"))
    print("  {0:<44} {1:>10}   {2}".format("GET /v7/device requests", len(device_reads),
                                           "{0} (first read {1} + one per further poll {2})".format(
                                               first_read + polls - 1, first_read, polls - 1)))
    print("  {0:<44} {1:>10}   {2}".format("other requests", len(others), "1 (the release check before polling)"))
    for entry in others:
        print("      {0} {1}".format(entry["method"], entry["path"].split("?")[0]))
    print("  {0:<44} {1:>10}   {2}".format("devices converged / pending", "{0} / {1}".format(
        len(result["converged"]), len(result["pending"])), "{0} / 0".format(len(devices))))
    seen_last = max(device["after"] for device in result["converged"]) if result["converged"] else 0
    print("  {0:<44} {1:>10.1f}   {2}".format("wait: seconds until the last device was seen", seen_last, "-"))
    print("  {0:<44} {1:>10.1f}   {2}".format("wait: seconds the module waited", waited, "-"))
    last_seen = max(seconds_of(device["seen_at"]) for device in result["converged"]) if result["converged"] else 0
    print("  {0:<44} {1:>10.1f}   {2}".format("last device seen minus its convergence (s)", last_seen - last,
                                             "<= {0} (one interval)".format(options.interval)))
    print("  {0:<44} {1:>10.1f}   {2}".format("playbook wall time (s)", ended - started, "-"))


if __name__ == "__main__":
    main()
