"""The execution environment files: the users' definition builds a context, the collection's own
requirements resolve for ansible-builder, and they name exactly what the code needs."""
from __future__ import annotations

import ast
import subprocess
import sys
from importlib.metadata import packages_distributions
from pathlib import Path

import yaml

from awx_emulation import BIN, COLLECTIONS_ROOT, REPO_ROOT

USER_DEFINITION = REPO_ROOT / "examples" / "execution-environment.yml"
OWN_DEFINITION = REPO_ROOT / "meta" / "execution-environment.yml"
RUN_TIMEOUT = 120


def builder(*arguments):
    result = subprocess.run([str(BIN / "ansible-builder"), *map(str, arguments)], stdin=subprocess.DEVNULL,
                            capture_output=True, text=True, timeout=RUN_TIMEOUT, check=False)
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    return result.stdout


def test_the_users_definition_makes_a_build_context_with_the_collection(tmp_path):
    definition = yaml.safe_load(USER_DEFINITION.read_text(encoding="utf-8"))
    assert definition["version"] == 3
    context = tmp_path / "context"
    builder("create", "-f", USER_DEFINITION, "-c", context, "--output-filename", "Containerfile")
    containerfile = (context / "Containerfile").read_text(encoding="utf-8")
    base_image = definition["images"]["base_image"]["name"]
    assert 'ARG EE_BASE_IMAGE="{0}"'.format(base_image) in containerfile
    requirements = yaml.safe_load((context / "_build" / "requirements.yml").read_text(encoding="utf-8"))
    assert [collection["name"] for collection in requirements["collections"]] == ["balena.cloud"]


def test_introspection_finds_the_collections_python_and_system_requirements():
    assert yaml.safe_load(OWN_DEFINITION.read_text(encoding="utf-8"))["dependencies"] == {
        "python": "meta/ee-requirements.txt", "system": "bindep.txt"}
    found = yaml.safe_load(builder("introspect", "--sanitize", COLLECTIONS_ROOT).split("\n", 1)[1])
    python = [line.split("  #")[0] for line in found["python"] if line.endswith("from collection balena.cloud")]
    system = [line.split("  #")[0] for line in found["system"] if line.endswith("from collection balena.cloud")]
    assert python == _requirement_lines()
    assert system == ["openssh-clients [platform:rpm]", "openssh-client [platform:dpkg]"]


def test_the_python_requirements_are_exactly_what_the_plugins_import():
    imported = set()
    for path in (REPO_ROOT / "plugins").rglob("*.py"):
        imported |= _top_level_imports(path)
    third_party = {name for name in imported
                   if name not in sys.stdlib_module_names and name not in ("__future__", "ansible", "ansible_collections")}
    distributions = packages_distributions()
    needed = {_normalise(distributions[name][0]) for name in third_party}
    required = {_normalise(line.split(">")[0].split("=")[0].split("<")[0]) for line in _requirement_lines()}
    assert needed == required


def _requirement_lines():
    lines = (REPO_ROOT / "meta" / "ee-requirements.txt").read_text(encoding="utf-8").splitlines()
    return [line.strip() for line in lines if line.strip() and not line.startswith("#")]


def _top_level_imports(path):
    names = set()
    for node in ast.walk(ast.parse(Path(path).read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name.split(".")[0] for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.level == 0:
            names.add(node.module.split(".")[0])
    return names


def _normalise(name):
    return name.strip().lower().replace("_", "-")
