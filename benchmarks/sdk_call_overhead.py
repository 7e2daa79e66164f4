"""CPU time per SDK call against a bare `requests.Session` sending the same request, for balena-sdk
17.3.0 and ours, each with its default settings file and in memory. Prints figures; asserts nothing.

    python benchmarks/sdk_call_overhead.py [--calls 300] [--rounds 3]

The call is `models.device.get(id, {"$select": [...]})`, which sends one GET in both SDKs; the
emulator's request log gives the exact URL, which the bare session then requests with the same
token and decodes as JSON. CPU time is this process's (`time.process_time`), so the emulator's
own work does not count; the best of several alternating rounds is kept. Target: ours within 1.2x of bare.
"""
from __future__ import annotations

import argparse
import tempfile
import time

import requests

import sdk_scenario_path

sdk_scenario_path.prepare()

# pylint: disable=wrong-import-position,import-error
from parity_clients import ClientFactory, loopback_only  # noqa: E402
from parity_emulator import Emulator  # noqa: E402

TARGET_RATIO = 1.2
SELECT = {"$select": ["id", "device_name", "is_online"]}
WARM_UP = 10


def cpu_per_call(call, calls):
    started = time.process_time()
    for _call in range(calls):
        call()
    return (time.process_time() - started) / calls


def best_of_alternating_rounds(sdk_call, bare_call, calls, rounds):
    """Rounds alternate between the two so that drift on a busy machine hits both alike."""
    for _warm_up in range(WARM_UP):
        sdk_call()
        bare_call()
    sdk_best = bare_best = float("inf")
    for _round in range(rounds):
        sdk_best = min(sdk_best, cpu_per_call(sdk_call, calls))
        bare_best = min(bare_best, cpu_per_call(bare_call, calls))
    return sdk_best, bare_best


def logged_in(flavour, mode, emulator, directory):
    client = ClientFactory(flavour, mode, emulator.url, directory)()
    client.auth.login(username=emulator.credentials["username"], password=emulator.credentials["password"])
    return client


def sent_by(emulator, call):
    """The one request ``call`` sends, as the emulator logged it."""
    before = len(emulator.request_log())
    call()
    sent = emulator.settled_request_log()[before:]
    if len(sent) != 1:
        raise SystemExit("expected one request per call, saw %r" % [entry["path"] for entry in sent])
    return sent[0]


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calls", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=5)
    options = parser.parse_args()
    with loopback_only(), Emulator() as emulator, tempfile.TemporaryDirectory() as directory:
        device_id = None
        rows = []
        for flavour in ("official", "ours"):
            for mode in ("file", "memory"):
                client = logged_in(flavour, mode, emulator, "%s/%s-%s" % (directory, flavour, mode))
                if device_id is None:
                    device_id = client.models.device.get(emulator.credentials["device"]["uuid"], {"$select": "id"})["id"]

                def call(client=client):
                    return client.models.device.get(device_id, SELECT)

                entry = sent_by(emulator, call)
                session = requests.Session()
                session.headers["Authorization"] = "Bearer " + client.auth.get_token()
                url = emulator.url + entry["path"]

                def bare(session=session, url=url):
                    answer = session.get(url, timeout=30)
                    answer.raise_for_status()
                    return answer.json()

                sdk_seconds, bare_seconds = best_of_alternating_rounds(call, bare, options.calls, options.rounds)
                rows.append((flavour, mode, sdk_seconds, bare_seconds))
                session.close()
        print("CPU time per call: models.device.get(id, $select) vs a bare requests.Session GET of the same URL")
        print("  %-18s %12s %12s %8s" % ("SDK", "SDK us", "bare us", "ratio"))
        for flavour, mode, sdk_seconds, bare_seconds in rows:
            target = "  (target <= %.1fx)" % TARGET_RATIO if flavour == "ours" else ""
            print("  %-18s %12.0f %12.0f %7.2fx%s" % ("%s/%s" % (flavour, mode), sdk_seconds * 1e6, bare_seconds * 1e6,
                                                      sdk_seconds / bare_seconds, target))


if __name__ == "__main__":
    main()
