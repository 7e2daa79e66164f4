# Entry points for a fresh checkout. Each builds its own virtual environment (.venv) first.
#   make demo   start the emulator with demo data and show what a client sees
#   make test   every test suite, ansible-test sanity, then the integration targets
#   make docs   the documentation site, built offline into build/docs

VENV ?= .venv
export VENV

.PHONY: demo test docs venv pytest unit module-tests emulator-tests conformance replay sdk-tests sanity lint changelog artifact integration molecule compat clean

demo: venv
	tools/demo.sh

test: venv
	tools/test-all.sh

docs: venv
	tools/build-docs.sh

venv:
	tools/make-venv.sh

pytest: venv
	tools/run-pytest.sh

unit: venv
	tools/run-pytest.sh tests/unit

module-tests: venv
	tools/run-pytest.sh tests/modules

emulator-tests: venv
	tools/run-pytest.sh tests/emulator

conformance: venv
	tools/run-pytest.sh tests/conformance

replay: venv
	tools/run-pytest.sh tests/replay

sdk-tests: venv
	tools/run-pytest.sh tests/sdk

sanity: venv
	tools/sanity.sh

lint: venv
	tools/lint-examples.sh

changelog: venv
	tools/check-changelog.sh

artifact: venv
	tools/check-artifact.sh

integration: venv
	tools/integration.sh

molecule: venv
	tools/molecule.sh

compat:
	tools/test-compat.sh

clean:
	rm -rf build .cache
