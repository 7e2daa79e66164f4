"""tools/molecule.sh runs every molecule scenario and fails when one fails or none exists; the shared
create and destroy playbooks give each scenario an emulator of its own and stop it."""
from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parents[2]
VENV = Path(sys.executable).parent.parent
RUNNER = REPO_ROOT / "tools" / "molecule.sh"
TIMEOUT = 300

pytestmark = pytest.mark.skipif(not (VENV / "bin" / "molecule").exists(), reason="molecule is pinned for ansible-core 2.21 only")

SCENARIO = """\
driver:
  name: default
platforms:
  - name: localhost
prerun: false
provisioner:
  name: ansible
  inventory:
    host_vars:
      localhost:
        ansible_connection: local
        ansible_python_interpreter: "{{ ansible_playbook_python }}"
scenario:
  test_sequence:
    - converge
"""
CONVERGE = """\
- name: Converge
  hosts: localhost
  gather_facts: false
  tasks:
    - name: Do what the scenario says
      ansible.builtin.%s
"""


def _environment(**extra):
    return dict(os.environ, VENV=str(VENV), PATH="%s:%s" % (VENV / "bin", os.environ["PATH"]), **extra)


def _checkout_with_scenarios(root, scenarios):
    """A checkout with the runner and the given scenarios: {name: task of its converge playbook}."""
    (root / "tools").mkdir(parents=True)
    shutil.copy(RUNNER, root / "tools" / "molecule.sh")
    (root / "extensions" / "molecule" / "utils" / "playbooks").mkdir(parents=True)
    for name, task in scenarios.items():
        directory = root / "extensions" / "molecule" / name
        directory.mkdir()
        (directory / "molecule.yml").write_text(SCENARIO, encoding="utf-8")
        (directory / "converge.yml").write_text(CONVERGE % task, encoding="utf-8")
    return root / "tools" / "molecule.sh"


def _run(command, **kwargs):
    return subprocess.run(command, capture_output=True, text=True, timeout=TIMEOUT, check=False, **kwargs)


def test_the_runner_fails_when_there_is_no_scenario(tmp_path):
    result = _run([str(_checkout_with_scenarios(tmp_path, {}))], env=_environment())
    assert result.returncode == 1
    assert "no scenario under extensions/molecule" in result.stderr


def test_the_runner_runs_every_scenario_and_fails_when_one_fails(tmp_path):
    runner = _checkout_with_scenarios(tmp_path, {
        "passes": "debug:\n        msg: fine",
        "fails": "fail:\n        msg: this scenario fails",
    })
    result = _run([str(runner)], env=_environment())
    assert result.returncode == 1, result.stdout + result.stderr
    assert "molecule: scenario passes passed" in result.stdout
    assert "molecule: scenario fails FAILED" in result.stdout
    assert "molecule: FAILED: fails" in result.stderr
    assert "2 scenario(s)" in result.stdout


def _alive(pid):
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return True


def test_scenarios_side_by_side_get_emulators_of_their_own_which_destroy_stops(tmp_path):
    scenarios = {"fleet": tmp_path / "fleet", "fleet_purge": tmp_path / "fleet_purge"}

    def molecule(action, scenario):
        return subprocess.Popen(  # pylint: disable=consider-using-with
            ["molecule", action, "--scenario-name", scenario], cwd=REPO_ROOT / "extensions",
            env=_environment(MOLECULE_EPHEMERAL_DIRECTORY=str(scenarios[scenario])),
            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        )

    def run_side_by_side(action):
        processes = {scenario: molecule(action, scenario) for scenario in scenarios}
        outputs = {scenario: process.communicate(timeout=TIMEOUT)[0] for scenario, process in processes.items()}
        for scenario, process in processes.items():
            assert process.returncode == 0, outputs[scenario]
        return outputs

    try:
        created = run_side_by_side("create")
        credentials = {name: json.loads((directory / "emulator" / "credentials.json").read_text(encoding="utf-8"))
                       for name, directory in scenarios.items()}
        pids = {name: int((directory / "emulator" / "emulator.pid").read_text(encoding="utf-8"))
                for name, directory in scenarios.items()}
        urls = {name: found["api_url"] for name, found in credentials.items()}
        assert len(set(urls.values())) == 2
        for name, url in urls.items():
            assert requests.get(url + "/ping", timeout=10).status_code == 200
            assert _alive(pids[name])
            assert credentials[name]["api_key"] not in created[name]
    finally:
        destroyed = run_side_by_side("destroy")
    for name, pid in pids.items():
        assert not _alive(pid), "the emulator of %s still runs" % name
        assert not (scenarios[name] / "emulator" / "emulator.pid").exists()
        assert credentials[name]["api_key"] not in destroyed[name]
