"""`ansible.builtin.raw` over cloudlink: the balena.cloud.cloudlink connection (ssh) -> the shipped helper ->
the emulator's tunnel -> a real sshd.

The sshd on loopback stands in for the devices' host OS; tools/loopback-sshd.sh starts it (and its
`install` command, run by CI, installs Debian's openssh-server).
"""
from __future__ import annotations

import getpass
import os
import shutil
import stat
import subprocess
from pathlib import Path

import pytest
import requests
import yaml

from inventory_runner import BIN, REPO_ROOT, ansible_env, run, write_config

SCRIPT = REPO_ROOT / "tools" / "loopback-sshd.sh"
OPERATED = ["cafe-screen", "entrance-kiosk", "lobby-screen"]


def _sshd_installed():
    return shutil.which("sshd") or Path("/usr/sbin/sshd").exists()


@pytest.fixture
def sshd(tmp_path):
    if not _sshd_installed():
        missing = "sshd is not installed (tools/loopback-sshd.sh install)"
        if os.environ.get("CI"):
            pytest.fail(missing)
        pytest.skip(missing)
    directory = tmp_path / "sshd"
    subprocess.run([str(SCRIPT), "start", str(directory)], check=True, capture_output=True, timeout=60)
    try:
        yield directory
    finally:
        subprocess.run([str(SCRIPT), "stop", str(directory)], check=False, capture_output=True, timeout=60)


@pytest.fixture
def tunnel(emulator, sshd):
    hook = emulator.url + "/_emulator/tunnel"
    port = int((sshd / "port").read_text(encoding="utf-8"))
    requests.post(hook, json={"target_port": port}, headers=emulator.admin_headers, timeout=30).raise_for_status()
    try:
        yield port
    finally:
        requests.delete(hook, headers=emulator.admin_headers, timeout=30)


def _setup(emulator, sshd, tmp_path):
    host, port = emulator.url[len("http://"):].rsplit(":", 1)
    config = write_config(tmp_path, {
        "api_url": emulator.url, "api_key": emulator.credentials["api_key"],
        "connection_mode": "cloudlink", "cloudlink_tunnel_host": host, "cloudlink_tunnel_port": int(port),
        "cloudlink_tunnel_tls": False,
        # The stand-in sshd knows the local user, not the balena username the tunnel checks.
        "compose": {"ansible_user": repr(getpass.getuser())},
    })
    hostvars = json_list(config, emulator)["_meta"]["hostvars"]
    host_key = (sshd / "host_ed25519.pub").read_text(encoding="utf-8").split()[:2]
    known_hosts = tmp_path / "known_hosts"
    known_hosts.write_text("".join("[{0}]:22222 {1}\n".format(variables["ansible_host"], " ".join(host_key))
                                   for variables in hostvars.values()), encoding="utf-8")
    env = ansible_env(
        emulator,
        ANSIBLE_PRIVATE_KEY_FILE=sshd / "client_key",
        ANSIBLE_SSH_ARGS="-o UserKnownHostsFile={0} -o StrictHostKeyChecking=yes -o ControlMaster=no".format(known_hosts),
        ANSIBLE_TIMEOUT=30,
    )
    # The job gets the token from its own environment, as an AWX credential gives it; the inventory carries none.
    del env["BALENA_API_URL"]
    return config, env


def json_list(config, emulator):
    from inventory_runner import inventory_list
    return inventory_list(config, ansible_env(emulator))


def _playbook(tmp_path, hosts, out):
    path = tmp_path / "raw.yml"
    path.write_text(yaml.safe_dump([{
        "hosts": hosts, "gather_facts": False,
        "tasks": [{"name": "Write a file on the device", "ansible.builtin.raw":
                   "echo {{ balena_uuid }} $(id -un) > " + str(out) + "/{{ inventory_hostname }}"}],
    }]), encoding="utf-8")
    return path


def test_raw_reaches_sshd_through_the_tunnel(emulator, sshd, tunnel, tmp_path):
    config, env = _setup(emulator, sshd, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    token_file = tmp_path / "job" / "token"
    emulator.clear_request_log()
    run([BIN / "ansible-playbook", "-i", str(config), "-e", "ansible_balena_token_file=" + str(token_file),
         str(_playbook(tmp_path, "fleet_demo_digital_signage:&online", out))], env)
    written = sorted(path.name for path in out.iterdir())
    assert written == OPERATED
    assert (out / "lobby-screen").read_text(encoding="utf-8").split() == ["b05e5bba28df79d5eab5e1aa2c6300be", getpass.getuser()]
    connects = [entry for entry in emulator.request_log() if entry["method"] == "CONNECT"]
    assert sorted(entry["status"] for entry in connects) == [200, 200, 200]
    # Written when the connection started, where the play ran, for the helper only.
    assert token_file.read_text(encoding="utf-8") == emulator.credentials["api_key"]
    assert stat.S_IMODE(token_file.stat().st_mode) == 0o600


def test_without_a_token_where_the_play_runs_the_connection_says_so(emulator, sshd, tunnel, tmp_path):
    config, env = _setup(emulator, sshd, tmp_path)
    del env["BALENA_API_KEY"]
    out = tmp_path / "out"
    out.mkdir()
    result = run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path, "lobby-screen", out))], env,
                 check=False)
    assert result.returncode != 0
    assert "set BALENA_API_KEY" in " ".join((result.stdout + result.stderr).split())
    assert list(out.iterdir()) == []


def test_the_tunnel_refuses_a_fleet_the_user_may_only_observe(emulator, sshd, tunnel, tmp_path):
    config, env = _setup(emulator, sshd, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    result = run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path, "dock-a-scanner", out))], env,
                 check=False)
    assert result.returncode != 0
    assert "UNREACHABLE" in result.stdout
    assert "403" in result.stdout + result.stderr
    assert list(out.iterdir()) == []


def test_ad_hoc_raw_reaches_sshd_through_the_tunnel(emulator, sshd, tunnel, tmp_path):
    # An ad-hoc run loads the connection plugin in a fresh process without a playbook's set-up.
    config, env = _setup(emulator, sshd, tmp_path)
    out = tmp_path / "out"
    out.mkdir()
    run([BIN / "ansible", "-i", str(config), "-m", "ansible.builtin.raw", "-a", "id -un > " + str(out / "ad-hoc"),
         "-e", "ansible_balena_token_file=" + str(tmp_path / "job" / "token"), "lobby-screen"], env)
    assert (out / "ad-hoc").read_text(encoding="utf-8").split() == [getpass.getuser()]


def test_the_token_file_of_a_connection_is_removed_when_it_closes(emulator, sshd, tunnel, tmp_path):
    config, env = _setup(emulator, sshd, tmp_path)
    home = tmp_path / "home"
    home.mkdir()
    env["HOME"] = str(home)
    out = tmp_path / "out"
    out.mkdir()
    emulator.clear_request_log()
    run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path, "fleet_demo_digital_signage:&online", out))],
        env)
    assert sorted(path.name for path in out.iterdir()) == OPERATED
    connects = [entry for entry in emulator.request_log() if entry["method"] == "CONNECT"]
    assert sorted(entry["status"] for entry in connects) == [200, 200, 200]
    directory = home / ".ansible" / "balena" / "cloudlink"
    assert directory.is_dir()
    assert list(directory.iterdir()) == []


def test_a_token_with_white_space_around_it_is_refused_naming_the_variable(emulator, sshd, tunnel, tmp_path):
    config, env = _setup(emulator, sshd, tmp_path)
    env["BALENA_API_KEY"] += "\n"
    out = tmp_path / "out"
    out.mkdir()
    result = run([BIN / "ansible-playbook", "-i", str(config), str(_playbook(tmp_path, "lobby-screen", out))], env,
                 check=False)
    output = " ".join((result.stdout + result.stderr).split())
    assert result.returncode != 0
    assert "balena_api_key (from BALENA_API_KEY): starts or ends with white space" in output
    assert emulator.credentials["api_key"] not in output
    assert list(out.iterdir()) == []
