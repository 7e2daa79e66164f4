"""The fleet role through the real ansible-playbook against the emulator's demo world: secrets stay out of
the output, devices of other fleets are refused, purges keep to the kinds given, and a document that
cannot be converged fails before anything is written."""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

from ansible_collections.balena.cloud.plugins.modules import (
    balena_application_info, balena_device_info, balena_fleet_member,
)

from tests.inventory.inventory_runner import BIN, ansible_env, run
from tests.modules.module_runner import run_module

OTHER_FLEET_DEVICE_ABSENT = "0" * 32


def _converge(emulator, tmp_path, document, *arguments, api_key=None):
    """Run the role on ``document`` in a playbook of its own; the result has the output of both streams."""
    playbook = Path(tmp_path) / "fleet.yml"
    playbook.write_text(yaml.safe_dump([{
        "hosts": "localhost", "connection": "local", "gather_facts": False,
        "tasks": [{"name": "Converge the document", "ansible.builtin.include_role": {"name": "balena.cloud.fleet"},
                   "vars": {"fleet_document": document}}],
    }]), encoding="utf-8")
    command = [BIN / "ansible-playbook", "-i", "localhost,", str(playbook), *arguments,
               "-e", json.dumps({"ansible_python_interpreter": sys.executable})]
    result = run(command, ansible_env(emulator, api_key=api_key, ANSIBLE_INVENTORY_ENABLED="host_list"), check=False)
    result.output = result.stdout + result.stderr
    return result


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def _fleet(emulator, slug):
    found = run_module(balena_application_info.main, dict(_auth(emulator), slug=slug, include=["tags", "variables"],
                                                          show_values=True))
    return found["applications"][0] if found["applications"] else None


def _devices(emulator, fleet, **filters):
    found = run_module(balena_device_info.main, dict(_auth(emulator), fleet=fleet, include=["tags", "variables"],
                                                     show_values=True, **filters))
    return found["devices"]


SECRETS = ["S3CRET-ENV-1", "S3CRET-SVC-2", "S3CRET-DEV-3", "S3CRET-DEVSVC-4", "S3CRET-CFG-5", "S3CRET-BUILD-6"]


def test_variable_values_never_show_in_verbose_output(fresh_emulator, tmp_path):
    document = {
        "organization": "demo", "name": "air-quality",
        "variables": {"env": {"DB_PASSWORD": SECRETS[0]}, "services": {"sensor": {"API_TOKEN": SECRETS[1]}},
                      "config": {"BALENA_SECRET_THING": SECRETS[4]}, "build": {"BUILD_TOKEN": SECRETS[5]}},
        "device_groups": [{"label": "roof", "selector": {"tags": {"location": "roof"}}, "note": "on the roof",
                           "variables": {"env": {"DEVICE_TOKEN": SECRETS[2]},
                                         "services": {"sensor": {"SVC_TOKEN": SECRETS[3]}}}}],
    }
    converged = _converge(fresh_emulator, tmp_path, document, "-v", "--diff")
    assert converged.returncode == 0, converged.output[-3000:]
    assert "changed=" in converged.stdout and "failed=0" in converged.stdout
    for secret in SECRETS:
        assert secret not in converged.output
    assert _fleet(fresh_emulator, "demo/air-quality")["variables"]["env"]["DB_PASSWORD"] == SECRETS[0]

    # A service the fleet does not have fails its loop item: the failed item is printed even without -v.
    document["variables"]["services"] = {"sensor": {"API_TOKEN": SECRETS[1]}, "sensr": {"API_TOKEN": SECRETS[2]}}
    for arguments in ((), ("-v",)):
        failed = _converge(fresh_emulator, tmp_path, document, *arguments)
        assert failed.returncode != 0
        assert "no service named 'sensr'" in failed.output
        for secret in SECRETS:
            assert secret not in failed.output


def test_devices_of_another_fleet_are_refused_before_anything_is_written(fresh_emulator, tmp_path):
    lobby = fresh_emulator.credentials["device"]  # a device of demo/digital-signage
    for group in ({"uuids": [lobby["uuid"], OTHER_FLEET_DEVICE_ABSENT], "note": "moved?", "tags_purge": True},
                  {"selector": {}, "names": {lobby["uuid"]: "renamed-by-the-lab"}}):
        document = {"organization": "demo", "name": "lab-prototypes", "tags": {"written": "yes"},
                    "device_groups": [group]}
        for arguments in (("--check",), ()):
            refused = _converge(fresh_emulator, tmp_path, document, *arguments)
            assert refused.returncode != 0
            assert "must be devices of fleet demo/lab-prototypes" in refused.output
            assert "{0} (in fleet demo/digital-signage)".format(lobby["uuid"]) in refused.output
            if "uuids" in group:
                assert "{0} (not found)".format(OTHER_FLEET_DEVICE_ABSENT) in refused.output
    assert "written" not in _fleet(fresh_emulator, "demo/lab-prototypes")["tags"]
    device = _devices(fresh_emulator, "demo/digital-signage", tags={"location": "lobby"})[0]
    assert device["device_name"] == lobby["name"] and device["note"] is None and device["tags"]["floor"] == "0"


def test_variables_purge_leaves_the_kinds_not_given_alone(fresh_emulator, tmp_path):
    document = {
        "organization": "demo", "name": "digital-signage",
        "variables": {"env": {"LOG_LEVEL": "debug"}}, "variables_purge": True,
        "device_groups": [{"selector": {"tags": {"location": "lobby"}},
                           "variables": {"services": {"player": {}}}, "variables_purge": True}],
    }
    converged = _converge(fresh_emulator, tmp_path, document)
    assert converged.returncode == 0, converged.output[-3000:]
    fleet = _fleet(fresh_emulator, "demo/digital-signage")
    assert fleet["variables"]["env"] == {"LOG_LEVEL": "debug"}
    assert fleet["variables"]["config"] == {"BALENA_SUPERVISOR_POLL_INTERVAL": "900000"}
    lobby = _devices(fresh_emulator, "demo/digital-signage", tags={"location": "lobby"})[0]
    assert lobby["variables"]["env"] == {"SCREEN_ROTATION": "90"}

    # A kind given as {} is emptied; a purge key with no kind at all is refused rather than guessed.
    document["variables"]["config"] = {}
    assert _converge(fresh_emulator, tmp_path, document).returncode == 0
    assert _fleet(fresh_emulator, "demo/digital-signage")["variables"]["config"] == {}
    refused = _converge(fresh_emulator, tmp_path, {"organization": "demo", "name": "digital-signage",
                                                   "variables_purge": True})
    assert refused.returncode != 0
    assert "fleet_document.variables_purge: purges only the kinds fleet_document.variables gives" in refused.output


def test_check_mode_says_it_cannot_follow_a_tag_an_earlier_group_sets(fresh_emulator, tmp_path):
    document = {"organization": "demo", "name": "digital-signage", "device_groups": [
        {"label": "mark beta", "selector": {"tags": {"location": "cafe"}}, "tags": {"ring": "beta"}},
        {"label": "betas", "selector": {"tags": {"ring": "beta"}}, "note": "beta device"},
    ]}
    planned = _converge(fresh_emulator, tmp_path, document, "--check")
    assert planned.returncode == 0, planned.output[-3000:]
    assert "Check mode cannot plan group betas (it selects devices by tag ring," in planned.output
    converged = _converge(fresh_emulator, tmp_path, document)
    assert "Check mode cannot plan" not in converged.output
    assert _devices(fresh_emulator, "demo/digital-signage", tags={"ring": "beta"})[0]["note"] == "beta device"


def test_a_new_fleet_with_what_needs_a_release_fails_before_it_is_created(fresh_emulator, tmp_path):
    document = {"organization": "demo", "name": "new-signage", "device_type": "raspberrypi4-64", "release": "1.2.0",
                "variables": {"env": {"LOG_LEVEL": "info"}, "services": {"player": {"VOLUME": "40"}}},
                "device_groups": [{"selector": {}, "note": "new"}, {"selector": {}, "release": "1.2.0"}]}
    for arguments in (("--check",), ()):
        refused = _converge(fresh_emulator, tmp_path, document, *arguments)
        assert refused.returncode != 0
        assert ("Fleet demo/new-signage does not exist yet, so it has no release, and fleet_document.release, "
                "fleet_document.variables.services, fleet_document.device_groups[1].release need one") in refused.output
    assert _fleet(fresh_emulator, "demo/new-signage") is None


BAD_DOCUMENTS = [
    ({"variables": {"services": {"main": "x"}}},
     "fleet_document.variables.services.main: must be a dict of variable names and values, not a string"),
    ({"tags": None, "tags_purge": True}, "fleet_document.tags: is null"),
    ({"variables": {"env": {"NESTED": {"a": 1}}}},
     "fleet_document.variables.env.NESTED: the value must be a string, a number or a boolean, not a dict"),
    ({"release": "0.9.0", "track_latest": True}, "parameters are mutually exclusive: release|track_latest"),
    ({"device_groups": [{"selector": {}, "release": "1.0.0", "track_fleet": True}]},
     "parameters are mutually exclusive: release|track_fleet found in fleet_document -> device_groups"),
]


def test_what_the_modules_would_refuse_fails_first_with_the_document_path(fresh_emulator, tmp_path):
    for bad, message in BAD_DOCUMENTS:
        document = dict({"organization": "demo", "name": "air-quality", "tags": {"written": "yes"}}, **bad)
        refused = _converge(fresh_emulator, tmp_path, document)
        assert refused.returncode != 0
        assert message in refused.output, refused.output[-2000:]
        assert "whether there is a fleet" not in refused.output  # failed at validation: no module ran
    assert "written" not in _fleet(fresh_emulator, "demo/air-quality")["tags"]


def test_a_fleet_member_outside_the_organization_uses_the_role(fresh_emulator, tmp_path):
    alice_key = fresh_emulator.credentials["second_user"]["api_key"]
    document = {"organization": "demo", "name": "lab-prototypes", "tags": {"checked-by": "alice"}}
    for role, succeeds in (("developer", True), ("observer", False)):
        made = run_module(balena_fleet_member.main, dict(_auth(fresh_emulator), fleet="demo/lab-prototypes",
                                                         username="alice", role=role))
        assert not made.get("failed"), made
        document["tags"]["role"] = role
        converged = _converge(fresh_emulator, tmp_path, document, api_key=alice_key)
        assert (converged.returncode == 0) is succeeds, converged.output[-3000:]
        assert "does not exist" not in converged.output and "is required to create" not in converged.output
    assert "read-only access" in converged.output
    members = _converge(fresh_emulator, tmp_path, {"organization": "demo", "name": "lab-prototypes",
                                                   "members": [{"username": "demo"}]}, api_key=alice_key)
    assert members.returncode != 0
    assert ("changing the members of fleet demo/lab-prototypes needs the administrator role in organization demo"
            in members.output)
    assert _fleet(fresh_emulator, "demo/lab-prototypes")["tags"] == {"checked-by": "alice", "role": "developer"}


def test_a_selector_group_that_matches_no_device_warns(fresh_emulator, tmp_path):
    document = {"organization": "demo", "name": "digital-signage", "device_groups": [
        {"label": "nobody", "selector": {"tags": {"location": "moon"}}},
        {"label": "nobody with a note", "selector": {"tags": {"location": "mars"}}, "note": "x"},
    ]}
    converged = _converge(fresh_emulator, tmp_path, document)
    assert converged.returncode == 0, converged.output[-3000:]
    warnings = [line for line in converged.output.splitlines() if "[WARNING]" in line and "no device" in line]
    assert len(warnings) == 2, converged.output[-3000:]


def test_a_new_fleet_found_by_slug_keeps_the_case_of_its_name(fresh_emulator, tmp_path):
    document = {"organization": "demo", "name": "Kiosks-North", "device_type": "raspberrypi4-64",
                "variables": {"env": {"MODE": "kiosk"}}, "tags": {"floor": "1"}}
    created = _converge(fresh_emulator, tmp_path, document)
    assert created.returncode == 0 and "changed=3" in created.stdout, created.output[-3000:]
    fleet = _fleet(fresh_emulator, "demo/kiosks-north")
    assert fleet["name"] == "Kiosks-North" and fleet["tags"] == {"floor": "1"}
    assert fleet["variables"]["env"] == {"MODE": "kiosk"}
    again = _converge(fresh_emulator, tmp_path, document)
    assert again.returncode == 0 and "changed=0" in again.stdout, again.output[-3000:]
