#!/usr/bin/env bash
# Stage the files the collection ships for ansible-test, in a work directory of the caller's:
#   tools/stage-collection.sh WORK_DIR
# builds the collection artifact (which honours build_ignore) into WORK_DIR/dist, unpacks it into
# WORK_DIR/ansible_collections/balena/cloud and prints that path. Used by tools/sanity.sh and
# tools/integration.sh, each with a directory of its own per run.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ -z "$1" ]; then
    echo "usage: $0 WORK_DIR" >&2
    exit 2
fi
work=$1
venv=$(cd "${VENV:-.venv}" && pwd)
tree=$work/ansible_collections/balena/cloud

rm -rf "$work/dist" "$tree"
mkdir -p "$work/dist" "$tree"
"$venv/bin/ansible-galaxy" collection build --force --output-path "$work/dist" . >/dev/null
tar -xzf "$work"/dist/balena-cloud-*.tar.gz -C "$tree"
# A repository of its own, so that ansible-test lists this tree's files and not the enclosing checkout's.
git -C "$tree" init --quiet
echo /tests/output/ >> "$tree/.git/info/exclude"
echo "$tree"
