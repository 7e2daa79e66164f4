"""A JSON body the emulator cannot use answers 400 with the reason, on every route, before any
credentials are checked: unpaired UTF-16 surrogates (which no stored text may hold), bytes that are
not UTF-8, text after the JSON value, and integers too long to convert."""
from __future__ import annotations

import pytest
import requests

TIMEOUT = 30


def _send(emulator, method, path, body: bytes, token=None):
    headers = {"Content-Type": "application/json"}
    if token:
        headers["Authorization"] = f"Bearer {token}"
    return requests.request(method, emulator.url + path, data=body, headers=headers, timeout=TIMEOUT)


def _surrogate_cases(emulator):
    device = emulator.credentials["device"]
    user_key = emulator.credentials["api_key"]
    return [
        ("POST", "/login_", rb'{"username": "\ud800", "password": "x"}', None, '"username"'),
        ("POST", "/v7/application_tag", rb'{"application": 1, "tag_key": "k", "value": "\udfff"}', user_key,
         '"value"'),
        ("POST", "/v7/device_tag", rb'{"device": 1, "tag_key": "\ud800x", "value": "v"}', user_key, '"tag_key"'),
        ("PATCH", "/v7/device(1)", rb'{"note": "\ud83d"}', user_key, '"note"'),
        ("PATCH", "/device/v3/state",
         b'{"%s": {"status": "\\ud800"}}' % device["uuid"].encode(), device["api_key"],
         f'"{device["uuid"]}".status'),
        ("POST", "/device/register", rb'{"uuid": "abc", "api_key": "\udc00"}', user_key, '"api_key"'),
    ]


@pytest.mark.parametrize("case", range(6))
def test_an_unpaired_surrogate_answers_400_naming_the_field(emulator, case):
    method, path, body, token, field = _surrogate_cases(emulator)[case]
    answer = _send(emulator, method, path, body, token)
    assert answer.status_code == 400
    assert field in answer.text and "unpaired UTF-16 surrogate" in answer.text


def test_a_surrogate_pair_is_one_character_and_is_accepted(emulator):
    answer = _send(emulator, "POST", "/login_", rb'{"username": "\ud83d\ude00", "password": "x"}')
    assert answer.status_code == 401


@pytest.mark.parametrize("body, reason", [
    (b'{"application": "\xff\xfe\xfa"}', "Bad Request: the JSON body is not valid UTF-8"),
    (b'{"application": 16}xx', "Bad Request: the body is not valid JSON: Extra data at line 1 column 20"),
    (b'{"application": ' + b"9" * 5000 + b"}", "Bad Request: a number in the JSON body is too long"),
])
def test_a_malformed_json_body_answers_400_with_the_reason(emulator, body, reason):
    answer = _send(emulator, "POST", "/v7/application_tag", body, emulator.credentials["api_key"])
    assert answer.status_code == 400 and answer.text.startswith(reason)
