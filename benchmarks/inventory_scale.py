"""The inventory plugin at scale: HTTP requests and wall time against Ansible's own floor.

Starts an emulator with the demo data plus N devices (default 10,000) and, with the plugin's default
grouping (api connection mode):
- counts the HTTP requests of `ansible-inventory --list` (target: one per page plus at most one);
- times `ansible-inventory --list` and `ansible-playbook --list-hosts`, each divided by the same
  command over a static inventory file holding the same hosts, variables and groups (target <= 1.3x);
- counts the requests of a warm-cache run (target: 0).
Prints figures; asserts nothing.

    python benchmarks/inventory_scale.py [--devices 10000] [--repeat 3]
"""
from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from emulator_launch import call, start_emulator

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests" / "inventory"))

from inventory_runner import unwrap  # noqa: E402  pylint: disable=wrong-import-position,import-error
BIN = Path(sys.executable).parent
PAGE_SIZE = 1000
RATIO_TARGET = 1.3


def collections_dir(workdir):
    link = workdir / "collections" / "ansible_collections" / "balena" / "cloud"
    link.parent.mkdir(parents=True)
    link.symlink_to(REPO, target_is_directory=True)
    return workdir / "collections"


def environment(workdir, url, api_key):
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ANSIBLE_", "BALENA_"))}
    config = workdir / "ansible.cfg"
    config.write_text("", encoding="utf-8")
    env.update({
        "ANSIBLE_CONFIG": str(config), "ANSIBLE_COLLECTIONS_PATH": str(collections_dir(workdir)),
        "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true", "ANSIBLE_LOCAL_TEMP": str(workdir / "tmp"),
        "BALENA_API_URL": url, "BALENA_API_KEY": api_key, "PATH": str(BIN) + os.pathsep + env.get("PATH", ""),
    })
    return env


def timed(command, env, repeat):
    """(median seconds, stdout of the last run)."""
    times = []
    output = ""
    for _run in range(repeat):
        started = time.perf_counter()
        result = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
        times.append(time.perf_counter() - started)
        if result.returncode != 0:
            raise SystemExit("{0} failed:\n{1}".format(" ".join(map(str, command)), result.stderr[-3000:]))
        output = result.stdout
    return statistics.median(times), output


def static_inventory(listing, path):
    """The same hosts, variables and groups as a static inventory file (JSON, read by the yaml plugin)."""
    hostvars = listing["_meta"]["hostvars"]
    children = {}
    for group, content in listing.items():
        if group in ("_meta", "all", "ungrouped"):
            continue
        children[group] = {"hosts": {host: None for host in content.get("hosts", [])}}
    data = {"all": {"hosts": hostvars, "children": children}}
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devices", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (the median is shown)")
    parser.add_argument("--as-user", action="store_true",
                        help="read as the demo user (who sees part of the devices) instead of with full access")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as directory:
        workdir = Path(directory)
        process, url, credentials = start_emulator(workdir / "credentials.json", "--devices", str(options.devices))
        try:
            run(workdir, url, credentials, options)
        finally:
            process.terminate()
            process.wait(timeout=30)


def run(workdir, url, credentials, options):
    key = credentials["api_key"] if options.as_user else credentials["admin_token"]
    env = environment(workdir, url, key)
    token = credentials["admin_token"]
    plugin_config = workdir / "bench.balena.yml"
    plugin_config.write_text("plugin: balena.cloud.balena\n", encoding="utf-8")
    cached_config = workdir / "cached.balena.yml"
    cached_config.write_text("plugin: balena.cloud.balena\ncache: true\ncache_plugin: ansible.builtin.jsonfile\n"
                             "cache_connection: {0}\ncache_timeout: 3600\n".format(workdir / "cache"), encoding="utf-8")
    playbook = workdir / "hosts.yml"
    playbook.write_text("- hosts: all\n  gather_facts: false\n  tasks: []\n", encoding="utf-8")

    call(url, token, "DELETE", "/_emulator/requests")
    _seconds, output = timed([BIN / "ansible-inventory", "-i", plugin_config, "--list"], env, 1)
    requests = call(url, token, "GET", "/_emulator/requests")
    listing = unwrap(json.loads(output))
    hosts = len(listing["_meta"]["hostvars"])
    groups = len([name for name in listing if name not in ("_meta", "all", "ungrouped")])
    pages = hosts // PAGE_SIZE + 1
    print("inventory: {0} hosts, {1} groups (default grouping), {2} variables per host".format(
        hosts, groups, len(next(iter(listing["_meta"]["hostvars"].values())))))
    print("requests of ansible-inventory --list: {0} (pages of {1}: {2}; target <= {3})".format(
        len(requests), PAGE_SIZE, pages, pages + 1))

    static = static_inventory(listing, workdir / "static.json")
    figures = []
    for label, command in (("ansible-inventory --list", ["ansible-inventory", "--list"]),
                           ("ansible-playbook --list-hosts", ["ansible-playbook", "--list-hosts", playbook])):
        plugin_time, _ = timed([BIN / command[0], "-i", plugin_config, *command[1:]], env, options.repeat)
        static_time, _ = timed([BIN / command[0], "-i", static, *command[1:]], env, options.repeat)
        figures.append((label, plugin_time, static_time))
    for label, plugin_time, static_time in figures:
        print("{0}: plugin {1:.2f} s, static file {2:.2f} s, ratio {3:.2f}x (target <= {4}x)".format(
            label, plugin_time, static_time, plugin_time / static_time, RATIO_TARGET))

    timed([BIN / "ansible-inventory", "-i", cached_config, "--list"], env, 1)
    call(url, token, "DELETE", "/_emulator/requests")
    warm_time, _ = timed([BIN / "ansible-inventory", "-i", cached_config, "--list"], env, options.repeat)
    warm_requests = call(url, token, "GET", "/_emulator/requests")
    print("warm cache: {0} requests (target 0), ansible-inventory --list {1:.2f} s".format(len(warm_requests), warm_time))


if __name__ == "__main__":
    main()
