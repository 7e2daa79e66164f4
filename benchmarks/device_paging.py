"""Milliseconds per page of `GET /v7/device` the way the inventory plugin asks for it: 12 selected
fields, the fleet slug, device type slug and tags expanded, `$top=1000`, paging over every device of
an emulator started with `--devices N`. Prints figures; asserts nothing.

    python benchmarks/device_paging.py [--devices 50000] [--pages-limit P]
"""
from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

REPO = Path(__file__).resolve().parents[1]
TARGET_MS = 150.0
PAGE_SIZE = 1000
FIELDS = ("id", "uuid", "device_name", "is_online", "api_heartbeat_state", "os_version", "os_variant",
          "supervisor_version", "ip_address", "last_connectivity_event", "status", "belongs_to__application")
EXPAND = ("belongs_to__application($select=slug),is_of__device_type($select=slug),"
          "device_tag($select=tag_key,value)")


def page_target(skip: int) -> str:
    query = f"$select={','.join(FIELDS)}&$expand={EXPAND}&$orderby=id asc&$top={PAGE_SIZE}&$skip={skip}"
    return "/v7/device?" + quote(query, safe="$=&,()/'")


def start_emulator(devices: int, credentials_path: str) -> tuple[subprocess.Popen, str, float]:
    started = time.monotonic()
    process = subprocess.Popen(  # pylint: disable=consider-using-with  # runs until main() stops it
        [sys.executable, "-m", "emulator", "serve", "--port", "0", "--seed", "demo", "--devices", str(devices),
         "--credentials-file", credentials_path],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    url = process.stdout.readline().strip()
    if not url:
        process.kill()
        raise SystemExit("the emulator did not start")
    return process, url, time.monotonic() - started


def page_through(url: str, token: str, pages_limit: int | None) -> tuple[list[float], int]:
    parts = urlsplit(url)
    connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
    timings, total, skip = [], 0, 0
    while pages_limit is None or len(timings) < pages_limit:
        started = time.perf_counter()
        connection.request("GET", page_target(skip), headers={"Authorization": f"Bearer {token}"})
        response = connection.getresponse()
        body = response.read()
        timings.append((time.perf_counter() - started) * 1000.0)
        if response.status != 200:
            raise SystemExit(f"GET failed: {response.status} {body[:200]!r}")
        rows = json.loads(body)["d"]
        total += len(rows)
        if len(rows) < PAGE_SIZE:
            break
        skip += PAGE_SIZE
    connection.close()
    return timings, total


def report(label: str, timings: list[float], total: int) -> None:
    print(f"{label}: {total} devices in {len(timings)} pages; per page: mean {statistics.mean(timings):.1f} ms, "
          f"median {statistics.median(timings):.1f} ms, max {max(timings):.1f} ms (target < {TARGET_MS:.0f} ms)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=50_000)
    parser.add_argument("--pages-limit", type=int, default=None, help="stop after this many pages")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        credentials_path = os.path.join(directory, "credentials.json")
        process, url, startup = start_emulator(options.devices, credentials_path)
        try:
            print(f"emulator with {options.devices} extra devices ready in {startup:.1f} s at {url}")
            with open(credentials_path, encoding="utf-8") as handle:
                credentials = json.load(handle)
            report("admin token (every device)", *page_through(url, credentials["admin_token"], options.pages_limit))
            report(f"user {credentials['username']} API key (their fleets)",
                   *page_through(url, credentials["api_key"], options.pages_limit))
        finally:
            process.terminate()
            process.wait(timeout=30)
            process.stdout.close()


if __name__ == "__main__":
    main()
