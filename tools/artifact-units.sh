#!/usr/bin/env bash
# Run the unit tests the artifact ships, as a Galaxy user does: `ansible-test units --venv` with
# tests/unit/requirements.txt, on Python 3.12, in an installed collection tree:
#   tools/artifact-units.sh TREE      TREE: .../ansible_collections/balena/cloud, unpacked from the
#                                     artifact (tools/stage-collection.sh makes one)
# Extra ansible-test arguments can be given in $UNITS_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ ! -f "$1/MANIFEST.json" ]; then
    echo "usage: $0 TREE (an unpacked artifact, with its MANIFEST.json)" >&2
    exit 2
fi
tree=$1
venv=$(cd "${VENV:-.venv}" && pwd)
python="$venv/bin/python"
units_python=3.12
mkdir -p build
work=$(mktemp -d build/units.XXXXXX)
trap 'rm -rf "$work"' EXIT

# shellcheck source=tools/ansible-test-env.sh
. tools/ansible-test-env.sh
install_get_pip_standin "$python"
put_pythons_on_path "$python" "$work"
if [ ! -x "$work/python-bin/python$units_python" ]; then
    echo "units: no Python $units_python here, which the artifact's unit tests run on" >&2
    exit 1
fi

echo "units: running ansible-test units in $tree"
# shellcheck disable=SC2086  # UNITS_ARGS is a list of words
(cd "$tree" && "$venv/bin/ansible-test" units --venv --requirements --python "$units_python" --color no ${UNITS_ARGS:-})
