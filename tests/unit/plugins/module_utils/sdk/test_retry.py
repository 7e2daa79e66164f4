# -*- coding: utf-8 -*-
from __future__ import annotations

from email.utils import formatdate

from ansible_collections.balena.cloud.plugins.module_utils.sdk.retry import RetryPolicy, parse_retry_after


def test_retry_after_seconds_and_dates():
    assert parse_retry_after("3") == 3.0
    assert parse_retry_after(" 0 ") == 0.0
    assert parse_retry_after(None) is None
    assert parse_retry_after("soon") is None
    now = 1_700_000_000.0
    assert abs(parse_retry_after(formatdate(now + 5, usegmt=True), now=now) - 5.0) < 1.0
    assert parse_retry_after(formatdate(now - 50, usegmt=True), now=now) == 0.0


def test_backoff_grows_with_jitter_and_is_capped():
    policy = RetryPolicy(backoff=0.5)
    assert policy.backoff_delay(0, rand=lambda: 0.0) == 0.25
    assert policy.backoff_delay(0, rand=lambda: 1.0) == 0.5
    assert policy.backoff_delay(3, rand=lambda: 1.0) == 4.0
    assert policy.backoff_delay(20, rand=lambda: 1.0) == 30.0


def test_policy_from_settings():
    policy = RetryPolicy.from_settings({"max_retries": "2", "retry_backoff": "100", "retry_rate_limited_request": "False",
                                        "max_rate_limit_retries": "4", "max_rate_limit_wait": "1500"})
    assert (policy.max_retries, policy.backoff, policy.retry_rate_limited) == (2, 0.1, False)
    assert (policy.max_rate_limit_retries, policy.max_rate_limit_wait) == (4, 1.5)
    assert RetryPolicy.from_settings({}).retry_rate_limited is True
