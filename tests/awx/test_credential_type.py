"""The shipped credential type: what it asks for, and that its environment alone configures the
inventory and the modules, validate_certs included."""
from __future__ import annotations

import pytest

from awx_emulation import credential_type, import_hosts, injected_env, inventory_update, job_run, job_vars
from awx_project import PLAYBOOK, SOURCE, SOURCE_PATH, write_project
from tls_front import tls_front


def test_the_type_asks_for_the_url_a_secret_key_and_certificate_checking():
    definition = credential_type()
    assert definition["kind"] == "cloud"
    fields = {field["id"]: field for field in definition["inputs"]["fields"]}
    assert sorted(fields) == ["api_key", "api_url", "validate_certs"]
    assert fields["api_key"].get("secret") is True
    assert not any(fields[name].get("secret") for name in ("api_url", "validate_certs"))
    assert (fields["validate_certs"]["type"], fields["validate_certs"]["default"]) == ("boolean", True)
    # AWX applies only environment injectors to inventory syncs.
    assert list(definition["injectors"]) == ["env"]


def test_the_injected_environment_names_the_api_the_key_and_certificate_checking():
    assert injected_env({"api_url": "https://api.example.com", "api_key": "k", "validate_certs": False}) == {
        "BALENA_API_URL": "https://api.example.com", "BALENA_API_KEY": "k", "BALENA_VALIDATE_CERTS": "False"}


@pytest.fixture
def https_emulator_url(fresh_emulator, tmp_path):
    with tls_front(fresh_emulator.url, tmp_path) as url:
        yield url


def test_an_untrusted_certificate_stops_the_sync_when_validate_certs_is_on(
        tmp_path, fresh_emulator, https_emulator_url):
    env = injected_env({"api_url": https_emulator_url, "api_key": fresh_emulator.credentials["api_key"],
                        "validate_certs": True})
    project = write_project(tmp_path / "checkout")
    with pytest.raises(AssertionError) as caught:
        inventory_update(tmp_path / "sync", project, SOURCE_PATH, env)
    assert "certificate" in str(caught.value) and "validate_certs" in str(caught.value)


def test_validate_certs_off_reaches_a_test_server_from_syncs_and_jobs(tmp_path, fresh_emulator, https_emulator_url):
    env = injected_env({"api_url": https_emulator_url, "api_key": fresh_emulator.credentials["api_key"],
                        "validate_certs": False})
    project = write_project(tmp_path / "checkout", dict(SOURCE, fleets=["demo/air-quality"]))
    hosts = import_hosts(inventory_update(tmp_path / "sync", project, SOURCE_PATH, env))
    assert len(hosts) == 3
    result = job_run(tmp_path / "job", project, PLAYBOOK, hosts, env,
                     extravars=job_vars(9))
    assert result.stats["changed"] == {name: 1 for name in hosts}
