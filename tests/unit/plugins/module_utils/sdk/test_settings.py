# -*- coding: utf-8 -*-
from __future__ import annotations

import configparser
import os
import stat

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import InvalidOption, InvalidParameter
from ansible_collections.balena.cloud.plugins.module_utils.sdk.settings import Settings


@pytest.fixture(autouse=True)
def clean_environment(monkeypatch, tmp_path):
    for name in ("BALENA_API_URL", "BALENA_ACTIONS_URL", "BALENA_SETTINGS_CONFIG_SECTION", "BALENA_SETTINGS_CONFIG_FILENAME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("BALENA_SETTINGS_HOME_DIRECTORY", str(tmp_path / "home"))


def test_defaults_in_memory(tmp_path):
    settings = Settings({"data_directory": False})
    assert settings.get("balena_host") == "balena-cloud.com"
    assert settings.get("api_endpoint") == "https://api.balena-cloud.com/"
    assert settings.get("builder_url") == "https://builder.balena-cloud.com/"
    assert settings.get("pine_endpoint") == "https://api.balena-cloud.com/v7/"
    assert settings.get("api_version") == "v7"
    assert settings.get("token_refresh_interval") == "3600000"
    assert settings.get("timeout") == "30000"
    assert settings.get("data_directory") is False
    assert not settings.has("cache_directory")
    assert not (tmp_path / "home").exists()


def test_memory_mode_writes_nothing(tmp_path):
    settings = Settings({"data_directory": False})
    settings.set("token", "abc")
    assert settings.get("token") == "abc"
    assert settings.remove("token") is True
    assert settings.remove("token") is False
    assert not settings.has("token")
    assert list(tmp_path.iterdir()) == []


def test_balena_host_derives_urls():
    settings = Settings({"data_directory": False, "balena_host": "example.com"})
    assert settings.get("api_endpoint") == "https://api.example.com/"
    assert settings.get("builder_url") == "https://builder.example.com/"


@pytest.mark.parametrize("given, expected", [
    ("http://127.0.0.1:8080", "http://127.0.0.1:8080/"),
    ("https://balena.internal/api/", "https://balena.internal/api/"),
    ("https://api.example.com/v7", "https://api.example.com/"),
    ("https://api.example.com/v7/", "https://api.example.com/"),
    ("https://balena.internal/api/v7", "https://balena.internal/api/"),
    ("https://balena.internal/v7api/", "https://balena.internal/v7api/"),
])
def test_any_http_base_url(given, expected):
    settings = Settings({"data_directory": False, "api_endpoint": given})
    assert settings.get("api_endpoint") == expected
    assert settings.get("pine_endpoint") == expected + "v7/"


def test_non_http_url_is_rejected():
    with pytest.raises(InvalidParameter):
        Settings({"data_directory": False, "api_endpoint": "ftp://x"})


def test_environment_api_url(monkeypatch):
    monkeypatch.setenv("BALENA_API_URL", "http://127.0.0.1:9999")
    assert Settings({"data_directory": False}).get("api_endpoint") == "http://127.0.0.1:9999/"
    assert Settings({"data_directory": False, "api_endpoint": "http://10.0.0.1/"}).get("api_endpoint") == "http://10.0.0.1/"


def test_unknown_key_raises_invalid_option():
    with pytest.raises(InvalidOption) as caught:
        Settings({"data_directory": False}).get("nope")
    assert caught.value.message == "Invalid option: nope"


def test_file_mode_writes_only_on_set_with_private_modes(tmp_path):
    data = tmp_path / "data"
    settings = Settings({"data_directory": str(data)})
    assert not data.exists()
    settings.set("token", "secret-token")
    config = data / "balena.cfg"
    assert stat.S_IMODE(os.stat(data).st_mode) == 0o700
    assert stat.S_IMODE(os.stat(config).st_mode) == 0o600
    parser = configparser.RawConfigParser()
    parser.read(config)
    assert parser.get("Settings", "token") == "secret-token"
    for key in ("api_endpoint", "builder_url", "pine_endpoint", "api_version", "data_directory", "cache_directory", "balena_host"):
        assert parser.has_option("Settings", key), key
    assert [p.name for p in data.iterdir()] == ["balena.cfg"]


def test_file_is_shared_and_reread(tmp_path):
    data = str(tmp_path / "data")
    first = Settings({"data_directory": data})
    second = Settings({"data_directory": data})
    first.set("token", "one")
    assert second.get("token") == "one"
    second.remove("token")
    assert not first.has("token")


def test_constructor_wins_over_the_file(tmp_path):
    data = tmp_path / "data"
    data.mkdir()
    (data / "balena.cfg").write_text(
        "[Settings]\nbalena_host = file.example\napi_endpoint = https://api.file.example/\nrequest_limit = 7\n"
        "retry_rate_limited_request = false\napi_version = v6\ntoken = from-file\n")
    settings = Settings({"data_directory": str(data), "balena_host": "given.example", "request_limit": "2"})
    assert settings.get("api_endpoint") == "https://api.given.example/"
    assert settings.get("request_limit") == "2"
    assert settings.get("retry_rate_limited_request") is False
    assert settings.get("api_version") == "v7"
    assert settings.get("token") == "from-file"
    assert Settings({"data_directory": str(data)}).get("api_endpoint") == "https://api.file.example/"


def test_home_directory_environment(tmp_path):
    settings = Settings()
    settings.set("token", "x")
    assert (tmp_path / "home" / ".balena" / "balena.cfg").is_file()


def test_bools_round_trip_through_the_file(tmp_path):
    settings = Settings({"data_directory": str(tmp_path / "d")})
    settings.set("retry_rate_limited_request", False)
    assert Settings({"data_directory": str(tmp_path / "d")}).get("retry_rate_limited_request") is False


def test_actions_endpoint_is_unset_by_default():
    settings = Settings({"data_directory": False})
    assert not settings.has("actions_endpoint")
    assert settings.get("validate_certs") is True


def test_actions_endpoint_from_the_environment_then_the_constructor(monkeypatch):
    monkeypatch.setenv("BALENA_ACTIONS_URL", "http://127.0.0.1:8000/actions")
    assert Settings({"data_directory": False}).get("actions_endpoint") == "http://127.0.0.1:8000/actions/"
    given = Settings({"data_directory": False, "actions_endpoint": "https://actions.example.test"})
    assert given.get("actions_endpoint") == "https://actions.example.test/"


def test_actions_endpoint_must_be_a_url():
    with pytest.raises(InvalidParameter, match="actions_endpoint"):
        Settings({"data_directory": False, "actions_endpoint": "actions.example.test"})
