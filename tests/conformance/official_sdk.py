"""Point the official balena SDK (PyPI `balena-sdk`) at an emulator without changing the SDK.

In-memory settings mode, as the SDK documents it: the API endpoint is a setting, and the OData
prefix that PineClient computed once at construction is replaced with the emulator's.
"""
from __future__ import annotations

from balena import Balena


def connect(url: str, token: str | None = None, **settings) -> Balena:
    client = Balena({"data_directory": False, **settings})
    client.settings.set("api_endpoint", url + "/")
    client.settings.set("builder_url", url + "/")
    client.pine.api_prefix = url + "/v7/"
    if token:
        client.auth.login_with_token(token)
    return client


def login(url: str, credentials: dict, **settings) -> Balena:
    client = connect(url, **settings)
    client.auth.login(username=credentials["username"], password=credentials["password"])
    return client
