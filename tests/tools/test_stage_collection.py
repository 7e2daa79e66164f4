"""tools/sanity.sh and tools/integration.sh stage the collection through one script, each run in a directory of its own."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
STAGE = REPO_ROOT / "tools" / "stage-collection.sh"
RUNNERS = [REPO_ROOT / "tools" / "sanity.sh", REPO_ROOT / "tools" / "integration.sh"]


@pytest.mark.parametrize("runner", RUNNERS, ids=lambda path: path.name)
def test_both_runners_stage_through_the_shared_script_into_a_directory_per_run(runner):
    text = runner.read_text(encoding="utf-8")
    assert 'tools/stage-collection.sh "$work"' in text
    assert "collection build" not in text
    assert "mktemp -d build/" in text
    assert "build/ansible_collections" not in text and "build/python-bin" not in text


def test_two_stagings_side_by_side_stay_apart(tmp_path):
    environment = dict(os.environ, VENV=str(Path(sys.executable).parent.parent))
    runs = [subprocess.Popen([str(STAGE), str(tmp_path / name)], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                             text=True, env=environment) for name in ("first", "second")]
    trees = []
    for run in runs:
        out, err = run.communicate(timeout=120)
        assert run.returncode == 0, err
        trees.append(Path(out.strip().splitlines()[-1]))
    assert trees == [tmp_path / name / "ansible_collections" / "balena" / "cloud" for name in ("first", "second")]
    for tree in trees:
        assert (tree / "MANIFEST.json").is_file()
        assert (tree / "plugins" / "modules" / "balena_device.py").is_file()
        assert (tree / ".git").is_dir()
        assert not (tree / "build").exists()
