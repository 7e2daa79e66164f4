"""What a module says when it cannot do its work: a missing, wrong or read-only key, an unreachable or slow API,
a missing library. Each message names what to change."""
from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
from pathlib import Path

import yaml

from ansible_collections.balena.cloud.plugins.module_utils.credentials import MISSING_KEY
from ansible_collections.balena.cloud.plugins.module_utils.errors import INVALID_KEY
from ansible_collections.balena.cloud.plugins.modules import balena_application_info, balena_env_var

from .module_runner import run_module

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTIONS_ROOT = REPO_ROOT / ".cache" / "collections"
READ_ONLY_FLEET = "acme/warehouse-scanners"


def without_key_variables(monkeypatch):
    for name in ("BALENA_API_KEY", "BALENA_API_TOKEN"):
        monkeypatch.delenv(name, raising=False)


def test_a_missing_key_names_the_option_and_both_environment_variables(emulator, monkeypatch):
    without_key_variables(monkeypatch)
    result = run_module(balena_application_info.main, {"api_url": emulator.url})
    assert result["failed"]
    assert result["failure"] == {"parameter": "api_key", "message": result["msg"][len("api_key: "):]}
    for name in ("api_key", "BALENA_API_KEY", "BALENA_API_TOKEN"):
        assert name in result["msg"]


def test_a_blank_key_is_a_missing_key_and_masks_nothing(emulator, monkeypatch):
    without_key_variables(monkeypatch)
    for blank in (" ", " \t "):
        result = run_module(balena_application_info.main, {"api_url": emulator.url, "api_key": blank})
        assert result["failed"] and result["failure"] == {"parameter": "api_key", "message": MISSING_KEY}
        assert "********" not in json.dumps(result)


def test_a_key_with_a_line_break_is_named_without_being_shown(emulator):
    key = emulator.credentials["api_key"]
    for bad in (key + "\n", key[:4] + "\r\n" + key[4:], key + " "):
        result = run_module(balena_application_info.main, {"api_url": emulator.url, "api_key": bad})
        assert result["failed"] and result["failure"]["parameter"] == "api_key", result
        assert "characters not allowed" in result["msg"] or "starts or ends with white space" in result["msg"]
        assert "could not connect" not in result["msg"]
        assert key not in json.dumps(result)


def test_the_token_variable_is_enough(emulator, monkeypatch):
    without_key_variables(monkeypatch)
    monkeypatch.setenv("BALENA_API_TOKEN", emulator.credentials["api_key"])
    result = run_module(balena_application_info.main, {"api_url": emulator.url})
    assert not result.get("failed") and result["applications"]


def test_a_wrong_key_is_told_in_one_line_without_the_query(emulator):
    result = run_module(balena_application_info.main, {"api_url": emulator.url, "api_key": "not-a-key"})
    assert result["failed"] and result["failure"]["status"] == 401
    message = result["msg"]
    assert "API key was refused: it is not valid" in message
    assert "\n" not in message and "?" not in message and "$select" not in message
    assert message.endswith("(GET /v7/application)")
    assert "not-a-key" not in str(result)
    assert result["failure"]["message"] == INVALID_KEY


def test_a_read_only_key_is_told_it_is_read_only(emulator):
    args = {"api_url": emulator.url, "api_key": emulator.credentials["api_key"], "fleet": READ_ONLY_FLEET,
            "name": "READ_ONLY_PROBE", "value": "1"}
    result = run_module(balena_env_var.main, args)
    # the user's role on the fleet is asked before writing: the refusal names the fleet
    assert result["failed"] and result["failure"]["code"] == "ReadOnlyAccess"
    assert "read-only access: the API key may only read " + READ_ONLY_FLEET in result["msg"]
    assert "not valid" not in result["msg"]
    assert result["failure"]["message"] == result["msg"]


def test_a_hung_api_names_the_url_and_the_timeout_option(fresh_emulator):
    fresh_emulator.inject_fault({"latency_ms": 3000, "path": "^/v7/application"})
    args = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"], "timeout": 0.5,
            "max_retries": 0}
    result = run_module(balena_application_info.main, args)
    fresh_emulator.clear_faults()
    assert result["failed"] and result["failure"]["code"] == "RequestTimeout"
    assert fresh_emulator.url.rstrip("/") in result["msg"]
    assert "within 0.5 s" in result["msg"] and "raise the timeout option" in result["msg"]
    assert "raise the timeout option" in result["failure"]["message"] and "setting" not in result["failure"]["message"]


def test_an_unreachable_api_is_named(emulator):
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        url = "http://127.0.0.1:{0}".format(unused.getsockname()[1])
    result = run_module(balena_application_info.main, {"api_url": url, "api_key": "k", "max_retries": 0})
    assert result["failed"] and "could not connect to " + url in result["msg"]


def test_an_api_url_with_the_version_works(emulator):
    for suffix in ("/v7", "/v7/"):
        args = {"api_url": emulator.url.rstrip("/") + suffix, "api_key": emulator.credentials["api_key"]}
        result = run_module(balena_application_info.main, args)
        assert not result.get("failed") and result["applications"], result


def test_a_missing_semver_library_is_reported_like_requests(emulator, tmp_path):
    """Through ansible-playbook, with ``semver`` hidden from the module's Python."""
    hidden = tmp_path / "hide"
    hidden.mkdir()
    (hidden / "semver.py").write_text("raise ImportError('semver is hidden by the test')\n", encoding="utf-8")
    playbook = tmp_path / "play.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "gather_facts": False,
        "tasks": [{"name": "List fleets", "balena.cloud.balena_application_info": {}}],
    }]), encoding="utf-8")
    env = {name: value for name, value in os.environ.items() if not name.startswith(("ANSIBLE_", "BALENA_"))}
    env.update({
        "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS_ROOT), "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_LOCAL_TEMP": str(tmp_path / "ansible-tmp"), "ANSIBLE_PYTHON_INTERPRETER": sys.executable,
        "BALENA_API_URL": emulator.url, "BALENA_API_KEY": emulator.credentials["api_key"],
        "PYTHONPATH": str(hidden),
    })
    command = [str(Path(sys.executable).parent / "ansible-playbook"), "-i", "localhost,", "-c", "local", str(playbook)]
    result = subprocess.run(command, env=env, stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=300,
                            check=False)
    assert result.returncode != 0
    assert "Failed to import the required Python library (semver)" in result.stdout, result.stdout + result.stderr
    assert "AttributeError" not in result.stdout
