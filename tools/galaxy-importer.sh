#!/usr/bin/env bash
# Import a built collection artifact with galaxy-importer, as Galaxy does on upload, offline and
# without containers (settings in tools/galaxy-importer.cfg):
#   tools/galaxy-importer.sh ARTIFACT.tar.gz
# galaxy-importer runs ansible-doc and ansible-lint from a venv of its own, .venv-importer (built
# from tests/requirements/galaxy-importer.txt; $IMPORTER_VENV picks another path). Fails when the
# import fails or its log says WARNING or ERROR anywhere.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ $# -ne 1 ] || [ ! -f "$1" ]; then
    echo "usage: $0 ARTIFACT.tar.gz" >&2
    exit 2
fi
artifact=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
importer_venv=${IMPORTER_VENV:-.venv-importer}
tools/make-venv.sh "$importer_venv" tests/requirements/galaxy-importer.txt
bin=$(cd "$importer_venv/bin" && pwd)
config=$PWD/tools/galaxy-importer.cfg

mkdir -p build
work=$(cd "$(mktemp -d build/galaxy-importer.XXXXXX)" && pwd)
trap 'rm -rf "$work"' EXIT
log=$work/importer.log
mkdir -p "$work/tmp" "$work/ansible-tmp"

status=0
# The importer writes importer_result.json into its working directory.
(cd "$work" && PATH="$bin:$PATH" GALAXY_IMPORTER_CONFIG="$config" GALAXY_IMPORTER_TMP_ROOT_DIR="$work/tmp" \
    GALAXY_IMPORTER_ANSIBLE_LOCAL_TMP="$work/ansible-tmp" \
    "$bin/python" -m galaxy_importer.main "$artifact") > "$log" 2>&1 || status=$?
grep -v '^Loading ' "$log" || true

problems=$(grep -cE '(^|[^A-Za-z])(WARNING|ERROR|CRITICAL)([^A-Za-z]|$)' "$log" || true)
if [ "$status" -ne 0 ] || [ "$problems" -gt 0 ] || ! grep -q '^Importer processing completed successfully' "$log"; then
    echo "galaxy-importer: FAILED on $(basename "$artifact"): exit $status, $problems warning or error lines" >&2
    exit 1
fi
echo "galaxy-importer: $(basename "$artifact") imports without a warning"
