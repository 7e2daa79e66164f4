"""What AWX does with a project, a credential and an inventory source, done with ansible-runner.

AWX (``awx/main/tasks/jobs.py``) runs each inventory update and job in a private data directory
with ansible-runner: the project is checked out under ``project/``, the credential's ``env``
injectors are rendered into the environment, an inventory update runs ``ansible-inventory --list
--export -i <project file> --output <artifacts>/output.json --playbook-dir <its directory>`` with
its standard inventory-update settings, and the hosts it imports are later given to jobs as an
inventory script: enabled hosts only, ordered by name, and for slice ``i`` of ``N`` every N-th of
them starting at the i-th.
"""
from __future__ import annotations

import json
import os
import shlex
import shutil
import sys
from pathlib import Path

import ansible_runner
import yaml
from jinja2.sandbox import SandboxedEnvironment

REPO_ROOT = Path(__file__).resolve().parents[2]
COLLECTIONS_ROOT = REPO_ROOT / ".cache" / "collections"
CREDENTIAL_TYPE_FILE = REPO_ROOT / "extensions" / "awx" / "balena_credential_type.yml"
BIN = Path(sys.executable).parent

# AWX's STANDARD_INVENTORY_UPDATE_ENV (awx/main/constants.py).
INVENTORY_UPDATE_ENV = {
    "ANSIBLE_INVENTORY_UNPARSED_FAILED": "True",
    "ANSIBLE_INVENTORY_EXPORT": "True",
    "ANSIBLE_VERBOSE_TO_STDERR": "True",
    "ANSIBLE_HOST_PATTERN_MISMATCH": "error",
}


def credential_type():
    return yaml.safe_load(CREDENTIAL_TYPE_FILE.read_text(encoding="utf-8"))


def injected_env(inputs):
    """The environment a credential of the shipped type gives a job, rendered as AWX renders it:
    sandboxed Jinja over the inputs, boolean inputs that were not given being false."""
    definition = credential_type()
    namespace = dict(inputs)
    for field in definition["inputs"]["fields"]:
        if field["type"] == "boolean" and field["id"] not in namespace:
            namespace[field["id"]] = False
    sandbox = SandboxedEnvironment()
    return {name: sandbox.from_string(template).render(**namespace)
            for name, template in definition["injectors"]["env"].items()}


def base_env(credential_env):
    """What every run sees: the credential's variables, the collection where an execution
    environment has it, the ansible commands of this Python, and no stray user configuration."""
    env = {
        "ANSIBLE_COLLECTIONS_PATH": str(COLLECTIONS_ROOT),
        "ANSIBLE_NOCOLOR": "1",
        "ANSIBLE_DEPRECATION_WARNINGS": "0",
        "PATH": str(BIN) + os.pathsep + os.environ.get("PATH", ""),
    }
    env.update(credential_env)
    return env


class PrivateDataDir:
    """One AWX job's private data directory, with the project checked out in it."""

    def __init__(self, root, project):
        self.root = Path(root)
        self.project = self.root / "project"
        shutil.copytree(project, self.project)
        (self.root / "inventory").mkdir()

    def run(self, ident, env, command=None, **runner_args):
        """Run through ansible-runner; ``command`` is a raw command line as AWX writes to ``args``."""
        if command is not None:
            (self.root / "args").write_text(" ".join(shlex.quote(str(part)) for part in command), encoding="utf-8")
        result = ansible_runner.run(private_data_dir=str(self.root), ident=ident, envvars=env, quiet=True,
                                    suppress_env_files=True, **runner_args)
        if result.status != "successful":
            raise AssertionError("runner {0} ended {1} ({2})\n--- stdout ---\n{3}".format(
                ident, result.status, result.rc, result.stdout.read()[-4000:]))
        return result


def inventory_update(root, project, source_path, credential_env, update_id=1):
    """An inventory update of a source "sourced from a project"; returns the ``--list`` data."""
    directory = PrivateDataDir(root, project)
    source = directory.project / source_path
    output = directory.root / "artifacts" / str(update_id) / "output.json"
    command = ["ansible-inventory", "--list", "--export", "-i", source, "--output", output,
               "--playbook-dir", source.parent]
    env = base_env(credential_env)
    env.update({"INVENTORY_SOURCE_ID": "1", "INVENTORY_UPDATE_ID": str(update_id)})
    env.update(INVENTORY_UPDATE_ENV)
    directory.run(str(update_id), env, command)
    return json.loads(output.read_text(encoding="utf-8"))


def import_hosts(listing, enabled_var=None, enabled_value=None):
    """``{name: (variables, enabled)}`` as AWX's inventory import stores the hosts of an update."""
    hosts = {}
    for name, variables in listing.get("_meta", {}).get("hostvars", {}).items():
        hosts[name] = (variables, _enabled(variables, enabled_var, enabled_value))
    for group, data in listing.items():
        if group != "_meta":
            for name in data.get("hosts", []):
                hosts.setdefault(name, ({}, True))
    return hosts


def _enabled(variables, enabled_var, enabled_value):
    if not enabled_var:
        return True
    value = variables
    for key in enabled_var.split("."):
        if not isinstance(value, dict) or key not in value:
            return True  # no such variable: AWX leaves the host enabled
        value = value[key]
    if enabled_value is not None:
        return str(value) == str(enabled_value)
    return bool(value)


def sliced_hosts(hosts, slice_number=1, slice_count=1):
    """The hosts a job (slice ``slice_number`` of ``slice_count``) runs on: enabled ones, by name."""
    names = sorted(name for name, (_variables, enabled) in hosts.items() if enabled)
    if slice_count > 1:
        names = names[slice_number - 1::slice_count]
    return names


def job_vars(job_id):
    """The extra variables AWX gives every job, and the interpreter: modules of jobs run locally, and
    interpreter discovery here finds shims that fail."""
    return {"awx_job_id": job_id, "tower_job_id": job_id, "ansible_python_interpreter": sys.executable}


def write_inventory_script(directory, hosts, slice_number=1, slice_count=1):
    """The executable ``inventory/hosts`` AWX writes for a job: a script that prints the data."""
    names = sliced_hosts(hosts, slice_number, slice_count)
    data = {
        "all": {"hosts": names},
        "_meta": {"hostvars": {name: dict(hosts[name][0], remote_tower_enabled="true") for name in names}},
    }
    path = directory.root / "inventory" / "hosts"
    path.write_text("#! /usr/bin/env python3\nprint({0!r})\n".format(json.dumps(data)), encoding="utf-8")
    path.chmod(0o700)
    return path


def job_run(root, project, playbook, hosts, credential_env, slice_number=1, slice_count=1, extravars=None, job_id=1):
    """A job (or one slice of a sliced job) of a job template on the imported hosts."""
    directory = PrivateDataDir(root, project)
    inventory = write_inventory_script(directory, hosts, slice_number, slice_count)
    result = directory.run(str(job_id), base_env(credential_env), playbook=playbook, inventory=str(inventory),
                           extravars=extravars or {})
    return result
