#!/usr/bin/env bash
# ansible-lint's production profile over the example playbooks, the roles and the molecule scenarios
# (extensions/molecule), with this checkout as the balena.cloud collection. Runs where the
# environment has ansible-lint (the default one).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-.venv}
if [ ! -x "$venv/bin/ansible-lint" ]; then
    echo "lint: $venv has no ansible-lint (it is pinned for ansible-core 2.21 only); skipped"
    exit 0
fi
bin=$(cd "$venv/bin" && pwd)  # absolute, for use from examples/
link=.cache/collections/ansible_collections/balena/cloud
if [ ! -e "$link" ]; then
    mkdir -p "$(dirname "$link")"
    ln -s "$PWD" "$link"
fi
collections=$PWD/.cache/collections
(cd examples && PATH="$bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$collections" \
    ansible-lint --offline --profile production ./*.yml)
PATH="$bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$collections" \
    ansible-lint --offline --profile production roles extensions/molecule
