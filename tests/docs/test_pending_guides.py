"""tools/docsite/leave_out_pending_guides.py: a guide named as pending is left out of the staged
extra-docs.yml only while its page is missing; the other entries stay as they are."""
from __future__ import annotations

import subprocess
import sys

import yaml

from conftest import REPO_ROOT

SCRIPT = REPO_ROOT / "tools" / "docsite" / "leave_out_pending_guides.py"
INDEX = {"sections": [{"title": "Guides", "toctree": ["guide_a", {"ref": "guide_b", "title": "B"}, "guide_c"]}]}


def staged(tmp_path, pages):
    rst = tmp_path / "docs" / "docsite" / "rst"
    rst.mkdir(parents=True)
    for page in pages:
        (rst / (page + ".rst")).write_text("Title\n=====\n", encoding="utf-8")
    index = tmp_path / "docs" / "docsite" / "extra-docs.yml"
    index.write_text(yaml.safe_dump(INDEX, sort_keys=False), encoding="utf-8")
    return index


def leave_out(tmp_path, *names):
    return subprocess.run([sys.executable, str(SCRIPT), str(tmp_path), *names], capture_output=True, text=True,
                          check=True, timeout=60).stdout


def test_a_missing_pending_guide_is_left_out_with_a_warning(tmp_path):
    index = staged(tmp_path, ["guide_a", "guide_c"])
    output = leave_out(tmp_path, "guide_b")
    assert yaml.safe_load(index.read_text(encoding="utf-8"))["sections"][0]["toctree"] == ["guide_a", "guide_c"]
    assert output == "docs: WARNING: docs/docsite/rst/guide_b.rst does not exist yet; left out of the site\n"


def test_a_written_pending_guide_and_other_missing_pages_stay(tmp_path):
    index = staged(tmp_path, ["guide_a", "guide_b"])
    before = index.read_text(encoding="utf-8")
    assert leave_out(tmp_path, "guide_b") == ""
    assert index.read_text(encoding="utf-8") == before
