"""Every balena task in the EXAMPLES of the account modules runs against the emulator, in order.

The examples name a made-up organization, fleets, people and device; they are swapped for the
demo data, where the people jane, joe and sam have signed up and joined the demo organization.
"""
from __future__ import annotations

import pytest
import yaml

from ansible_collections.balena.cloud.plugins.modules import (
    balena_api_key,
    balena_api_key_info,
    balena_fleet_member,
    balena_invite,
    balena_organization,
    balena_organization_info,
    balena_organization_member,
    balena_ssh_key,
    balena_team,
)

from .account_world import join_organization, sign_up
from .module_runner import run_module
from .test_examples import module_tasks

MODULES = [balena_api_key, balena_api_key_info, balena_organization, balena_organization_info, balena_organization_member,
           balena_team, balena_fleet_member, balena_invite, balena_ssh_key]
PEOPLE = ("jane", "joe", "sam")
LAPTOP_KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUFBQUF jane@laptop"


def substituted(text, emulator):
    credentials = emulator.credentials
    for example, real in (
        ("myorg/signage", credentials["fleet"]),
        ("acme/scanners", credentials["writable_fleets"][1]),
        ("acme/gateways", credentials["writable_fleets"][2]),
        ("acme", "demo"),
        ("4f2e9b1c7d0a4e3f8b6c5d4e3f2a1b0c", credentials["device"]["uuid"]),
        ("\"{{ lookup('ansible.builtin.file', '~/.ssh/id_ed25519.pub') }}\"", LAPTOP_KEY),
    ):
        text = text.replace(example, real)
    return text


@pytest.mark.parametrize("module", MODULES, ids=lambda module: module.__name__.rsplit(".", 1)[-1])
def test_examples_run(fresh_emulator, module):
    for person in PEOPLE:
        sign_up(fresh_emulator, person)
        join_organization(fresh_emulator, person, "demo", "member")
    name = module.__name__.rsplit(".", 1)[-1]
    tasks = module_tasks(yaml.safe_load(substituted(module.EXAMPLES, fresh_emulator)), name)
    assert tasks
    auth = {"api_url": fresh_emulator.url, "api_key": fresh_emulator.credentials["api_key"]}
    for title, args in tasks:
        assert "{{" not in yaml.safe_dump(args), title
        result = run_module(module.main, dict(auth, **(args or {})))
        assert not result.get("failed"), "{0}: {1}".format(title, result.get("msg"))
