"""The collection artifact holds what its users need (plugins, docs, examples, the tests Galaxy users
run with ansible-test) and nothing of development."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
DEVELOPMENT_ONLY = [
    ".ansible-lint", "Makefile", "CONTRIBUTING.md", "RELEASING.md", "benchmarks/", "emulator/", "tools/", "examples/demo_summary.py",
    "tests/conftest.py", "tests/requirements/", "tests/modules/", "tests/tools/", "tests/artifact/", "tests/roles/",
    "extensions/molecule/",
]


@pytest.fixture(scope="module")
def artifact_names(tmp_path_factory):
    output = tmp_path_factory.mktemp("artifact")
    environment = dict(os.environ, ANSIBLE_NOCOLOR="1")
    subprocess.run([str(Path(sys.executable).parent / "ansible-galaxy"), "collection", "build", "--output-path",
                    str(output), str(REPO_ROOT)], check=True, capture_output=True, env=environment, timeout=300)
    (artifact,) = output.glob("balena-cloud-*.tar.gz")
    with tarfile.open(artifact) as archive:
        return {member.name + ("/" if member.isdir() else "") for member in archive.getmembers()}


def test_of_tests_it_ships_the_unit_tests_the_integration_targets_and_their_config(artifact_names):
    top_of_tests = {name.split("/")[1] for name in artifact_names if name.startswith("tests/") and name != "tests/"}
    assert top_of_tests == {"config.yml", "integration", "unit"}
    assert "tests/unit/requirements.txt" in artifact_names
    assert "tests/integration/requirements.txt" in artifact_names


@pytest.mark.parametrize("path", DEVELOPMENT_ONLY)
def test_nothing_of_development_ships(artifact_names, path):
    assert not [name for name in artifact_names if name == path or name.startswith(path)]


def test_what_users_need_ships(artifact_names):
    for path in ("README.md", "COPYING", "meta/runtime.yml", "plugins/modules/balena_device.py",
                 "plugins/inventory/balena.py", "examples/fleet_as_code.yml", "docs/docsite/links.yml",
                 "changelogs/changelog.yaml", "extensions/awx/balena_credential_type.yml",
                 "roles/fleet/README.md", "roles/fleet/meta/argument_specs.yml", "roles/fleet/tasks/main.yml",
                 "roles/rollout/README.md", "roles/rollout/meta/argument_specs.yml", "roles/rollout/tasks/main.yml",
                 "roles/rollout/templates/failed_devices.j2"):
        assert path in artifact_names


MARKDOWN_LINK = re.compile(r"\]\(([^)#\s]+)(?:#[^)]*)?\)")


@pytest.mark.parametrize("readme", ["README.md", "roles/fleet/README.md", "roles/rollout/README.md"])
def test_the_readmes_link_only_to_files_that_ship(artifact_names, readme):
    text = (REPO_ROOT / readme).read_text(encoding="utf-8")
    relative = [target for target in MARKDOWN_LINK.findall(text) if "://" not in target and not target.startswith("mailto:")]
    base = Path(readme).parent
    missing = [target for target in relative
               if os.path.normpath(str(base / target)) not in artifact_names
               and os.path.normpath(str(base / target)) + "/" not in artifact_names]
    assert not missing, "{0} links to files the artifact does not hold: {1}".format(readme, missing)
