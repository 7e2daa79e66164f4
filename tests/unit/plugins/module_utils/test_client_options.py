from __future__ import annotations

from ansible.module_utils.common.arg_spec import ArgumentSpecValidator

from ansible_collections.balena.cloud.plugins.module_utils.client import AUTH_ARGUMENT_SPEC, DEFAULT_API_URL, connect


def validated(params, monkeypatch, environment):
    for name in ("BALENA_API_URL", "BALENA_API_KEY", "BALENA_API_TOKEN", "BALENA_ACTIONS_URL"):
        monkeypatch.delenv(name, raising=False)
    for name, value in environment.items():
        monkeypatch.setenv(name, value)
    result = ArgumentSpecValidator(AUTH_ARGUMENT_SPEC).validate(params)
    return result.validated_parameters, result.error_messages


def test_defaults_and_explicit_values(monkeypatch):
    params, errors = validated({"api_token": "k"}, monkeypatch, {})
    assert not errors
    assert params["api_key"] == "k" and params["api_url"] == DEFAULT_API_URL
    assert params["validate_certs"] is True and params["timeout"] == 30.0 and params["max_retries"] == 3


def test_environment_fallbacks_in_order(monkeypatch):
    params = validated({}, monkeypatch, {"BALENA_API_TOKEN": "token", "BALENA_API_URL": "http://127.0.0.1:1"})[0]
    assert params["api_key"] == "token" and params["api_url"] == "http://127.0.0.1:1"
    params = validated({}, monkeypatch, {"BALENA_API_KEY": "key", "BALENA_API_TOKEN": "token"})[0]
    assert params["api_key"] == "key"


def test_a_missing_key_is_left_to_the_module_to_explain(monkeypatch):
    params, errors = validated({}, monkeypatch, {})
    assert params["api_key"] is None and not errors


def test_connect_applies_url_timeout_certificates_and_key():
    balena = connect({"api_url": "http://127.0.0.1:9", "api_key": "k", "validate_certs": False, "timeout": 2.5, "max_retries": 0})
    assert balena.settings.get("api_endpoint") == "http://127.0.0.1:9/"
    assert balena.settings.get("timeout") == "2500"
    assert balena.settings.get("max_retries") == "0"
    assert balena.auth.get_token() == "k"
    assert balena.settings.get("validate_certs") is False
    assert not balena.settings.has("actions_endpoint")


def test_connect_names_the_actions_service():
    balena = connect({"api_url": "http://127.0.0.1:9", "api_key": "k", "validate_certs": True, "timeout": 1,
                      "actions_url": "http://127.0.0.1:9/actions"})
    assert balena.settings.get("actions_endpoint") == "http://127.0.0.1:9/actions/"
    assert balena.settings.get("validate_certs") is True


def test_actions_url_from_the_environment(monkeypatch):
    params = validated({"api_key": "k"}, monkeypatch, {"BALENA_ACTIONS_URL": "http://127.0.0.1:1/actions/"})[0]
    assert params["actions_url"] == "http://127.0.0.1:1/actions/"
