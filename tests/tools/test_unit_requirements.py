"""tests/unit/requirements.txt, which ansible-test units installs, pins what the unit tests import at the
versions the development environment runs them with."""
from __future__ import annotations

import ast
import sys
from importlib import metadata
from pathlib import Path

import pytest

REPO_ROOT = Path(__file__).resolve().parents[2]
UNIT_TESTS = REPO_ROOT / "tests" / "unit"
# What ships with the collection, ansible-core (with its own requirements, such as PyYAML) and
# ansible-test's own pytest set-up.
PROVIDED = {"ansible", "ansible_collections", "pytest", "fake_api", "yaml"}
DISTRIBUTIONS = {"dateutil": "python-dateutil"}


def pins():
    lines = (line.split("#")[0].strip() for line in (UNIT_TESTS / "requirements.txt").read_text(encoding="utf-8").splitlines())
    return dict(line.split("==") for line in lines if line)


def top_level_imports(path):
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
        elif isinstance(node, ast.Call) and getattr(node.func, "attr", None) == "importorskip":
            names.add(node.args[0].value.split(".")[0])
    return names


@pytest.mark.parametrize("name, version", sorted(pins().items()))
def test_each_pin_is_the_version_the_development_environment_has(name, version):
    assert metadata.version(name) == version


def test_every_third_party_import_of_the_unit_tests_and_the_plugins_is_pinned():
    imported = set()
    for root in (UNIT_TESTS, REPO_ROOT / "plugins"):
        for path in root.rglob("*.py"):
            imported |= top_level_imports(path)
    third_party = {name for name in imported - PROVIDED - set(sys.stdlib_module_names) if name != "__future__"}
    assert {DISTRIBUTIONS.get(name, name).replace("_", "-") for name in third_party} == set(pins())
