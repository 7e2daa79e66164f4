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

# ansible-test bootstraps pip in each new venv with a get-pip.py it downloads from a host that
# may be unreachable; it uses a cached copy first. Put an offline stand-in there unless a real
# script is already cached.
install_get_pip_standin() {
    local cache=~/.ansible/test/cache version target
    mkdir -p "$cache"
    for version in $("$python" tools/ansible_test_facts.py pip-versions); do
        target="$cache/get_pip_${version//./_}.py"
        if [ ! -e "$target" ] || grep -q 'Offline stand-in for the get-pip.py' "$target"; then
            cp tools/offline_get_pip.py "$target"
        fi
    done
}

# ansible-test looks for pythonX.Y on PATH and passes no other environment (such as
# PYENV_VERSION) to its child processes. Put a launcher for every supported version that really
# runs first on PATH, so unselected pyenv shims and similar stand-ins are never picked.
put_pythons_on_path() {
    local bin=$work/python-bin version interpreter found=() broken=()
    mkdir -p "$bin"
    for version in $("$python" tools/ansible_test_facts.py python-versions); do
        if interpreter=$(tools/find-python.sh "$version"); then
            printf '#!/bin/sh\nexec "%s" "$@"\n' "$interpreter" > "$bin/python$version"
            chmod +x "$bin/python$version"
            found+=("$version")
        elif command -v "python$version" >/dev/null 2>&1; then
            broken+=("$version")
        fi
    done
    echo "sanity: Python versions available: ${found[*]:-none}"
    if [ ${#broken[@]} -gt 0 ]; then
        echo "sanity: python${broken[*]} is on PATH but does not run; fix or remove it" >&2
        exit 1
    fi
    PATH="$PWD/$bin:$PATH"
}

install_get_pip_standin
put_pythons_on_path
tree=$(tools/stage-collection.sh "$work")

echo "sanity: running ansible-test sanity in $tree"
status=0
# shellcheck disable=SC2086  # SANITY_ARGS is a list of words
(cd "$tree" && "$venv/bin/ansible-test" sanity --venv --color no ${SANITY_ARGS:-} "$@") || status=$?
echo "sanity: finished in $((SECONDS - started)) s (exit $status)"
exit $status
