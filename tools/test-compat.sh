#!/usr/bin/env bash
# The oldest supported environment, ansible-core 2.19 on Python 3.11, in .venv-3.11: the unit, module, SDK,
# inventory and AWX tests, ansible-test sanity and the integration targets. Skipped (with a message)
# where no Python 3.11 is installed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

if ! python=$(tools/find-python.sh 3.11); then
    echo "compat: no Python 3.11 here; the ansible-core 2.19 checks are skipped"
    exit 0
fi
export BALENA_PYTHON=$python VENV=${COMPAT_VENV:-.venv-3.11}
tools/make-venv.sh || exit 1

failed=()
tools/run-pytest.sh tests/unit tests/modules tests/sdk tests/inventory tests/awx || failed+=(pytest)
tools/sanity.sh || failed+=(sanity)
tools/integration.sh || failed+=(integration)
if [ ${#failed[@]} -gt 0 ]; then
    echo "compat: FAILED on ansible-core 2.19 / Python 3.11: ${failed[*]}"
    exit 1
fi
echo "compat: ansible-core 2.19 / Python 3.11 passed"
