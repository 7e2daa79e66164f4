# shellcheck shell=bash
# What `ansible-test ... --venv` needs on this machine, for the scripts that run it (sourced):
#   install_get_pip_standin PYTHON     put tools/offline_get_pip.py where ansible-test caches get-pip.py
#   put_pythons_on_path PYTHON DIR     launchers pythonX.Y in DIR, first on PATH, for every version
#                                      ansible-test supports that really runs here
# PYTHON is the interpreter of the venv that holds ansible-test. Run from the checkout's root.

# ansible-test bootstraps pip in each new venv with a get-pip.py it downloads from a host that
# may be unreachable; it uses a cached copy first. Put an offline stand-in there unless a real
# script is already cached.
install_get_pip_standin() {
    local python=$1 cache=~/.ansible/test/cache version target
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
# Sets PYTHON_VERSIONS_FOUND to the versions it found.
put_pythons_on_path() {
    local python=$1 bin=$2/python-bin version interpreter broken=()
    PYTHON_VERSIONS_FOUND=()
    mkdir -p "$bin"
    for version in $("$python" tools/ansible_test_facts.py python-versions); do
        if interpreter=$(tools/find-python.sh "$version"); then
            printf '#!/bin/sh\nexec "%s" "$@"\n' "$interpreter" > "$bin/python$version"
            chmod +x "$bin/python$version"
            PYTHON_VERSIONS_FOUND+=("$version")
        elif command -v "python$version" >/dev/null 2>&1; then
            broken+=("$version")
        fi
    done
    if [ ${#broken[@]} -gt 0 ]; then
        echo "python${broken[*]} is on PATH but does not run; fix or remove it" >&2
        return 1
    fi
    PATH="$(cd "$bin" && pwd):$PATH"
}
