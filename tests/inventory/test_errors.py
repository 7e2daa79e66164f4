"""Clear failures: a bad token, an unreachable API, an invalid filter, a bad option."""
from __future__ import annotations

import socket

from inventory_runner import ansible_env, inventory_failure, write_config


def test_bad_token(emulator, tmp_path):
    error = inventory_failure(write_config(tmp_path, {}), ansible_env(emulator, api_key="not-a-real-key"))
    assert "did not accept the API key" in error
    assert "not-a-real-key" not in error


def test_missing_token(emulator, tmp_path):
    env = ansible_env(emulator)
    del env["BALENA_API_KEY"]
    assert "no balena API key" in inventory_failure(write_config(tmp_path, {}), env)


def test_unreachable_api(emulator, tmp_path):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = ansible_env(emulator, BALENA_API_URL="http://127.0.0.1:{0}".format(port))
    error = inventory_failure(write_config(tmp_path, {"timeout": 2}), env)
    assert "cannot reach the balena API at http://127.0.0.1:{0}".format(port) in error


def test_invalid_filter(env, tmp_path):
    error = inventory_failure(write_config(tmp_path, {"filter": "device_name eq"}), env)
    assert "rejected the device query" in error and "check the filter option" in error


def test_invalid_include_condition(env, tmp_path):
    error = inventory_failure(write_config(tmp_path, {"filters": [{"keep": "true"}]}), env)
    assert "include or exclude" in error


def test_unknown_group_axis(env, tmp_path):
    assert "group_prefixes" in inventory_failure(write_config(tmp_path, {"group_prefixes": {"colour": "c_"}}), env)


def test_an_unknown_option_fails_naming_the_valid_ones(env, tmp_path):
    error = " ".join(inventory_failure(write_config(tmp_path, {"fleet": ["demo/air-quality"]}), env).split())
    assert "unknown option(s) fleet;" in error
    assert "valid options are" in error and "fleets," in error and "organizations," in error


def test_an_alias_is_a_known_option(emulator, tmp_path):
    from inventory_runner import ansible_env, inventory_list

    config = write_config(tmp_path, {"api_token": emulator.credentials["api_key"], "fleets": ["demo/lab-prototypes"]})
    assert list(inventory_list(config, ansible_env(emulator, api_key="unused"))["_meta"]["hostvars"]) == ["bench-nuc"]


def test_fleets_and_organizations_that_do_not_exist_fail_naming_them(env, tmp_path):
    error = " ".join(inventory_failure(write_config(tmp_path, {
        "fleets": ["demo/air-quality", "demo/no-such-fleet", 999999], "organizations": ["nobody"]}), env).split())
    assert "fleets 'demo/no-such-fleet', '999999'" in error
    assert "organization 'nobody'" in error
    error = " ".join(inventory_failure(write_config(tmp_path, {"fleets": ["air-qualty"]}), env).split())
    assert "fleet 'air-qualty'" in error
