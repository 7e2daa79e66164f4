"""The account example playbooks run with the real ansible-playbook against the emulator:
onboarding (invitation, then membership, team, fleet access, SSH key), rotation of a fleet's
provisioning keys, and offboarding from every organization."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import requests

from ansible_collections.balena.cloud.plugins.modules import balena_invite, balena_organization_info

from tests.inventory.inventory_runner import BIN, REPO_ROOT, ansible_env, run

from .account_world import admin_call
from .module_runner import run_module

EXAMPLES = REPO_ROOT / "examples"
ALICE_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMDAwMD alice@laptop"


def _playbook(emulator, name, check=True, **extra_vars):
    command = [BIN / "ansible-playbook", "-i", "localhost,", str(EXAMPLES / name),
               "-e", json.dumps(dict(extra_vars, ansible_python_interpreter=sys.executable))]
    return run(command, ansible_env(emulator, ANSIBLE_INVENTORY_ENABLED="host_list"), check=check)


def _login(emulator, username, password):
    answer = requests.post(emulator.url + "/login_", json={"username": username, "password": password}, timeout=30)
    answer.raise_for_status()
    return answer.text


def _accept_invitation(emulator, alice_session):
    token = admin_call(emulator, "GET", "invitee__is_invited_to__organization", params={"$select": "invitationToken"})["d"][0]["invitationToken"]
    answer = requests.post(emulator.url + "/org/v1/invitation/" + token, timeout=30, headers={"Authorization": "Bearer " + alice_session})
    answer.raise_for_status()


def _demo_organization(emulator):
    info = run_module(balena_organization_info.main, {"api_url": emulator.url, "api_key": emulator.credentials["api_key"], "handle": "demo"})
    return info["organizations"][0]


def test_onboard_then_offboard_a_person(fresh_emulator):
    alice_session = _login(fresh_emulator, "alice", "alice-password")
    onboarding = {"organization": "demo", "username": "alice", "email": "alice@example.org", "team": "ops",
                  "fleets": [{"fleet": fresh_emulator.credentials["fleet"], "role": "observer"}],
                  "ssh_public_key": ALICE_KEY, "person_api_key": alice_session}
    invited = _playbook(fresh_emulator, "onboard_person.yml", **onboarding)
    assert "changed=2" in invited.stdout and "failed=0" in invited.stdout  # the invitation and the SSH key
    assert alice_session not in invited.stdout
    _accept_invitation(fresh_emulator, alice_session)

    onboarded = _playbook(fresh_emulator, "onboard_person.yml", **onboarding)
    assert "failed=0" in onboarded.stdout
    organization = _demo_organization(fresh_emulator)
    assert {"username": "alice", "role": "member"}.items() <= next(m for m in organization["members"] if m["username"] == "alice").items()
    assert next(team for team in organization["teams"] if team["name"] == "ops")["members"] == ["alice"]
    keys = requests.get(fresh_emulator.url + "/auth/v1/public-keys/alice", timeout=30,
                        headers={"Authorization": "Bearer " + fresh_emulator.credentials["api_key"]}).text
    assert ALICE_KEY in keys.splitlines()
    assert "changed=0" in _playbook(fresh_emulator, "onboard_person.yml", **onboarding).stdout

    other_fleet = next(fleet["fleet"] for fleet in organization["fleets"] if fleet["fleet"] != fresh_emulator.credentials["fleet"])
    fleet_invite = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"],
                    "fleet": other_fleet, "email": "alice@example.org", "role": "observer"}
    assert run_module(balena_invite.main, fleet_invite)["changed"]
    mistyped = _playbook(fresh_emulator, "offboard_person.yml", check=False, username="alcie", email="alice@example.org")
    assert mistyped.returncode == 2 and "'alcie' is not among the members" in mistyped.stdout

    offboarded = _playbook(fresh_emulator, "offboard_person.yml", username="alice", email="alice@example.org")
    assert "failed=0" in offboarded.stdout
    organization = _demo_organization(fresh_emulator)
    assert "alice" not in [member["username"] for member in organization["members"]]
    assert all("alice" not in team["members"] for team in organization["teams"])
    assert not run_module(balena_invite.main, dict(fleet_invite, state="absent"), check_mode=True)["changed"]
    # alice now shares nothing with this key: a second run cannot tell her from a typo, and says so.
    again = _playbook(fresh_emulator, "offboard_person.yml", check=False, username="alice", email="alice@example.org")
    assert again.returncode == 2 and "whether such a user exists at all is unknown" in again.stdout


def test_rotate_every_provisioning_key_of_a_fleet(fresh_emulator, tmp_path):
    credentials = fresh_emulator.credentials
    old = credentials["provisioning_key"]["key"]
    key_dir = Path(tmp_path) / "keys"
    rotated = _playbook(fresh_emulator, "rotate_provisioning_keys.yml", fleet=credentials["provisioning_key"]["fleet"], key_dir=str(key_dir))
    assert "failed=0" in rotated.stdout and old not in rotated.stdout
    written = key_dir / "demo provisioning key"
    new = written.read_text(encoding="utf-8").strip()
    assert new and new != old and new not in rotated.stdout and oct(written.stat().st_mode & 0o777) == "0o600"
    whoami = requests.get(fresh_emulator.url + "/actor/v1/whoami", timeout=30, headers={"Authorization": "Bearer " + new})
    assert whoami.status_code == 200
    assert requests.get(fresh_emulator.url + "/actor/v1/whoami", timeout=30, headers={"Authorization": "Bearer " + old}).status_code == 401
