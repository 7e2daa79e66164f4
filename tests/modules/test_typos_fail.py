"""A typo fails: names that do not exist, unknown devices without create, values the API would store differently."""
from __future__ import annotations

import json

import pytest

from ansible_collections.balena.cloud.plugins.modules import (
    balena_application_info,
    balena_device,
    balena_device_action,
    balena_device_info,
    balena_env_var,
    balena_release_info,
    balena_tag,
)

from .module_runner import run_module


def auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


@pytest.mark.parametrize("selector, parameter, name", [
    ({"fleet": "demo/no-such-fleet"}, "selector.fleet", "demo/no-such-fleet"),
    ({"device_type": "raspberrypi9"}, "selector.device_type", "raspberrypi9"),
])
def test_a_selector_naming_nothing_fails_with_the_name(emulator, selector, parameter, name):
    for main, extra in ((balena_device.main, {"note": "x"}), (balena_device_action.main, {"action": "reboot"})):
        result = run_module(main, dict(auth(emulator), selector=selector, **extra), check_mode=True)
        assert result.get("failed"), result
        assert result["msg"].startswith(parameter + ": ") and repr(name) in result["msg"]


def test_info_filters_naming_nothing_fail_with_the_name(emulator):
    for filters, parameter in (({"fleet": "demo/no-such-fleet"}, "fleet"), ({"organization": "no-such-org"}, "organization"),
                               ({"device_type": "raspberrypi9"}, "device_type")):
        result = run_module(balena_device_info.main, dict(auth(emulator), **filters))
        assert result.get("failed"), result
        assert result["msg"].startswith(parameter + ": ")


def test_a_selector_matching_nothing_warns_or_fails_on_request(emulator):
    selector = {"fleet": emulator.credentials["fleet"], "tags": {"site": "atlantis"}}
    for main, extra in ((balena_device.main, {"note": "x"}), (balena_device_action.main, {"action": "reboot"})):
        result = run_module(main, dict(auth(emulator), selector=selector, **extra), check_mode=True)
        assert not result.get("failed") and not result["changed"] and result["devices"] == []
        assert "no device matches the selector" in str(result["warnings"])
        strict = run_module(main, dict(auth(emulator), selector=selector, fail_on_empty=True, **extra), check_mode=True)
        assert strict.get("failed") and strict["msg"].startswith("selector: no device matches")
    info = run_module(balena_device_info.main, dict(auth(emulator), fleet=emulator.credentials["fleet"], tags={"site": "atlantis"}))
    assert info["devices"] == [] and info["warnings"]
    strict = run_module(balena_device_info.main, dict(auth(emulator), fleet=emulator.credentials["fleet"], tags={"site": "atlantis"},
                                                      fail_on_empty=True))
    assert strict.get("failed")


def test_an_unknown_device_fails_without_create(fresh_emulator):
    credentials = fresh_emulator.credentials
    typo = credentials["device"]["uuid"][:-1] + ("a" if credentials["device"]["uuid"][-1] != "a" else "b")
    args = dict(auth(fresh_emulator), uuid=typo, fleet=credentials["writable_fleets"][1])
    for check_mode in (True, False):
        result = run_module(balena_device.main, args, check_mode=check_mode)
        assert result.get("failed") and "created" not in result, result
        assert result["msg"].startswith("uuid: device %s was not found" % typo) and "create: true" in result["msg"]
    by_name = run_module(balena_device.main, dict(auth(fresh_emulator), name="no-such-screen", fleet=credentials["fleet"]))
    assert by_name.get("failed") and by_name["msg"].startswith("name: device no-such-screen of fleet")
    listed = run_module(balena_device_info.main, dict(auth(fresh_emulator), uuid=typo))
    assert listed["devices"] == []
    created = run_module(balena_device.main, dict(args, create=True))
    assert created["changed"] and created["created"] and created["device"]["uuid"] == typo


def test_numbers_and_booleans_given_as_values_warn_and_show_what_is_stored(fresh_emulator):
    fleet = fresh_emulator.credentials["writable_fleets"][1]
    args = dict(auth(fresh_emulator), fleet=fleet, variables={"APP_VERSION": 1.10, "DEBUG": True, "WORKERS": 4, "NAME": "kept"},
                show_values=True)
    result = run_module(balena_env_var.main, args)
    assert result["changed"] and result["variables"]["APP_VERSION"] == "1.1" and result["variables"]["DEBUG"] == "true"
    warnings = str(result["warnings"])
    assert "'APP_VERSION' was given as the number 1.1 and is stored as the string '1.1'" in warnings
    assert "'DEBUG' was given as the boolean True and is stored as the string 'true'" in warnings
    assert "'WORKERS'" in warnings and "'NAME'" not in warnings
    single = run_module(balena_env_var.main, dict(auth(fresh_emulator), fleet=fleet, name="RATIO", value=0.5))
    assert "value: the value of 'RATIO' was given as a number and is stored as a string" in str(single["warnings"])
    assert "0.5" not in str(single["warnings"])
    hidden = run_module(balena_env_var.main, dict(auth(fresh_emulator), fleet=fleet, variables={"DOOR_PIN": 918273}))
    assert "'DOOR_PIN' was given as a number and is stored as a string" in str(hidden["warnings"])
    assert "918273" not in json.dumps(hidden)
    tagged = run_module(balena_tag.main, dict(auth(fresh_emulator), fleet=fleet, tags={"floor": 2}))
    assert "tags: the value of 'floor' was given as the number 2" in str(tagged["warnings"])


def test_every_bad_variable_name_is_reported_at_once(emulator):
    args = dict(auth(emulator), fleet=emulator.credentials["fleet"], variables={"1ST": "a", "BALENA_X": "b", "OK_NAME": "c", "MY-VAR": "d"})
    result = run_module(balena_env_var.main, args, check_mode=True)
    assert result.get("failed")
    assert result["msg"].startswith("variables: 3 problems: ")
    for name in ("'1ST'", "'BALENA_X'", "'MY-VAR'"):
        assert name in result["msg"]
    assert "OK_NAME" not in result["msg"]


def test_fleet_and_release_filters_naming_nothing_fail_with_the_name(emulator):
    fleet = emulator.credentials["fleet"]
    cases = (
        (balena_application_info.main, {"organization": "no-such-org"}, "organization: organization 'no-such-org'"),
        (balena_application_info.main, {"device_type": "raspberrypi9"}, "device_type: device type 'raspberrypi9'"),
        (balena_release_info.main, {"fleet": "demo/no-such-fleet"}, "fleet: fleet 'demo/no-such-fleet'"),
        (balena_release_info.main, {"fleet": fleet, "release": "9.9.9"}, "release: release '9.9.9' does not exist in fleet"),
        (balena_release_info.main, {"release": "0123456789abcdef0123456789abcdef"}, "release: release '0123456789abcdef"),
    )
    for main, filters, message in cases:
        result = run_module(main, dict(auth(emulator), **filters))
        assert result.get("failed") and result["msg"].startswith(message), (filters, result)
    quiet = run_module(balena_release_info.main, dict(auth(emulator), fleet=fleet, status=["cancelled"]))
    assert quiet["releases"] == [] and "no release matches" in str(quiet["warnings"])
    strict = run_module(balena_release_info.main, dict(auth(emulator), fleet=fleet, status=["cancelled"], fail_on_empty=True))
    assert strict.get("failed") and strict["msg"].startswith("fail_on_empty: no release matches")
    strict = run_module(balena_application_info.main, dict(auth(emulator), name="no-fleet-by-this-name", fail_on_empty=True))
    assert strict.get("failed") and strict["msg"].startswith("fail_on_empty: no fleet matches")
