"""Jobs of a job template on the synced inventory, as AWX runs them: the playbook from the project,
the hosts as an inventory script, the credential's environment, and sliced jobs that each take
every N-th host."""
from __future__ import annotations

import requests
import yaml

from awx_emulation import import_hosts, inventory_update, job_run, job_vars, sliced_hosts
from awx_project import PLAYBOOK, SOURCE, SOURCE_PATH, credential_env_for, write_project

SLICES = 3
# The demo key may only read the devices of acme's warehouse-scanners fleet.
WRITABLE = dict(SOURCE, organizations=["demo"])


def device_tags(emulator):
    """``{device uuid: value of its awx_job tag}``, read from the API."""
    response = requests.get(emulator.url + "/v7/device_tag", params={"$filter": "tag_key eq 'awx_job'",
                                                                     "$expand": "device($select=uuid)"},
                            headers={"Authorization": "Bearer " + emulator.credentials["api_key"]}, timeout=30)
    response.raise_for_status()
    return {row["device"][0]["uuid"]: row["value"] for row in response.json()["d"]}


def synced_hosts(tmp_path, project, credential_env):
    return import_hosts(inventory_update(tmp_path / "sync", project, SOURCE_PATH, credential_env))


def test_a_job_reaches_every_device_through_the_credential(tmp_path, fresh_emulator):
    project = write_project(tmp_path / "checkout", WRITABLE)
    credential_env = credential_env_for(fresh_emulator)
    hosts = synced_hosts(tmp_path, project, credential_env)
    result = job_run(tmp_path / "job", project, PLAYBOOK, hosts, credential_env, extravars=job_vars(7), job_id=7)
    assert device_tags(fresh_emulator) == {name: "7" for name in hosts}
    assert result.stats["changed"] == {name: 1 for name in hosts}
    assert fresh_emulator.credentials["api_key"] not in result.stdout.read()


def test_slices_take_every_nth_host_and_cover_each_once(tmp_path, fresh_emulator):
    project = write_project(tmp_path / "checkout", WRITABLE)
    credential_env = credential_env_for(fresh_emulator)
    hosts = synced_hosts(tmp_path, project, credential_env)
    slices = [sliced_hosts(hosts, number, SLICES) for number in range(1, SLICES + 1)]
    ordered = sorted(hosts)
    assert slices == [ordered[start::SLICES] for start in range(SLICES)]
    assert sorted(name for names in slices for name in names) == ordered
    assert [len(names) for names in slices] == [3, 3, 2]

    for number in range(1, SLICES + 1):
        job_id = 100 + number
        job_run(tmp_path / "slice-{0}".format(number), project, PLAYBOOK, hosts, credential_env,
                slice_number=number, slice_count=SLICES, extravars=job_vars(job_id), job_id=job_id)
    expected = {name: str(100 + number) for number, names in enumerate(slices, 1) for name in names}
    assert device_tags(fresh_emulator) == expected


def test_jobs_get_plain_values_where_the_sync_stored_unsafe_markers(tmp_path, fresh_emulator):
    """ansible-inventory --export (ansible-core 2.19 and later) writes plugin strings as {"__ansible_unsafe": ...},
    and AWX stores that; the job's inventory script hands it back to ansible-core, which reads it as a string."""
    project = write_project(tmp_path / "checkout", WRITABLE)
    (project / "playbooks" / "types.yml").write_text(yaml.safe_dump([{
        "name": "Show what the job sees", "hosts": "all", "gather_facts": False,
        "tasks": [{"name": "Type and value of balena_uuid", "ansible.builtin.debug": {
            "msg": "{{ balena_uuid | type_debug }} {{ balena_uuid }}"}}],
    }]), encoding="utf-8")
    credential_env = credential_env_for(fresh_emulator)
    hosts = synced_hosts(tmp_path, project, credential_env)
    stored = {name: variables["balena_uuid"] for name, (variables, _enabled) in hosts.items()}
    assert stored == {name: {"__ansible_unsafe": name} for name in hosts}
    result = job_run(tmp_path / "job", project, "playbooks/types.yml", hosts, credential_env, extravars=job_vars(8),
                     job_id=8)
    shown = {event["event_data"]["host"]: event["event_data"]["res"]["msg"] for event in result.events
             if event["event"] == "runner_on_ok"}
    assert shown == {name: "str " + name for name in hosts}
