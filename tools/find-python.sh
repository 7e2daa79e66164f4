#!/usr/bin/env bash
# Print the path of a Python interpreter that really runs.
#
#   tools/find-python.sh          the interpreter the development environment is built with:
#                                 Python >= 3.12 (ansible-core 2.21) if one works, else 3.11
#                                 (ansible-core 2.19). BALENA_PYTHON=<command or path> forces it.
#   tools/find-python.sh 3.10     an interpreter of exactly that version, or exit status 1
#
# Looks at pythonX.Y on PATH, then at pyenv's installed versions. A pyenv shim for a version that
# is not selected is on PATH but fails when run, so every candidate is started before it counts.
set -euo pipefail

# resolve CANDIDATE TEST: print sys.executable if CANDIDATE runs and TEST (a Python expression
# over sys.version_info) holds.
resolve() {
    local candidate=$1 test=$2
    command -v "$candidate" >/dev/null 2>&1 || return 1
    "$candidate" -c "import sys; v = sys.version_info; sys.exit(0 if ($test) else 1)" \
        >/dev/null 2>&1 || return 1
    "$candidate" -c 'import sys; print(sys.executable)'
}

# pyenv_interpreters X.Y: pyenv's installed X.Y interpreters, newest patch release first.
pyenv_interpreters() {
    local minor=$1 root
    command -v pyenv >/dev/null 2>&1 || return 0
    root=$(pyenv root 2>/dev/null) || return 0
    find "$root/versions" -maxdepth 3 -path "$root/versions/$minor.*/bin/python$minor" 2>/dev/null \
        | grep -E "/versions/${minor//./\\.}\.[0-9]+/bin/" | sort -V -r
}

# exact_version X.Y
exact_version() {
    local minor=$1 candidate
    local test="v[:2] == (${minor%%.*}, ${minor#*.})"
    for candidate in "python$minor" $(pyenv_interpreters "$minor"); do
        resolve "$candidate" "$test" && return 0
    done
    return 1
}

if [ $# -eq 1 ]; then
    exact_version "$1"
    exit
fi

if [ -n "${BALENA_PYTHON:-}" ]; then
    if ! resolve "$BALENA_PYTHON" "v[:2] >= (3, 11)"; then
        echo "BALENA_PYTHON=$BALENA_PYTHON does not run or is older than Python 3.11" >&2
        exit 1
    fi
    exit 0
fi

for minor in 3.12 3.13 3.14 3.11; do
    exact_version "$minor" && exit 0
done

echo "No Python 3.12+ or 3.11 found. Install python3.12 (or set BALENA_PYTHON)." >&2
exit 1
