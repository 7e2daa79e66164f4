#!/usr/bin/env bash
# Run every molecule scenario under extensions/molecule/ (one `molecule test` each, from
# extensions/ as molecule expects in a collection), with this checkout as the balena.cloud
# collection. Each scenario starts and stops an emulator of its own, in an ephemeral directory
# of its own under build/molecule.XXXXXX/ (molecule's default one is named after the project
# directory's base name only, the same for every checkout). Fails if any scenario fails, or if
# there is none.
#   tools/molecule.sh [SCENARIO...]   only the named scenarios
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

venv=${VENV:-.venv}
if [ ! -x "$venv/bin/molecule" ]; then
    echo "molecule: $venv has no molecule (it is pinned for ansible-core 2.21 only); skipped"
    exit 0
fi
bin=$(cd "$venv/bin" && pwd)
link=.cache/collections/ansible_collections/balena/cloud
if [ ! -e "$link" ]; then
    mkdir -p "$(dirname "$link")"
    ln -s ../../../.. "$link"
fi

if [ $# -gt 0 ]; then
    scenarios=("$@")
else
    mapfile -t scenarios < <(find extensions/molecule -mindepth 2 -maxdepth 2 -name molecule.yml \
        -printf '%h\n' | xargs -r -n 1 basename | sort)
fi
if [ ${#scenarios[@]} -eq 0 ]; then
    echo "molecule: no scenario under extensions/molecule" >&2
    exit 1
fi

mkdir -p build
work=$(cd "$(mktemp -d build/molecule.XXXXXX)" && pwd)
trap 'rm -rf "$work"' EXIT

started=$SECONDS
failed=()
for scenario in "${scenarios[@]}"; do
    echo "molecule: scenario $scenario"
    scenario_started=$SECONDS
    if (cd extensions && PATH="$bin:$PATH" MOLECULE_EPHEMERAL_DIRECTORY="$work/$scenario" \
            molecule test --scenario-name "$scenario"); then
        echo "molecule: scenario $scenario passed in $((SECONDS - scenario_started)) s"
    else
        echo "molecule: scenario $scenario FAILED after $((SECONDS - scenario_started)) s"
        failed+=("$scenario")
    fi
done
echo "molecule: ${#scenarios[@]} scenario(s) in $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "molecule: FAILED: ${failed[*]}" >&2
    exit 1
fi
