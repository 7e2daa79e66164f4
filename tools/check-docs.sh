#!/usr/bin/env bash
# The docs step of `make test`: build the site (tools/build-docs.sh, as `make docs`), lint the
# collection's documentation with `antsibull-docs lint-collection-docs --plugin-docs` on the staged
# files, then load the built site in headless Chromium (tests/docs). Runs where the environment has
# antsibull-docs (the default one); in CI a missing Chromium fails the browser check.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

venv=${VENV:-.venv}
if [ -d "$venv" ]; then
    venv=$(cd "$venv" && pwd)  # VENV may be relative or absolute
fi
if [ ! -x "$venv/bin/antsibull-docs" ]; then
    echo "docs: $venv has no antsibull-docs (it is pinned for ansible-core 2.21 only); skipped"
    exit 0
fi
started=$SECONDS
failed=()
if tools/build-docs.sh; then
    PATH="$venv/bin:$PATH" ANSIBLE_COLLECTIONS_PATH="$PWD/build/docs-work/collection" \
        "$venv/bin/antsibull-docs" lint-collection-docs --plugin-docs --check-extra-docs-refs \
        build/docs-work/collection/ansible_collections/balena/cloud || failed+=(lint-collection-docs)
    DOCS_SITE_BUILT=1 tools/run-pytest.sh tests/docs || failed+=(browser)
else
    failed+=(build)
fi
echo "docs: took $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "docs: FAILED: ${failed[*]}"
    exit 1
fi
echo "docs: site built, linted and checked in the browser"
