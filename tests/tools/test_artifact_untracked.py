"""tools/artifact-untracked.sh (a step of tools/check-artifact.sh): a built artifact holds only files git tracks."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
ANSIBLE_GALAXY = Path(sys.executable).parent / "ansible-galaxy"


def clone_of_the_branch(target):
    subprocess.run(["git", "clone", "--quiet", str(REPO_ROOT), str(target)], check=True, capture_output=True)
    return target


def build_and_check(checkout, output):
    subprocess.run([str(ANSIBLE_GALAXY), "collection", "build", "--output-path", str(output), str(checkout)],
                   check=True, capture_output=True, env=dict(os.environ, ANSIBLE_NOCOLOR="1"), timeout=300)
    (artifact,) = output.glob("balena-cloud-*.tar.gz")
    return subprocess.run([str(checkout / "tools" / "artifact-untracked.sh"), str(artifact)], capture_output=True,
                          text=True, timeout=60, check=False)


def test_an_artifact_of_a_clean_clone_passes(tmp_path):
    result = build_and_check(clone_of_the_branch(tmp_path / "checkout"), tmp_path / "dist")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "every file of balena-cloud-" in result.stdout


def test_stray_files_of_the_working_tree_fail_naming_them(tmp_path):
    checkout = clone_of_the_branch(tmp_path / "checkout")
    (checkout / ".env").write_text("BALENA_API_KEY=a-key-of-someone\n")
    (checkout / "notes.txt").write_text("to do\n")
    (checkout / "plugins" / "modules" / "balena_tag.py.bak").write_text("# an old copy\n")
    result = build_and_check(checkout, tmp_path / "dist")
    assert result.returncode == 1
    assert "holds files git does not track" in result.stdout
    for name in (".env", "notes.txt", "plugins/modules/balena_tag.py.bak"):
        assert "\n  " + name + "\n" in result.stdout + "\n", name
    assert "a-key-of-someone" not in result.stdout
