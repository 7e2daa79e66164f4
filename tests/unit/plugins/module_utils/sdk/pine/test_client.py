# -*- coding: utf-8 -*-
"""Pine's request shapes and response unwrapping, against a recording transport."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import RequestError
from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import Pine
from ansible_collections.balena.cloud.plugins.module_utils.sdk.settings import Settings


class RecordingTransport:
    def __init__(self, *answers):
        self.answers = list(answers)
        self.calls = []
        self.trusted = []

    def trust_origin(self, url):
        self.trusted.append(url)

    def request(self, method, path, body=None, endpoint=None, send_token=True):
        self.calls.append((method, path, body, endpoint, send_token))
        answer = self.answers.pop(0)
        if isinstance(answer, Exception):
            raise answer
        return answer


def pine(*answers):
    transport = RecordingTransport(*answers)
    return Pine(transport, Settings({"data_directory": False, "api_endpoint": "http://api.test/"})), transport


def test_get_list_single_and_count():
    client, transport = pine({"d": [{"id": 1}, {"id": 2}]}, {"d": [{"id": 1}]}, {"d": []}, {"d": 7})
    assert client.get({"resource": "device"}) == [{"id": 1}, {"id": 2}]
    assert client.get({"resource": "device", "id": 1}) == {"id": 1}
    assert client.get({"resource": "device", "id": {"uuid": "u"}}) is None
    assert client.count({"resource": "device", "options": {"$filter": {"is_online": True}, "$orderby": "id asc"}}) == 7
    assert [call[1] for call in transport.calls] == [
        "/v7/device", "/v7/device(1)", "/v7/device(uuid='u')", "/v7/device/$count?$filter=is_online eq true"]
    assert all(call[0] == "GET" and call[4] is None for call in transport.calls)


def test_unwrapping_errors():
    client, _transport = pine({"x": 1}, {"d": [{"id": 1}, {"id": 2}]}, ["not", "an", "object"])
    with pytest.raises(Exception, match="the 'd' property is missing"):
        client.get({"resource": "device"})
    with pytest.raises(Exception, match="multiple results"):
        client.get({"resource": "device", "id": 1})
    with pytest.raises(Exception, match="not a JSON object"):
        client.get({"resource": "device"})


def test_writes():
    client, transport = pine({"id": 3}, "OK", "", "OK")
    assert client.post({"resource": "device_tag", "body": {"device": 1, "tag_key": "k", "value": "v"}}) == {"id": 3}
    client.patch({"resource": "device", "options": {"$filter": {"id": {"$in": [1, 2]}}}, "body": {"note": "n"}})
    client.delete({"resource": "device", "id": 1})
    client.put({"resource": "device", "id": 1, "body": {}})
    assert [(call[0], call[1]) for call in transport.calls] == [
        ("POST", "/v7/device_tag"), ("PATCH", "/v7/device?$filter=id in (1, 2)"), ("DELETE", "/v7/device(1)"), ("PUT", "/v7/device(1)")]


def test_upsert_patches_by_natural_key_on_unique_conflict():
    conflict = RequestError('"device" and "tag_key" must be unique.', status_code=409)
    client, transport = pine(conflict, "OK")
    client.upsert({"resource": "device_tag", "id": {"device": 1, "tag_key": "k"}, "body": {"value": "v"}})
    assert transport.calls[0][:3] == ("POST", "/v7/device_tag", {"device": 1, "tag_key": "k", "value": "v"})
    assert transport.calls[1][:3] == ("PATCH", "/v7/device_tag?$filter=(device eq 1) and (tag_key eq 'k')", {"value": "v"})


def test_upsert_reraises_other_errors():
    client, _transport = pine(RequestError("bad", status_code=400))
    with pytest.raises(RequestError):
        client.upsert({"resource": "device_tag", "id": {"device": 1}, "body": {"value": "v"}})


def test_get_or_create():
    client, transport = pine({"d": []}, {"id": 9})
    assert client.get_or_create({"resource": "device_tag", "id": {"device": 1, "tag_key": "k"}, "body": {"value": "v"}}) == {"id": 9}
    assert transport.calls[0][1] == "/v7/device_tag(device=1,tag_key='k')"
    assert transport.calls[1][2] == {"device": 1, "tag_key": "k", "value": "v"}


def test_api_prefix_override_and_raw_url():
    client, transport = pine({"d": []}, {"d": []})
    client.get({"resource": "device", "api_prefix": "http://api.test/v6/"})
    client.get({"url": "device?$top=1"})
    assert transport.calls[0][1:4:2] == ("device", "http://api.test/v6/")
    assert transport.calls[1][1] == "/v7/device?$top=1"


class RoutedTransport(RecordingTransport):
    """Answers by path, for requests that may go out in any order."""

    def __init__(self, routes):
        super().__init__()
        self.routes = routes

    def request(self, method, path, body=None, endpoint=None, send_token=True):
        self.calls.append((method, path, body, endpoint, send_token))
        return next(answer for fragment, answer in self.routes if fragment in path)


def test_iterate_uses_pages_and_can_count_alongside_the_first():
    transport = RoutedTransport([
        ("$count", {"d": 3}), ("$skip=0", {"d": [{"id": 1}, {"id": 2}]}), ("id gt 2", {"d": [{"id": 3}]}),
    ])
    client = Pine(transport, Settings({"data_directory": False, "api_endpoint": "http://api.test/"}))
    assert [row["id"] for row in client.iterate({"resource": "device"}, page_size=2, check_count=True)] == [1, 2, 3]
    assert sorted(call[1] for call in transport.calls) == [
        "/v7/device/$count", "/v7/device?$orderby=id asc&$top=2&$filter=id gt 2", "/v7/device?$orderby=id asc&$top=2&$skip=0"]


def test_assigned_api_prefix_is_used_like_the_official_client():
    client, transport = pine({"d": []})
    assert client.api_prefix == "http://api.test/v7/"
    client.api_prefix = "http://127.0.0.1:9999/v7/"
    client.get({"resource": "device"})
    assert transport.calls[0][1] == "device" and transport.calls[0][3] == "http://127.0.0.1:9999/v7/"
    assert transport.trusted == ["http://127.0.0.1:9999/v7/"]
