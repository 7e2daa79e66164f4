#!/usr/bin/env bash
# Run pytest over the given test directories or files that exist (default: every suite), in one session.
# Fails when nothing at all was collected: a green run must have run tests.
# Extra pytest arguments can be given in $PYTEST_ARGS (e.g. PYTEST_ARGS="-x -k login").
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-.venv}
[ $# -gt 0 ] || set -- tests/unit tests/modules tests/tools tests/emulator tests/conformance tests/replay tests/sdk tests/inventory tests/roles tests/awx tests/examples
existing=()
for directory in "$@"; do
    if [ -e "$directory" ]; then
        existing+=("$directory")
    else
        echo "pytest: skipping $directory (does not exist)"
    fi
done

if [ ${#existing[@]} -eq 0 ]; then
    echo "pytest: none of $* exists, so there are no tests to run" >&2
    exit 1
fi

status=0
# shellcheck disable=SC2086  # PYTEST_ARGS is a list of words
"$venv/bin/python" -m pytest --rootdir . -o cache_dir=.cache/pytest ${PYTEST_ARGS:-} "${existing[@]}" \
    || status=$?
if [ "$status" -eq 5 ]; then
    echo "pytest: no tests were collected from ${existing[*]}" >&2
    exit 1
fi
exit "$status"
