#!/usr/bin/env bash
# Run the integration targets under tests/integration/targets with `ansible-test integration`
# against a live balena API emulator:
#   1. stage the files that ship with tools/stage-collection.sh (as tools/sanity.sh does) into
#      build/integration.XXXXXX/ansible_collections/balena/cloud (a directory per run, so that
#      runs side by side do not disturb each other; removed afterwards unless KEEP_INTEGRATION_TREE=1),
#   2. start the emulator with demo data on a free loopback port,
#   3. write what the targets need to know (API URL, keys, demo names) into that tree's
#      tests/integration/integration_config.yml, which ansible-test passes to every target,
#   4. run ansible-test (--local by default; INTEGRATION_MODE="--venv --requirements" runs in a
#      venv of its own with tests/integration/requirements.txt installed),
#   5. stop the emulator, whatever happened.
# Extra ansible-test arguments (e.g. a target name) can be given as arguments or in $INTEGRATION_ARGS.
set -euo pipefail
cd "$(dirname "$0")/.."

targets=$(find tests/integration/targets -mindepth 1 -maxdepth 1 -type d 2>/dev/null | sort || true)
if [ -z "$targets" ]; then
    echo "integration: no targets in tests/integration/targets yet; nothing to run"
    exit 0
fi

venv=$(cd "${VENV:-.venv}" && pwd)
python="$venv/bin/python"
started=$SECONDS
mkdir -p build
work=$(mktemp -d build/integration.XXXXXX)
emulator_pid=

finish() {
    if [ -n "$emulator_pid" ] && kill -0 "$emulator_pid" 2>/dev/null; then
        kill "$emulator_pid" 2>/dev/null || true
        wait "$emulator_pid" 2>/dev/null || true
    fi
    if [ "${KEEP_INTEGRATION_TREE:-0}" != 1 ]; then
        rm -rf "$work"
    fi
}
trap finish EXIT

start_emulator() {
    local credentials=$work/credentials.json log=$work/emulator.log
    rm -f "$credentials"
    "$python" -m emulator serve --host 127.0.0.1 --port 0 --seed demo --db :memory: \
        --credentials-file "$credentials" > "$work/emulator.out" 2> "$log" &
    emulator_pid=$!
    for _ in $(seq 300); do
        if [ -s "$credentials" ] && "$python" -c 'import json, sys; json.load(open(sys.argv[1]))' "$credentials" 2>/dev/null; then
            echo "integration: emulator at $(head -n 1 "$work/emulator.out") (pid $emulator_pid)"
            return 0
        fi
        if ! kill -0 "$emulator_pid" 2>/dev/null; then
            break
        fi
        sleep 0.2
    done
    echo "integration: the emulator did not start; its log:" >&2
    tail -n 40 "$log" >&2 || true
    exit 1
}

write_integration_config() {
    # JSON is YAML: the emulator's credentials, under the names the targets use.
    "$python" - "$work/credentials.json" > "$tree/tests/integration/integration_config.yml" <<'PY'
import json
import sys

with open(sys.argv[1], encoding="utf-8") as handle:
    credentials = json.load(handle)
print(json.dumps({
    "balena_api_url": credentials["api_url"],
    "balena_api_key": credentials["api_key"],
    "balena_admin_token": credentials["admin_token"],
    "balena_organization": credentials["organization"],
    "balena_fleet": credentials["fleet"],
    "balena_writable_fleets": credentials["writable_fleets"],
    "balena_read_only_fleet": credentials["read_only_fleets"][0],
    "balena_device_uuid": credentials["device"]["uuid"],
    "balena_device_api_key": credentials["device"]["api_key"],
    "balena_offline_device_uuid": credentials["offline_device"]["uuid"],
}, indent=2))
PY
}

tree=$(tools/stage-collection.sh "$work")
start_emulator
write_integration_config

echo "integration: running ansible-test integration in $tree"
status=0
# shellcheck disable=SC2086  # INTEGRATION_ARGS is a list of words
(cd "$tree" && "$venv/bin/ansible-test" integration ${INTEGRATION_MODE:---local} --color no ${INTEGRATION_ARGS:-} "$@") || status=$?
if [ "$status" -ne 0 ]; then
    echo "integration: last lines of the emulator's log:" >&2
    tail -n 20 "$work/emulator.log" >&2 || true
fi
echo "integration: finished in $((SECONDS - started)) s (exit $status)"
exit $status
