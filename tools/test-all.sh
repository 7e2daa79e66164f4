#!/usr/bin/env bash
# The body of `make test`: every pytest suite, then ansible-test sanity, ansible-lint on the
# examples, the documentation site (built, linted, loaded in headless Chromium), the integration
# targets, then the same checks on ansible-core 2.19 / Python 3.11. Each
# step runs even when an earlier one failed; the exit status says whether all passed.
set -uo pipefail
cd "$(dirname "$0")/.." || exit 1

failed=()
run_step() {
    local name=$1
    shift
    echo
    echo "=== $name ==="
    "$@" || failed+=("$name")
}

run_step pytest tools/run-pytest.sh
run_step sanity tools/sanity.sh
run_step lint tools/lint-examples.sh
run_step docs tools/check-docs.sh
run_step integration tools/integration.sh
run_step compat tools/test-compat.sh

echo
if [ ${#failed[@]} -gt 0 ]; then
    echo "test: FAILED: ${failed[*]}"
    exit 1
fi
echo "test: all steps passed"
