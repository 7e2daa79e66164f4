"""Provisioning: the config.json of 100 pre-registered devices and one OS image, written twice by ansible-playbook.

Starts an emulator with the demo data plus enough devices, takes the first N devices (by id) of the fleets
the demo user may write, and runs benchmarks/playbooks/provisioning.yml twice: `balena_os_config` for each
device, then `balena_os_image` for one device type. For each run it prints the wall time, the tasks that
changed, and the requests by endpoint, next to the targets:
- run 1 makes one device key and fetches one config per device, and downloads the image in one request;
- run 2 writes nothing, makes no key and sends no request for the image (so no image byte is sent).
Prints figures; asserts nothing.

    .venv/bin/python benchmarks/provisioning.py [--devices 100] [--device-type raspberrypi4-64]   (a venv with ansible-core)
"""
from __future__ import annotations

import argparse
import json
import re
import urllib.parse
from collections import Counter
from pathlib import Path

from emulator_launch import stage_collection
from modules_bulk import environment, run_playbook, with_writable_devices, writable_devices

REPO = Path(__file__).resolve().parents[1]
PLAYBOOK = REPO / "benchmarks" / "playbooks" / "provisioning.yml"


def endpoint(path):
    """A request's path without its query, with the ids of REST paths folded."""
    return re.sub(r"/\d+/", "/<id>/", urllib.parse.unquote(path).split("?")[0].split("(")[0])


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=100, help="device configs to write (default: 100)")
    parser.add_argument("--device-type", default="raspberrypi4-64", help="device type of the image")
    with_writable_devices(bench, parser.parse_args())


def bench(workdir, url, credentials, options):
    devices = writable_devices(url, credentials, options.devices)
    if len(devices) < options.devices:
        raise SystemExit("only {0} writable devices, {1} wanted".format(len(devices), options.devices))
    extra_vars = workdir / "bench_vars.json"
    extra_vars.write_text(json.dumps({
        "bench_devices": [device["uuid"] for device in devices], "bench_device_type": options.device_type,
        "bench_directory": str(workdir / "out"),
    }), encoding="utf-8")
    env = environment(workdir, stage_collection(workdir), url, credentials["api_key"])
    print("config.json of {0} devices, and the recommended {1} image".format(len(devices), options.device_type))
    runs = [run_playbook(env, extra_vars, url, credentials["admin_token"], PLAYBOOK) for _run in range(2)]
    image = workdir / "out" / "balenaos.img"
    print("image: {0} bytes".format(image.stat().st_size))
    print()
    for number, (requests, seconds, changed) in enumerate(runs, start=1):
        counts = Counter("{0} {1}".format(entry["method"], endpoint(entry["path"])) for entry in requests)
        print("run {0}: {1:.1f} s ({2:.2f} s per device), {3} changed tasks, {4} requests".format(
            number, seconds, seconds / len(devices), changed, len(requests)))
        for name, count in sorted(counts.items()):
            print("    {0:>6}  {1}".format(count, name))
        images = [entry for entry in requests if entry["path"].startswith("/download?")]
        print("    image requests: {0} (statuses {1})".format(len(images), sorted(set(e["status"] for e in images))))
    print()
    print("targets: run 1 one POST /download-config and one device key per device, one image request; "
          "run 2 no write, no key, no image request, no changed task")


if __name__ == "__main__":
    main()
