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
    images = list(tmp_path.glob("balenaos-*.img"))
    assert len(images) == 1 and images[0].stat().st_size > 1_000_000

    fresh_emulator.clear_request_log()
    second = _play(fresh_emulator, tmp_path)
    assert _recap(second.stdout)["changed"] == 0
    paths = [entry["path"] for entry in fresh_emulator.request_log()]
    assert not [path for path in paths if path.startswith(("/download", "/api-key"))]


def requests_devices(emulator):
    import requests  # pylint: disable=import-outside-toplevel
    answer = requests.get(emulator.url + "/v7/device", params={"$select": "uuid,device_name"},
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]}, timeout=30)
    return dict((row["uuid"], row["device_name"]) for row in answer.json()["d"])
