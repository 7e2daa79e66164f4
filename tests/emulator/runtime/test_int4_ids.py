"""Ids and other 32-bit integers beyond 2^31 answer 400 out of range wherever a client sends them:
in a body, in a query parameter, in a `$filter` as an integer or a real."""
from __future__ import annotations

import pytest
import requests

TIMEOUT = 30
OUT_OF_RANGE = 'out of range for type integer'


def _user(emulator) -> dict:
    return {"Authorization": "Bearer " + emulator.credentials["api_key"]}


@pytest.mark.parametrize("application", [2147483648, -2147483649, 2 ** 40])
def test_a_link_beyond_32_bits_in_a_body_answers_400(emulator, application):
    body = {"application": application, "tag_key": "wide", "value": "x"}
    answer = requests.post(emulator.url + "/v7/application_tag", json=body, headers=_user(emulator), timeout=TIMEOUT)
    assert answer.status_code == 400
    assert answer.json() == f'Invalid request: value "{application}" is {OUT_OF_RANGE} (application)'


def test_an_integer_field_beyond_32_bits_in_a_patch_answers_400(emulator):
    device_id = requests.get(emulator.url + "/v7/device?$select=id&$top=1", headers=_user(emulator),
                             timeout=TIMEOUT).json()["d"][0]["id"]
    answer = requests.patch(f"{emulator.url}/v7/device({device_id})", json={"belongs_to__application": 2 ** 31},
                            headers=_user(emulator), timeout=TIMEOUT)
    assert answer.status_code == 400 and OUT_OF_RANGE in answer.text


def test_an_app_id_beyond_32_bits_for_a_config_download_answers_400(emulator):
    answer = requests.get(emulator.url + "/download-config?appId=2147483648&version=2.0.0",
                          headers=_user(emulator), timeout=TIMEOUT)
    assert answer.status_code == 400
    assert answer.json() == f'Invalid request: value "2147483648" is {OUT_OF_RANGE} (appId)'


@pytest.mark.parametrize("number", ["2147483648.0", "-2147483649.0", "1e12"])
def test_a_real_beyond_32_bits_compared_with_an_id_answers_400(emulator, number):
    answer = requests.get(f"{emulator.url}/v7/application?$filter=id eq {number}", headers=_user(emulator),
                          timeout=TIMEOUT)
    assert answer.status_code == 400 and OUT_OF_RANGE in answer.text


def test_a_real_within_32_bits_compared_with_an_id_is_read(emulator):
    answer = requests.get(f"{emulator.url}/v7/application?$filter=id eq 2147483647.0", headers=_user(emulator),
                          timeout=TIMEOUT)
    assert answer.status_code == 200 and answer.json()["d"] == []
