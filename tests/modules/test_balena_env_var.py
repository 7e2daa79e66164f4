from __future__ import annotations

import json

import pytest

from ansible_collections.balena.cloud.plugins.modules import balena_env_var

from .module_runner import api_requests, methods, run_module, without_access_checks


@pytest.fixture
def fleet_args(fresh_emulator):
    credentials = fresh_emulator.credentials
    return {"api_url": fresh_emulator.url, "api_key": credentials["api_key"], "fleet": credentials["writable_fleets"][1]}


def test_many_variables_batched_then_only_one_read(fresh_emulator, fleet_args):
    wanted = {"VAR_%03d" % number: "value-%d" % number for number in range(200)}
    fresh_emulator.clear_request_log()
    first = run_module(balena_env_var.main, dict(fleet_args, variables=wanted))
    requests = without_access_checks(api_requests(fresh_emulator))
    assert first["changed"] and len(first["added"]) == 200
    assert [entry[0] for entry in requests].count("GET") == 1
    assert [entry[0] for entry in requests].count("POST") == 200

    fresh_emulator.clear_request_log()
    second = run_module(balena_env_var.main, dict(fleet_args, variables=wanted))
    assert not second["changed"] and len(second["untouched"]) >= 200
    assert len(api_requests(fresh_emulator)) == 1

    # Keep half, give them one new value, drop the rest and anything else: one PATCH, one DELETE.
    kept = {name: "same" for name in sorted(wanted)[:100]}
    fresh_emulator.clear_request_log()
    third = run_module(balena_env_var.main, dict(fleet_args, variables=kept, purge=True))
    assert third["changed"] and len(third["updated"]) == 100 and len(third["removed"]) >= 100
    # then the rows written are read back by id to prove the writes: their short ids fit one URL
    assert len(third["updated"]) + len(third["removed"]) > 200
    assert [entry[0] for entry in without_access_checks(api_requests(fresh_emulator))] == ["GET", "DELETE", "PATCH", "GET"]


def test_check_mode_only_reads_and_predicts(fresh_emulator, fleet_args):
    fresh_emulator.clear_request_log()
    result = run_module(balena_env_var.main, dict(fleet_args, name="NEW_VAR", value="x"), check_mode=True, diff=True)
    assert result["changed"] and result["added"] == ["NEW_VAR"]
    assert result["diff"] == {"before": {}, "after": {"NEW_VAR": "********"}}
    assert methods(api_requests(fresh_emulator)) == ["GET"]
    again = run_module(balena_env_var.main, dict(fleet_args, name="NEW_VAR", value="x"), check_mode=True)
    assert again["added"] == ["NEW_VAR"]


def test_values_never_leave_the_module_unless_asked(fresh_emulator, fleet_args):
    args = dict(fleet_args, variables={"PASSWORD": "hunter2-very-secret"})
    result = run_module(balena_env_var.main, args, diff=True)
    assert "hunter2-very-secret" not in json.dumps(result)
    assert fleet_args["api_key"] not in json.dumps(result)
    shown = run_module(balena_env_var.main, dict(args, show_values=True))
    assert shown["variables"]["PASSWORD"] == "hunter2-very-secret"


def test_credentials_from_the_environment(fresh_emulator, fleet_args, monkeypatch):
    monkeypatch.setenv("BALENA_API_URL", fleet_args["api_url"])
    monkeypatch.setenv("BALENA_API_TOKEN", fleet_args["api_key"])
    result = run_module(balena_env_var.main, {"fleet": fleet_args["fleet"], "name": "FROM_ENV", "value": "1"})
    assert result["changed"] and result["added"] == ["FROM_ENV"]


def test_an_injected_fault_is_a_clean_failure(fresh_emulator, fleet_args):
    fresh_emulator.inject_fault({"status": 500, "method": "POST", "path": "application_environment_variable"})
    result = run_module(balena_env_var.main, dict(fleet_args, name="X", value="secret-value"))
    assert result["failed"]
    assert result["msg"].startswith("creating variable 'X' on fleet %s failed: HTTP 500" % fleet_args["fleet"])
    assert "secret-value" not in json.dumps(result)
