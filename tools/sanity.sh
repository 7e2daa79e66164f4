#!/usr/bin/env bash
# Run `ansible-test sanity --venv` on exactly the files the collection ships: stage them with
# tools/stage-collection.sh into build/sanity.XXXXXX/ansible_collections/balena/cloud (a directory
# per run, so that runs side by side do not disturb each other; removed afterwards unless
# KEEP_SANITY_TREE=1) and test them there with every Python version found.
# Extra ansible-test arguments can be given as arguments or in $SANITY_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(cd "${VENV:-.venv}" && pwd)
python="$venv/bin/python"
started=$SECONDS
mkdir -p build
work=$(mktemp -d build/sanity.XXXXXX)

finish() {
    if [ "${KEEP_SANITY_TREE:-0}" != 1 ]; then
        rm -rf "$work"
    fi
}
trap finish EXIT

ignore_lines=$(cat tests/sanity/ignore-*.txt 2>/dev/null | grep -cv '^\s*$' || true)
if [ "${ignore_lines:-0}" -gt 0 ]; then
    echo "sanity: tests/sanity/ignore-*.txt must stay empty (found $ignore_lines lines)" >&2
    exit 1
fi

# shellcheck source=tools/ansible-test-env.sh
. tools/ansible-test-env.sh
install_get_pip_standin "$python"
put_pythons_on_path "$python" "$work" || exit 1
echo "sanity: Python versions available: ${PYTHON_VERSIONS_FOUND[*]:-none}"
tree=$(tools/stage-collection.sh "$work")

echo "sanity: running ansible-test sanity in $tree"
status=0
# shellcheck disable=SC2086  # SANITY_ARGS is a list of words
(cd "$tree" && "$venv/bin/ansible-test" sanity --venv --color no ${SANITY_ARGS:-} "$@") || status=$?
echo "sanity: finished in $((SECONDS - started)) s (exit $status)"
exit $status
