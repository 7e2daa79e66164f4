#!/usr/bin/env bash
# Run `ansible-test sanity --venv` on exactly the files the collection ships: build the
# collection artifact (which honours build_ignore), unpack it into
# build/ansible_collections/balena/cloud and test it there with every Python version found.
# Extra ansible-test arguments can be given as arguments or in $SANITY_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(cd "${VENV:-.venv}" && pwd)
python="$venv/bin/python"
started=$SECONDS

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
    local bin=build/python-bin version interpreter found=() broken=()
    rm -rf "$bin"
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

stage_collection() {
    local tree=build/ansible_collections/balena/cloud
    rm -rf build/dist "$tree"
    mkdir -p build/dist "$tree"
    "$venv/bin/ansible-galaxy" collection build --force --output-path build/dist . >/dev/null
    tar -xzf build/dist/balena-cloud-*.tar.gz -C "$tree"
    # A repository of its own, so that ansible-test lists this tree's files and not the
    # enclosing checkout's.
    git -C "$tree" init --quiet
    echo /tests/output/ >> "$tree/.git/info/exclude"
    echo "$tree"
}

install_get_pip_standin
put_pythons_on_path
tree=$(stage_collection)

echo "sanity: running ansible-test sanity in $tree"
status=0
# shellcheck disable=SC2086  # SANITY_ARGS is a list of words
(cd "$tree" && "$venv/bin/ansible-test" sanity --venv --color no ${SANITY_ARGS:-} "$@") || status=$?
echo "sanity: finished in $((SECONDS - started)) s (exit $status)"
exit $status
