#!/usr/bin/env bash
# The demo behind `make demo`: start the emulator with demo data, run each demo step against
# it, then stop it (or keep it running with KEEP=1 until Ctrl-C).
set -euo pipefail
cd "$(dirname "$0")/.."

venv=${VENV:-.venv}
python="$venv/bin/python"
workdir=.cache/demo
credentials="$workdir/credentials.json"
emulator_pid=

stop_emulator() {
    if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
}
trap stop_emulator EXIT
trap 'exit 130' INT TERM

credential() {
    "$python" - "$credentials" "$1" <<'PY'
import json, sys
path, name = sys.argv[1:]
with open(path, encoding="utf-8") as handle:
    value = json.load(handle).get(name)
if not value:
    sys.exit("demo: %s has no %r" % (path, name))
print(value)
PY
}

start_emulator() {
    mkdir -p "$workdir"
    rm -f "$credentials" "$workdir/emulator.out"
    "$python" -m emulator serve --port 0 --seed demo --db :memory: \
        --credentials-file "$credentials" >"$workdir/emulator.out" 2>"$workdir/emulator.log" &
    emulator_pid=$!
    local waited=0
    until [ -s "$workdir/emulator.out" ] && [ -s "$credentials" ]; do
        if ! kill -0 "$emulator_pid" 2>/dev/null || [ "$waited" -ge 600 ]; then
            echo "demo: the emulator did not start; its log:" >&2
            tail -n 30 "$workdir/emulator.log" >&2
            exit 1
        fi
        sleep 0.1
        waited=$((waited + 1))
    done
    api_url=$(head -n 1 "$workdir/emulator.out")
    # Let the JSON file finish being written before the steps read it.
    until "$python" -c 'import json, sys; json.load(open(sys.argv[1]))' "$credentials" 2>/dev/null; do
        sleep 0.1
    done
    BALENA_API_URL=$api_url
    BALENA_API_KEY=$(credential api_key)
    export BALENA_API_URL BALENA_API_KEY
}

# Each step is a function; add new ones to the list below. They can use $python,
# $credentials, $BALENA_API_URL and $BALENA_API_KEY.
step_summary() {
    "$python" examples/demo_summary.py "$credentials"
}

# The collection as Ansible finds it: .cache/collections/ansible_collections/balena/cloud is this
# checkout (the same link the test suite uses).
use_this_collection() {
    local link=.cache/collections/ansible_collections/balena/cloud
    if [ ! -e "$link" ]; then
        mkdir -p "$(dirname "$link")"
        ln -s "$PWD" "$link"
    fi
    export ANSIBLE_COLLECTIONS_PATH="$PWD/.cache/collections"
}

step_inventory() {
    use_this_collection
    cat > "$workdir/demo.balena.yml" <<YAML
plugin: balena.cloud.balena
connection_mode: api
YAML
    echo "Devices the demo user can reach, grouped by fleet ($workdir/demo.balena.yml):"
    ANSIBLE_INVENTORY_UNPARSED_FAILED=true "$venv/bin/ansible-inventory" -i "$workdir/demo.balena.yml" --graph
}

step_playbook() {
    use_this_collection
    echo "examples/fleet_as_code.yml, twice: the second run changes nothing."
    local run
    for run in 1 2; do
        ANSIBLE_LOCALHOST_WARNING=false ANSIBLE_INVENTORY_UNPARSED_WARNING=false \
            "$venv/bin/ansible-playbook" examples/fleet_as_code.yml \
            -e organization="$(credential organization)" -e fleet_name=digital-signage
    done
}

steps=(step_summary step_inventory step_playbook)

start_emulator
for step in "${steps[@]}"; do
    echo
    echo "=== ${step#step_} ==="
    "$step"
done

echo
echo "Emulator API:  $BALENA_API_URL"
echo "Credentials:   $credentials (API key, user, password, admin token)"
if [ "${KEEP:-0}" = 1 ]; then
    echo "The emulator keeps running (KEEP=1); press Ctrl-C to stop it."
    wait "$emulator_pid"
else
    echo "Stopping the emulator (run with KEEP=1 to keep it running)."
fi
