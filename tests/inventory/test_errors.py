"""Clear failures: a bad token, an unreachable API, an invalid filter, a bad option."""
from __future__ import annotations

import socket

import pytest

from inventory_runner import ansible_env, inventory_failure, write_config


def test_bad_token(emulator, tmp_path):
    error = inventory_failure(write_config(tmp_path, {}), ansible_env(emulator, api_key="not-a-real-key"))
    assert "refused reading devices with this API key (HTTP 401)" in " ".join(error.split())
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


@pytest.mark.parametrize("config, expected", [
    ({"tags": [{"a": "b"}]}, "tags: each item must be a string"),
    ({"online_only": "maybe"}, "online_only: 'maybe' is not a boolean"),
    ({"page_size": 0}, "page_size: 0 is too small"),
    ({"timeout": -1}, "timeout: -1.0 is too small"),
    ({"fetch_concurrency": 0}, "fetch_concurrency: 0 is too small"),
    ({"keyed_groups": [{"key": "balena_fleet", "prefx": "x"}]}, "keyed_groups: unknown suboption(s) prefx"),
    ({"api_url": "127.0.0.1:9"}, "api_url: '127.0.0.1:9' is not an http:// or https:// URL"),
])
def test_a_wrong_value_fails_naming_the_option(env, tmp_path, config, expected):
    error = " ".join(inventory_failure(write_config(tmp_path, config), env).split())
    assert expected in error


def test_device_types_that_do_not_exist_fail_naming_them(env, tmp_path):
    config = {"device_types": ["raspberrypi4-64", "raspberry-pi5-nonexistent"]}
    error = " ".join(inventory_failure(write_config(tmp_path, config), env).split())
    assert "device type 'raspberry-pi5-nonexistent'" in error and "raspberrypi4-64" not in error


def test_a_device_key_is_told_what_was_refused(emulator, tmp_path):
    key = emulator.credentials["device"]["api_key"]
    config = write_config(tmp_path, {"connection_mode": "cloudlink"})
    error = " ".join(inventory_failure(config, ansible_env(emulator, api_key=key)).split())
    assert key not in error
    assert "did not accept the API key" not in error
    assert "refused" in error and "device's key" in error
