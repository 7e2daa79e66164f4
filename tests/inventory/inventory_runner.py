"""Run the real `ansible-inventory` and `ansible-playbook` against an emulator, the way users do."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import requests
import yaml

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTIONS_ROOT = REPO_ROOT / ".cache" / "collections"
BIN = Path(sys.executable).parent
RUN_TIMEOUT = 300


def _empty_config():
    path = REPO_ROOT / ".cache" / "inventory-tests" / "ansible.cfg"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("# No settings: the tests set what they need in the environment.\n", encoding="utf-8")
    return path


def ansible_env(emulator=None, api_key=None, **extra):
    """A clean environment: this checkout as the only collection, no user config, failures are fatal."""
    env = {name: value for name, value in os.environ.items()
           if not name.startswith(("ANSIBLE_", "BALENA_"))}
    env.update({
        "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS_ROOT),
        "ANSIBLE_CONFIG": str(_empty_config()),
        "ANSIBLE_LOCAL_TEMP": str(REPO_ROOT / ".cache" / "inventory-tests" / "tmp"),
        "ANSIBLE_INVENTORY_UNPARSED_FAILED": "true",
        "ANSIBLE_INVENTORY_ENABLED": "balena.cloud.balena,ini",
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_FORCE_COLOR": "0",
        "ANSIBLE_DEPRECATION_WARNINGS": "0",
        "PATH": str(BIN) + os.pathsep + env.get("PATH", ""),
    })
    if emulator is not None:
        env["BALENA_API_URL"] = emulator.url
        env["BALENA_API_KEY"] = api_key or emulator.credentials["api_key"]
    env.update({name: str(value) for name, value in extra.items()})
    return env


def write_config(directory, config, name="test.balena.yml"):
    path = Path(directory) / name
    path.write_text(yaml.safe_dump(dict({"plugin": "balena.cloud.balena"}, **config), sort_keys=False), encoding="utf-8")
    return path


def run(command, env, check=True, cwd=None):
    result = subprocess.run(command, env=env, cwd=cwd, stdin=subprocess.DEVNULL, capture_output=True, text=True,
                            timeout=RUN_TIMEOUT, check=False)
    if check and result.returncode != 0:
        raise AssertionError("{0} failed ({1})\n--- stdout ---\n{2}\n--- stderr ---\n{3}".format(
            " ".join(map(str, command)), result.returncode, result.stdout[-4000:], result.stderr[-4000:]))
    return result


def unwrap(value):
    """ansible-inventory (2.21) writes some plugin strings as {"__ansible_unsafe": "..."}: keep the string."""
    if isinstance(value, dict):
        if set(value) == {"__ansible_unsafe"}:
            return value["__ansible_unsafe"]
        return {key: unwrap(item) for key, item in value.items()}
    if isinstance(value, list):
        return [unwrap(item) for item in value]
    return value


def inventory_list(config_path, env, *arguments):
    return inventory_list_with_stderr(config_path, env, *arguments)[0]


def inventory_list_with_stderr(config_path, env, *arguments):
    """The ``--list`` output as data, and what ansible-inventory printed on stderr (its warnings)."""
    result = run([BIN / "ansible-inventory", "-i", str(config_path), "--list", *arguments], env)
    return unwrap(json.loads(result.stdout)), result.stderr


def inventory_graph(config_path, env, *arguments):
    return run([BIN / "ansible-inventory", "-i", str(config_path), "--graph", *arguments], env).stdout


def inventory_failure(config_path, env):
    """The stderr of an `ansible-inventory --list` that must fail."""
    result = run([BIN / "ansible-inventory", "-i", str(config_path), "--list"], env, check=False)
    assert result.returncode != 0, "expected a failure, got:\n" + result.stdout[-2000:]
    return result.stderr


def hosts_of(listing):
    return sorted(listing.get("_meta", {}).get("hostvars", {}))


def group_hosts(listing, group):
    return sorted(listing.get(group, {}).get("hosts", []))


def device_requests(emulator, resource="device"):
    """The logged GET requests of one OData resource since the log was last cleared."""
    prefix = "/v7/{0}".format(resource)
    return [entry for entry in emulator.request_log()
            if entry["method"] == "GET" and (entry["path"] == prefix or entry["path"].startswith(prefix + "?"))]


def rename_device(emulator, old, new):
    """Rename a device with the user's key, as any member of its fleet may."""
    headers = {"Authorization": "Bearer " + emulator.credentials["api_key"]}
    response = requests.patch(emulator.url + "/v7/device", params={"$filter": "device_name eq '{0}'".format(old)},
                              json={"device_name": new}, headers=headers, timeout=30)
    response.raise_for_status()


def _user_headers(emulator):
    return {"Authorization": "Bearer " + emulator.credentials["api_key"]}


def device_uuid(emulator, name):
    query = {"$filter": "device_name eq '{0}'".format(name), "$select": "uuid"}
    response = requests.get(emulator.url + "/v7/device", params=query, headers=_user_headers(emulator), timeout=30)
    response.raise_for_status()
    return response.json()["d"][0]["uuid"]


def patch_device(emulator, name, **fields):
    """Change fields of a device (found by name) with the user's key."""
    response = requests.patch(emulator.url + "/v7/device", params={"$filter": "device_name eq '{0}'".format(name)},
                              json=fields, headers=_user_headers(emulator), timeout=30)
    response.raise_for_status()


def tag_device(emulator, name, key, value):
    query = {"$filter": "device_name eq '{0}'".format(name), "$select": "id"}
    response = requests.get(emulator.url + "/v7/device", params=query, headers=_user_headers(emulator), timeout=30)
    response.raise_for_status()
    device = response.json()["d"][0]["id"]
    response = requests.post(emulator.url + "/v7/device_tag", json={"device": device, "tag_key": key, "value": value},
                             headers=_user_headers(emulator), timeout=30)
    response.raise_for_status()
