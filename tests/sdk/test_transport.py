# -*- coding: utf-8 -*-
"""The transport against the emulator's injected faults: timeouts, 429, 5xx, drops, rate limit, tokens."""

from __future__ import annotations

import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ConnectionFailed, RequestError, RequestTimeout
from sdk_helpers import logged_in, requests_matching, sdk_for, settled_requests

DEVICE_TYPES = {"resource": "device_type", "options": {"$select": "slug", "$top": 1}}


def test_one_session_for_every_call(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    session = sdk.pine._transport.session  # pylint: disable=protected-access
    sdk.pine.get(DEVICE_TYPES)
    sdk.auth.whoami()
    assert sdk.pine._transport.session is session  # pylint: disable=protected-access
    assert len(session.adapters["http://"].poolmanager.pools) == 1


def test_a_hung_server_does_not_hang_the_caller(fresh_emulator):
    sdk = logged_in(fresh_emulator, timeout="500", max_retries="0")
    fresh_emulator.inject_fault({"latency_ms": 3000, "path": "^/v7/device_type", "times": 1})
    started = time.monotonic()
    with pytest.raises(RequestTimeout) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert time.monotonic() - started < 2.5
    assert caught.value.method == "GET" and caught.value.path.startswith("/v7/device_type")


def test_a_slow_answer_is_retried_for_reads(fresh_emulator):
    sdk = logged_in(fresh_emulator, timeout="500")
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"latency_ms": 2000, "path": "^/v7/device_type", "times": 1})
    assert len(sdk.pine.get(DEVICE_TYPES)) == 1


@pytest.mark.parametrize("retry_after", [1, "http-date+1"])
def test_429_is_retried_after_the_announced_time(fresh_emulator, retry_after):
    sdk = logged_in(fresh_emulator)
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"status": 429, "retry_after": retry_after, "path": "^/v7/device_type", "times": 2})
    started = time.monotonic()
    assert len(sdk.pine.get(DEVICE_TYPES)) == 1
    assert time.monotonic() - started >= 0.9
    statuses = [entry["status"] for entry in settled_requests(fresh_emulator, "GET", "/v7/device_type", 3)]
    assert statuses == [429, 429, 200]


def test_429_gives_up_with_a_clear_error(fresh_emulator):
    sdk = logged_in(fresh_emulator, max_rate_limit_retries="2")
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"status": 429, "retry_after": 1, "path": "^/v7/device_type"})
    with pytest.raises(RequestError) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert caught.value.status_code == 429
    assert "gave up after 2 retries" in str(caught.value)
    assert len(settled_requests(fresh_emulator, "GET", "/v7/device_type", 3)) == 3


def test_429_longer_than_the_wait_budget_is_not_waited_for(fresh_emulator):
    sdk = logged_in(fresh_emulator, max_rate_limit_wait="2000")
    fresh_emulator.inject_fault({"status": 429, "retry_after": 3600, "path": "^/v7/device_type"})
    started = time.monotonic()
    with pytest.raises(RequestError):
        sdk.pine.get(DEVICE_TYPES)
    assert time.monotonic() - started < 1.5


@pytest.mark.parametrize("status", [502, 503, 504])
def test_reads_are_retried_on_gateway_errors(fresh_emulator, status):
    sdk = logged_in(fresh_emulator)
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"status": status, "path": "^/v7/device_type", "times": 2})
    assert len(sdk.pine.get(DEVICE_TYPES)) == 1
    assert [entry["status"] for entry in settled_requests(fresh_emulator, "GET", "/v7/device_type", 3)] == [status, status, 200]


def test_retries_are_bounded(fresh_emulator):
    sdk = logged_in(fresh_emulator, max_retries="2")
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"status": 503, "path": "^/v7/device_type"})
    with pytest.raises(RequestError) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert caught.value.status_code == 503
    assert len(settled_requests(fresh_emulator, "GET", "/v7/device_type", 3)) == 3


def test_post_is_never_retried_blindly(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    slug = fresh_emulator.credentials["writable_fleets"][0]
    application = sdk.pine.get({"resource": "application", "options": {"$select": "id", "$filter": {"app_name": slug.split("/")[1]}}})[0]
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"status": 503, "method": "POST", "path": "^/v7/application_tag", "times": 1})
    with pytest.raises(RequestError) as caught:
        sdk.pine.post({"resource": "application_tag", "body": {"application": application["id"], "tag_key": "k", "value": "v"}})
    assert caught.value.status_code == 503 and caught.value.method == "POST"
    fresh_emulator.inject_fault({"drop": True, "method": "POST", "path": "^/v7/application_tag", "times": 1})
    with pytest.raises(ConnectionFailed):
        sdk.pine.post({"resource": "application_tag", "body": {"application": application["id"], "tag_key": "k", "value": "v"}})
    assert len(settled_requests(fresh_emulator, "POST", "/v7/application_tag", 2)) == 2
    tags = sdk.pine.get({"resource": "application_tag", "options": {"$filter": {"application": application["id"], "tag_key": "k"}}})
    assert tags == []


def test_dropped_connections_are_retried_for_reads(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    fresh_emulator.clear_request_log()
    fresh_emulator.inject_fault({"drop": True, "path": "^/v7/device_type", "times": 2})
    assert len(sdk.pine.get(DEVICE_TYPES)) == 1
    assert len(settled_requests(fresh_emulator, "GET", "/v7/device_type", 3)) == 3


def test_rate_limiter_spaces_every_request(fresh_emulator):
    sdk = logged_in(fresh_emulator, request_limit="2", request_limit_interval="1")
    started = time.monotonic()
    for _attempt in range(3):
        sdk.pine.get(DEVICE_TYPES)
    sdk.auth.is_logged_in()
    sdk.auth.is_logged_in()
    assert time.monotonic() - started >= 1.9


def test_errors_carry_status_method_path_and_balenas_message(fresh_emulator):
    sdk = logged_in(fresh_emulator)
    token = sdk.auth.get_token()
    with pytest.raises(RequestError) as caught:
        sdk.pine.post({"resource": "application", "body": {"app_name": "x"}})
    error = caught.value
    assert 400 <= error.status_code < 500
    assert error.method == "POST" and error.path == "/v7/application"
    assert error.body and error.message == "Request error: " + error.body
    for text in (str(error), repr(error), error.message):
        assert token not in text


def test_session_token_is_refreshed_when_old(fresh_emulator):
    sdk = logged_in(fresh_emulator, token_refresh_interval="1000")
    first = sdk.auth.get_token()
    time.sleep(1.2)
    fresh_emulator.clear_request_log()
    assert sdk.auth.whoami()["username"] == fresh_emulator.credentials["username"]
    assert requests_matching(fresh_emulator, "GET", "/user/v1/refresh-token")
    assert sdk.auth.get_token() != first


def test_api_keys_are_never_refreshed(fresh_emulator):
    sdk = sdk_for(fresh_emulator, token_refresh_interval="0")
    sdk.auth.login_with_token(fresh_emulator.credentials["api_key"])
    fresh_emulator.clear_request_log()
    assert sdk.auth.whoami()["actorType"] == "user"
    assert not requests_matching(fresh_emulator, "GET", "refresh-token")
    assert sdk.auth.get_token() == fresh_emulator.credentials["api_key"]


@pytest.mark.parametrize("suffix", ["/v7", "/v7/"])
def test_an_api_url_given_with_its_version_works(emulator, suffix):
    sdk = logged_in(emulator, api_endpoint=emulator.url.rstrip("/") + suffix)
    assert len(sdk.pine.get(DEVICE_TYPES)) == 1
    assert sdk.auth.whoami()["username"] == emulator.credentials["username"]
