"""A project as AWX checks it out (the inventory source and the job's playbook), and the environment
a balena API credential gives a job or a sync."""
from __future__ import annotations

import yaml

from awx_emulation import injected_env

SOURCE_PATH = "inventories/fleet.balena.yml"
PLAYBOOK = "playbooks/tag_devices.yml"

# The inventory source of the how-to: names that stay the same from one sync to the next.
SOURCE = {"plugin": "balena.cloud.balena", "hostnames": ["uuid"]}

PLAY = [{
    "name": "Tag each device with the job that reached it",
    "hosts": "all",
    "gather_facts": False,
    "module_defaults": {"group/balena.cloud.balena": {"timeout": 20}},
    "tasks": [{
        "name": "Tag the device",
        "balena.cloud.balena_tag": {"device": "{{ balena_uuid }}", "tags": {"awx_job": "{{ awx_job_id }}"}},
    }],
}]


def write_project(directory, source=None):
    """A project checkout: the inventory source file and the job's playbook."""
    (directory / "inventories").mkdir(parents=True)
    (directory / "playbooks").mkdir()
    (directory / SOURCE_PATH).write_text(yaml.safe_dump(source or SOURCE, sort_keys=False), encoding="utf-8")
    (directory / PLAYBOOK).write_text(yaml.safe_dump(PLAY, sort_keys=False), encoding="utf-8")
    return directory


def credential_env_for(emulator, **inputs):
    """The environment of a balena API credential for this emulator, as its injectors set it."""
    values = {"api_url": emulator.url, "api_key": emulator.credentials["api_key"], "validate_certs": True}
    values.update(inputs)
    return injected_env(values)
