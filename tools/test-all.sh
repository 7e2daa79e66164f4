#!/usr/bin/env bash
# The body of `make test`. Three lanes run side by side, each step of a lane even when an earlier
# one failed:
#   main:   every pytest suite
#   checks: the changelog (fragments linted, a trial release), ansible-test sanity, ansible-lint on
#           the examples, the built artifact (galaxy-importer, ansible-test units), the
#           documentation site (built, linted, loaded in headless Chromium), the integration targets
#   compat: the same checks on ansible-core 2.19 / Python 3.11 (tools/test-compat.sh), then the
#           molecule scenarios of the roles (tools/molecule.sh)
# Each lane writes to build/test-logs/<lane>.log; the logs are printed whole, one after the other,
# once every lane has finished. The exit status says whether every step passed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

logs=build/test-logs
rm -rf "$logs"
mkdir -p "$logs"

run_step() {
    local lane=$1 name=$2
    shift 2
    echo
    echo "=== $name ==="
    local started=$SECONDS
    if "$@"; then
        echo "=== $name: passed in $((SECONDS - started)) s ==="
    else
        echo "=== $name: FAILED after $((SECONDS - started)) s ==="
        echo "$name" >> "$logs/$lane.failed"
    fi
}

main_lane() {
    run_step main pytest tools/run-pytest.sh
}

checks_lane() {
    run_step checks changelog tools/check-changelog.sh
    run_step checks sanity tools/sanity.sh
    run_step checks lint tools/lint-examples.sh
    run_step checks artifact tools/check-artifact.sh
    run_step checks docs tools/check-docs.sh
    run_step checks integration tools/integration.sh
}

compat_lane() {
    run_step compat compat tools/test-compat.sh
    run_step compat molecule tools/molecule.sh
}

started=$SECONDS
echo "test: running the lanes main, checks and compat side by side (logs in $logs/)"
main_lane > "$logs/main.log" 2>&1 &
main_pid=$!
checks_lane > "$logs/checks.log" 2>&1 &
checks_pid=$!
compat_lane > "$logs/compat.log" 2>&1 &
compat_pid=$!
wait "$main_pid" "$checks_pid" "$compat_pid"

for lane in checks compat main; do
    echo
    echo "######## lane $lane ########"
    cat "$logs/$lane.log"
done

failed=()
for lane in main checks compat; do
    if [ -f "$logs/$lane.failed" ]; then
        mapfile -t -O "${#failed[@]}" failed < "$logs/$lane.failed"
    fi
done

echo
echo "test: finished in $((SECONDS - started)) s"
if [ ${#failed[@]} -gt 0 ]; then
    echo "test: FAILED: ${failed[*]}"
    exit 1
fi
echo "test: all steps passed"
