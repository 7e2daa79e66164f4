#!/usr/bin/env bash
# The body of `make docs`: the collection's documentation site, built offline with antsibull-docs
# and Sphinx from exactly the files the collection ships (staged by tools/stage-collection.sh into
# build/docs-work/collection), into build/docs (open build/docs/index.html). Sphinx warnings, such as
# a reference that does not resolve, fail the build. The site's skeleton (Sphinx configuration,
# start page) is in tools/docsite/.
set -euo pipefail
cd "$(dirname "$0")/.."

venv=$(cd "${VENV:-.venv}" && pwd)
if [ ! -x "$venv/bin/antsibull-docs" ]; then
    echo "docs: $venv has no antsibull-docs (it is pinned in tests/requirements/ansible-2.21.txt)" >&2
    exit 1
fi
started=$SECONDS
site=build/docs
work=build/docs-work
rm -rf "$work" "$site"
mkdir -p "$work"
collection=$(tools/stage-collection.sh "$work/collection")
export PATH="$venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$PWD/$work/collection"

rst=$work/rst
mkdir -p "$rst"
chmod og-w "$rst"  # antsibull-docs wants its output directory writable by its owner only
antsibull-docs --config-file tools/docsite/antsibull-docs.cfg collection \
    --use-current --fail-on-error --cleanup everything --dest-dir "$rst" balena.cloud >/dev/null
cp tools/docsite/index.rst "$rst/index.rst"
"$venv/bin/python" tools/docsite/ansible_docs_inventory.py "$work/ansible_devel.inv"
sphinx-build -b html -c tools/docsite -d "$work/doctrees" -W --keep-going -q "$rst" "$site"
echo "docs: built $site/index.html in $((SECONDS - started)) s"
