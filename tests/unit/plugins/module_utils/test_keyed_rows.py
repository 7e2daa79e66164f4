from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS, VARIABLES


@pytest.mark.parametrize("name", ["A", "_x", "LOG_LEVEL2"])
def test_valid_env_var_names_pass(name):
    VARIABLES[("env", "fleet")].check({name: "v"}, "variables")


@pytest.mark.parametrize("name, problem", [
    ("2FAST", "must not start with a digit"),
    ("HAS SPACE", "letters, digits and underscores"),
    ("BALENA", "reserved"),
    ("RESIN_X", "reserved"),
])
def test_invalid_env_var_names_name_the_parameter_and_problem(name, problem):
    with pytest.raises(ParameterError) as raised:
        VARIABLES[("env", "device")].check({name: "v"}, "variables")
    assert raised.value.parameter == "variables"
    assert name in str(raised.value) and problem in str(raised.value)


def test_config_vars_must_live_in_balena_namespaces():
    VARIABLES[("config", "fleet")].check({"BALENA_HOST_CONFIG_gpu_mem": "16", "RESIN_A:B": "1"}, "name")
    with pytest.raises(ParameterError, match="must start with BALENA_ or RESIN_"):
        VARIABLES[("config", "fleet")].check({"GPU_MEM": "16"}, "name")


def test_values_with_line_breaks_are_rejected_without_echoing_the_value():
    with pytest.raises(ParameterError) as raised:
        VARIABLES[("env", "fleet")].check({"A": "secret\nline"}, "value")
    assert "line breaks" in str(raised.value) and "secret" not in str(raised.value)


def test_tag_keys_follow_the_api_rules():
    TAGS["device"].check({"site": "x", "a.b-c": ""}, "tags")
    for key, problem in (("a b", "whitespace"), ("io.balena.x", "reserved"), ("", "1 to 100"), ("k" * 101, "1 to 100")):
        with pytest.raises(ParameterError, match=problem):
            TAGS["fleet"].check({key: "v"}, "tags")
    TAGS["release"].check({"k" * 164: "v"}, "tags")


def test_absent_keys_need_no_value():
    TAGS["device"].check({"site": None}, "tags")
