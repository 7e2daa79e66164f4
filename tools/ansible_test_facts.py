"""Print facts from the installed ansible-test that the sanity wrapper needs.

    python tools/ansible_test_facts.py pip-versions      pip versions its venvs bootstrap
    python tools/ansible_test_facts.py python-versions   Python versions it can test
"""
import sys
import types

from ansible_test._internal.constants import SUPPORTED_PYTHON_VERSIONS
from ansible_test._internal.python_requirements import get_venv_packages


def pip_versions():
    versions = {get_venv_packages(types.SimpleNamespace(version=v))["pip"] for v in SUPPORTED_PYTHON_VERSIONS}
    return sorted(versions)


def main(argv):
    facts = {
        "pip-versions": pip_versions,
        "python-versions": lambda: list(SUPPORTED_PYTHON_VERSIONS),
    }
    if len(argv) != 2 or argv[1] not in facts:
        sys.exit(__doc__)
    print("\n".join(facts[argv[1]]()))


if __name__ == "__main__":
    main(sys.argv)
