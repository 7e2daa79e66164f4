#!/usr/bin/env bash
# The artifact step of `make test`: build the collection artifact once (tools/stage-collection.sh,
# into build/artifact.XXXXXX, removed afterwards unless KEEP_ARTIFACT=1), then check that it holds
# only files git tracks (tools/artifact-untracked.sh), and check it as Galaxy and its users do:
# galaxy-importer reports no warning (tools/galaxy-importer.sh; tests/artifact shows that a warning
# fails that check), and the unit tests it ships pass under `ansible-test units`
# (tools/artifact-units.sh).
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

started=$SECONDS
mkdir -p build
work=$(mktemp -d build/artifact.XXXXXX)
trap '[ "${KEEP_ARTIFACT:-0}" = 1 ] || rm -rf "$work"' EXIT

if ! tree=$(tools/stage-collection.sh "$work"); then
    echo "artifact: FAILED: the collection does not build"
    exit 1
fi
artifacts=("$work"/dist/balena-cloud-*.tar.gz)
echo "artifact: built ${artifacts[0]#"$work"/dist/} in $((SECONDS - started)) s"

failed=()
tools/artifact-untracked.sh "${artifacts[0]}" || failed+=(untracked-files)
step_started=$SECONDS
tools/galaxy-importer.sh "${artifacts[0]}" || failed+=(galaxy-importer)
tools/run-pytest.sh tests/artifact || failed+=(galaxy-importer-tests)
echo "artifact: galaxy-importer and its tests took $((SECONDS - step_started)) s"
step_started=$SECONDS
tools/artifact-units.sh "$tree" || failed+=(units)
echo "artifact: ansible-test units took $((SECONDS - step_started)) s"

echo "artifact: took $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "artifact: FAILED: ${failed[*]}"
    exit 1
fi
echo "artifact: imports into Galaxy without a warning, and its unit tests pass"
