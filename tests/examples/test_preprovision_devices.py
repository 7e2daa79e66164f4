"""examples/preprovision_devices.yml against an emulator, twice: the whole flow, then nothing changes."""
from __future__ import annotations

import json
import re
import stat
import sys

from tests.inventory.inventory_runner import REPO_ROOT, ansible_env, run

PLAYBOOK = REPO_ROOT / "examples" / "preprovision_devices.yml"
FLEET = "demo/air-quality"


def _play(emulator, directory):
    return run(["ansible-playbook", "-i", "localhost,", str(PLAYBOOK), "-e", "fleet=" + FLEET, "-e", "device_count=3",
                "-e", "name_prefix=example", "-e", "provisioning_directory=" + str(directory)],
               ansible_env(emulator, ANSIBLE_INVENTORY_ENABLED="host_list", ANSIBLE_PYTHON_INTERPRETER=sys.executable))


def _recap(output):
    return dict((key, int(value)) for key, value in re.findall(r"(ok|changed|failed)=(\d+)", output.split("PLAY RECAP")[1]))


def test_the_example_registers_devices_writes_their_configs_and_downloads_the_image_once(fresh_emulator, tmp_path):
    first = _play(fresh_emulator, tmp_path)
    assert _recap(first.stdout)["failed"] == 0
    configs = sorted((tmp_path / "devices").glob("example-*/config.json"))
    assert [path.parent.name for path in configs] == ["example-01", "example-02", "example-03"]
    devices = requests_devices(fresh_emulator)
    for path in configs:
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
        config = json.loads(path.read_text(encoding="utf-8"))
        assert devices[config["uuid"]] == path.parent.name and config["deviceApiKey"]
        assert config["deviceApiKey"] not in first.stdout
    assert sorted(_key_counts(fresh_emulator).values()) == [1, 1, 1]
    images = list(tmp_path.glob("balenaos-*.img"))
    assert len(images) == 1 and images[0].stat().st_size > 1_000_000

    fresh_emulator.clear_request_log()
    second = _play(fresh_emulator, tmp_path)
    assert _recap(second.stdout)["changed"] == 0
    paths = [entry["path"] for entry in fresh_emulator.request_log()]
    assert not [path for path in paths if path.startswith(("/download", "/api-key"))]


def _key_counts(emulator):
    """How many keys each device of the example has; no provisioning key made for a device's config is left."""
    rows = _get(emulator, "device", {"$select": "device_name", "$filter": "startswith(device_name,'example-')",
                                     "$expand": "actor($expand=api_key($select=id))"})
    counts = dict((row["device_name"], len(row["actor"][0]["api_key"])) for row in rows)
    fleet = _get(emulator, "application", {"$select": "id", "$filter": "slug eq '{0}'".format(FLEET),
                                           "$expand": "actor($expand=api_key($select=name))"})
    assert not [key for key in fleet[0]["actor"][0]["api_key"] if "device config" in (key["name"] or "")]
    return counts


def _get(emulator, resource, params):
    import requests  # pylint: disable=import-outside-toplevel
    answer = requests.get(emulator.url + "/v7/" + resource, params=params,
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]}, timeout=30)
    return answer.json()["d"]


def requests_devices(emulator):
    import requests  # pylint: disable=import-outside-toplevel
    answer = requests.get(emulator.url + "/v7/device", params={"$select": "uuid,device_name"},
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]}, timeout=30)
    return dict((row["uuid"], row["device_name"]) for row in answer.json()["d"])
