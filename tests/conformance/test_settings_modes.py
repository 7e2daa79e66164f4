"""The two documented ways to point the unchanged SDK at the emulator (wire reference §2.5)."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap

from .official_sdk import login

FILE_MODE_SCRIPT = textwrap.dedent("""
    import json, sys
    from balena import Balena
    client = Balena()
    client.auth.login(username=sys.argv[1], password=sys.argv[2])
    apps = client.models.application.get_all({"$select": ["id", "slug"]})
    print(json.dumps({"api_endpoint": client.settings.get("api_endpoint"),
                      "prefix": client.pine.api_prefix, "apps": apps,
                      "token_saved": client.settings.has("token")}))
""")


def test_in_memory_mode(emulator_access):
    client = login(emulator_access.url, emulator_access.credentials)
    assert client.settings.get("data_directory") is False
    assert client.pine.api_prefix == emulator_access.url + "/v7/"
    assert isinstance(client.models.application.get_all(), list)


def test_file_mode_with_a_preseeded_balena_cfg(emulator_access, tmp_path):
    url = emulator_access.url + "/"
    data_directory = tmp_path / ".balena"
    data_directory.mkdir()
    settings = {
        "balena_host": "balena-cloud.com", "api_version": "v7", "device_actions_endpoint_version": "v1",
        "image_cache_time": "604800000", "token_refresh_interval": "3600000", "timeout": "30000",
        "request_limit_interval": "60", "retry_rate_limited_request": "false",
        "builder_url": url, "api_endpoint": url, "pine_endpoint": url + "v7/",
        "data_directory": str(data_directory), "cache_directory": str(data_directory / "cache"),
    }
    (data_directory / "balena.cfg").write_text(
        "[Settings]\n" + "".join(f"{key} = {value}\n" for key, value in settings.items()), encoding="utf-8")
    env = dict(os.environ, BALENA_SETTINGS_HOME_DIRECTORY=str(tmp_path))
    child = subprocess.run([sys.executable, "-c", FILE_MODE_SCRIPT, emulator_access.credentials["username"],
                            emulator_access.credentials["password"]],
                           env=env, capture_output=True, text=True, timeout=120, check=False)
    assert child.returncode == 0, child.stderr[-2000:]
    outcome = json.loads(child.stdout.strip().splitlines()[-1])
    assert outcome["api_endpoint"] == url
    assert outcome["prefix"] == url + "v7/"
    assert outcome["token_saved"] is True
    assert isinstance(outcome["apps"], list)
    assert "token = " in (data_directory / "balena.cfg").read_text(encoding="utf-8")
    assert not (data_directory / "balena.cfg.old").exists(), "the SDK rejected the pre-seeded file"
