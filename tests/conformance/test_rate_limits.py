"""The SDK's 429 handling against the emulator's injected faults (wire reference §3.3)."""
from __future__ import annotations

import pytest
from balena import exceptions

from .official_sdk import login


def test_429_is_a_request_error_by_default(fresh_access):
    client = login(fresh_access.url, fresh_access.credentials)
    fresh_access.handle.inject_fault({"status": 429, "retry_after": 1, "path": "^/v7/application", "times": 1})
    with pytest.raises(exceptions.RequestError) as limited:
        client.models.application.get_all()
    assert limited.value.status_code == 429
    assert isinstance(client.models.application.get_all(), list), "the rule fired once only"


def test_429_with_retry_after_seconds_is_retried_when_enabled(fresh_access):
    client = login(fresh_access.url, fresh_access.credentials, retry_rate_limited_request=True)
    fresh_access.handle.inject_fault({"status": 429, "retry_after": 1, "path": "^/v7/application", "times": 2})
    assert isinstance(client.models.application.get_all(), list)
    hits = [e for e in fresh_access.request_log() if e["path"].startswith("/v7/application")]
    assert [e["status"] for e in hits][-3:] == [429, 429, 200]


def test_429_with_an_http_date_is_not_retried(fresh_access):
    client = login(fresh_access.url, fresh_access.credentials, retry_rate_limited_request=True)
    fresh_access.handle.inject_fault({"status": 429, "retry_after": "http-date", "path": "^/v7/application",
                                      "times": 1})
    with pytest.raises(exceptions.RequestError) as limited:
        client.models.application.get_all()
    assert limited.value.status_code == 429
