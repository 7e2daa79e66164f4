"""tools/galaxy-importer.sh fails on what Galaxy's importer only warns about (its exit status stays 0),
shown on small collections built here. Run by tools/check-artifact.sh once .venv-importer exists."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
IMPORT_TIMEOUT = 600
GALAXY_YML = """\
namespace: balena
name: cloud
version: 1.0.0
readme: README.md
authors: [tests]
description: A collection built by a test.
license: [GPL-3.0-or-later]
tags: [balena]
repository: https://example.invalid/repository
"""
CHANGELOG = "ancestor: null\nreleases:\n  1.0.0:\n    changes:\n      release_summary: First.\n"
UNNAMED_SHELL_TASK = "---\n- name: Play\n  hosts: all\n  tasks:\n    - ansible.builtin.shell: echo hi\n"


def build(tmp_path, files):
    source = tmp_path / "source"
    for name, text in {"galaxy.yml": GALAXY_YML, "README.md": "# balena.cloud\n", "meta/runtime.yml":
                       "---\nrequires_ansible: '>=2.19.0'\n", **files}.items():
        (source / name).parent.mkdir(parents=True, exist_ok=True)
        (source / name).write_text(text, encoding="utf-8")
    subprocess.run([str(Path(sys.executable).parent / "ansible-galaxy"), "collection", "build", "--output-path",
                    str(tmp_path / "dist"), str(source)], check=True, capture_output=True, timeout=300)
    return tmp_path / "dist" / "balena-cloud-1.0.0.tar.gz"


def import_artifact(artifact):
    return subprocess.run([str(REPO_ROOT / "tools" / "galaxy-importer.sh"), str(artifact)], capture_output=True,
                          text=True, timeout=IMPORT_TIMEOUT, check=False)


def test_a_clean_collection_imports(tmp_path):
    result = import_artifact(build(tmp_path, {"changelogs/changelog.yaml": CHANGELOG}))
    assert result.returncode == 0, result.stdout + result.stderr
    assert "imports without a warning" in result.stdout


@pytest.mark.parametrize("files, warning", [
    ({"changelogs/changelog.yaml": CHANGELOG, "examples/bad.yml": UNNAMED_SHELL_TASK},
     "WARNING: examples/bad.yml:5: name[missing]"),
    ({}, "WARNING: No changelog found"),
], ids=["lint-finding", "no-changelog"])
def test_a_warning_fails_the_check_though_the_import_succeeds(tmp_path, files, warning):
    result = import_artifact(build(tmp_path, files))
    assert "Importer processing completed successfully" in result.stdout
    assert warning in result.stdout
    assert result.returncode == 1
    assert "galaxy-importer: FAILED on balena-cloud-1.0.0.tar.gz: exit 0" in result.stderr
