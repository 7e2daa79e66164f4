"""How long another tenant's simple read waits while a hostile user keeps sending costly queries.

The demo user sends, one after another, queries the emulator must stop or refuse (nested any()
over every device, which SQLite cannot answer quickly, and nested replace() inside length()); at the
same time the second demo user reads one of their own fleets at random moments (so that the reads
land anywhere in a hostile query). The wait is that read's time minus its median time on an idle
emulator. The emulator bounds a query by its CPU time: on a machine busy with other work the
figures grow with the load average printed beside them. Prints figures; asserts nothing.

    python benchmarks/hostile_query_wait.py [--devices 2000] [--seconds 10] [--query-budget-ms 100]
"""
from __future__ import annotations

import argparse
import http.client
import os
import random
import statistics
import tempfile
import threading
import time
from pathlib import Path
from urllib.parse import quote, urlsplit

from emulator_launch import start_emulator, stop_emulator

TARGET_MS = 100.0
SIMPLE_READ = "/v7/application?$select=id,app_name&$top=1"
NESTED_ANY = ("belongs_to__application/owns__device/any(a:a/belongs_to__application/owns__device/any("
              "b:b/belongs_to__application/owns__device/any(c:c/device_name eq 'none')))")
GROWING_TEXT = "length(" + "replace(" * 8 + "device_name" + ",'a','aaaaaaaaaa')" * 8 + ") gt 1"
HOSTILE = {
    "nested any() over every device": "/v7/device?$select=id&$filter=" + quote(NESTED_ANY, safe="()',/:"),
    "eight nested replace() in length()": "/v7/device?$select=id&$filter=" + quote(GROWING_TEXT, safe="()',/:"),
}


class Client:
    def __init__(self, url: str, token: str):
        parts = urlsplit(url)
        self.connection = http.client.HTTPConnection(parts.hostname, parts.port, timeout=120)
        self.headers = {"Authorization": "Bearer " + token}

    def get(self, target: str) -> tuple[int, float, bytes]:
        started = time.perf_counter()
        self.connection.request("GET", target, headers=self.headers)
        response = self.connection.getresponse()
        body = response.read()
        return response.status, (time.perf_counter() - started) * 1000.0, body


def simple_reads(client: Client, stop: threading.Event, longest_pause: float) -> list[float]:
    timings = []
    while not stop.is_set():
        status, elapsed, body = client.get(SIMPLE_READ)
        if status != 200:
            raise SystemExit(f"the simple read failed: {status} {body[:200]!r}")
        timings.append(elapsed)
        time.sleep(random.uniform(0.0, longest_pause))
    return timings


def hostile_loop(client: Client, target: str, stop: threading.Event, answers: list) -> None:
    while not stop.is_set():
        answers.append(client.get(target))


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def measure(url: str, credentials: dict, label: str, target: str, seconds: float, idle_ms: float) -> None:
    answers: list = []
    stop = threading.Event()
    hostile = threading.Thread(target=hostile_loop, args=(Client(url, credentials["api_key"]), target, stop, answers))
    hostile.start()
    time.sleep(0.2)
    reader = Client(url, credentials["second_user"]["api_key"])
    timer = threading.Timer(seconds, stop.set)
    timer.start()
    timings = simple_reads(reader, stop, 0.25)
    hostile.join()
    waits = [max(0.0, elapsed - idle_ms) for elapsed in timings]
    statuses = sorted({status for status, _, _ in answers})
    hostile_ms = [elapsed for _, elapsed, _ in answers]
    print(f"{label}: {len(answers)} hostile requests answered {statuses} in median {statistics.median(hostile_ms):.0f} ms "
          f"(max {max(hostile_ms):.0f} ms); first answer {answers[0][2][:90]!r}")
    print(f"  another tenant's simple read ({len(timings)} reads) waited: median {statistics.median(waits):.0f} ms, "
          f"p95 {percentile(waits, 0.95):.0f} ms, max {max(waits):.0f} ms (target: about {TARGET_MS:.0f} ms); "
          f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=2000, help="extra devices seeded (default: 2000)")
    parser.add_argument("--seconds", type=float, default=10.0, help="how long each hostile query is sent")
    parser.add_argument("--query-budget-ms", default="100", help="the emulator's option of that name (default: 100)")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        process, url, credentials = start_emulator(Path(directory) / "credentials.json",
                                                   "--devices", str(options.devices),
                                                   "--query-budget-ms", options.query_budget_ms)
        try:
            reader = Client(url, credentials["second_user"]["api_key"])
            idle = [reader.get(SIMPLE_READ)[1] for _ in range(200)]
            idle_ms = statistics.median(idle)
            print(f"emulator with {options.devices} extra devices and --query-budget-ms {options.query_budget_ms} "
                  f"at {url}; the simple read alone: "
                  f"median {idle_ms:.1f} ms, max {max(idle):.1f} ms")
            for label, target in HOSTILE.items():
                measure(url, credentials, label, target, options.seconds, idle_ms)
        finally:
            stop_emulator(process)


if __name__ == "__main__":
    main()
