#!/usr/bin/env bash
# Create (or reuse) the development virtual environment from the pinned requirement file that
# matches the chosen Python. Prints nothing but progress; the venv path is $VENV (default .venv).
#   tools/make-venv.sh VENV REQUIREMENTS   the same for a venv of another job (e.g. .venv-importer
#                                          from tests/requirements/galaxy-importer.txt)
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-.venv}
python=$(tools/find-python.sh)
version=$("$python" -c 'import sys; print("%d.%d" % sys.version_info[:2])')

if [ $# -eq 2 ]; then
    venv=$1 requirements=$2
elif "$python" -c 'import sys; sys.exit(0 if sys.version_info >= (3, 12) else 1)'; then
    requirements=tests/requirements/ansible-2.21.txt
else
    requirements=tests/requirements/ansible-2.19.txt
fi

stamp_file="$venv/.requirements-stamp"
stamp="$version $requirements $(sha256sum "$requirements" | cut -d' ' -f1)"

if [ -x "$venv/bin/python" ] && [ -f "$stamp_file" ] && [ "$(cat "$stamp_file")" = "$stamp" ]; then
    echo "venv: reusing $venv (Python $version, $requirements)"
    exit 0
fi

echo "venv: creating $venv with Python $version ($python) from $requirements"
rm -rf "$venv"
"$python" -m venv "$venv"
"$venv/bin/python" -m pip install --quiet --disable-pip-version-check -r "$requirements"
echo "$stamp" > "$stamp_file"
echo "venv: ready"
