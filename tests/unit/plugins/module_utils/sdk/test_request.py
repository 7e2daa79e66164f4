# -*- coding: utf-8 -*-
"""The transport's decisions (retries, limits, tokens, errors) against a scripted session."""

from __future__ import annotations

import base64
import io
import json

import pytest
import requests

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    ConnectionFailed, InvalidParameter, NotLoggedIn, RequestError, RequestTimeout,
)
from ansible_collections.balena.cloud.plugins.module_utils.sdk.request import Transport, display_path
from ansible_collections.balena.cloud.plugins.module_utils.sdk.settings import Settings

API = "http://api.test:8080/"


def response(status=200, body=b"", headers=None):
    answer = requests.models.Response()
    answer.status_code = status
    answer._content = body if isinstance(body, bytes) else json.dumps(body).encode()  # pylint: disable=protected-access
    answer._content_consumed = True  # pylint: disable=protected-access
    answer.raw = io.BytesIO(answer.content)
    answer.headers.update(headers or {})
    return answer


class ScriptedSession:
    def __init__(self, *outcomes):
        self.outcomes = list(outcomes)
        self.calls = []

    def request(self, method, url, **kwargs):
        self.calls.append(dict(kwargs, method=method, url=url))
        outcome = self.outcomes.pop(0) if len(self.outcomes) > 1 else self.outcomes[0]
        if isinstance(outcome, Exception):
            raise outcome
        return outcome


def transport(*outcomes, **settings):
    values = {"data_directory": False, "api_endpoint": API, "retry_backoff": "10"}
    values.update(settings)
    sleeps = []
    session = ScriptedSession(*outcomes)
    return Transport(Settings(values), session=session, sleep=sleeps.append), session, sleeps


def make_jwt(claims):
    def part(data):
        return base64.urlsafe_b64encode(json.dumps(data).encode()).rstrip(b"=").decode()
    return part({"alg": "HS256"}) + "." + part(claims) + ".sig"


@pytest.fixture(autouse=True)
def no_environment_keys(monkeypatch):
    monkeypatch.delenv("BALENA_API_KEY", raising=False)
    monkeypatch.delenv("RESIN_API_KEY", raising=False)


def test_json_text_and_raw_answers():
    sender, session, _sleeps = transport(response(200, {"a": 1}), response(200, b"plain"), response(200, b""))
    sender.tokens.current = lambda values=None: "key"
    assert sender.request("GET", "/x") == {"a": 1}
    assert sender.request("GET", "/x") == "plain"
    assert sender.request("GET", "/x") == ""
    first = session.calls[0]
    assert first["url"] == "http://api.test:8080/x"
    assert first["headers"]["Authorization"] == "Bearer key"
    assert first["headers"]["X-Balena-Client"].startswith("balena-python-sdk/")
    assert first["timeout"] == 30.0


def test_timeout_setting_is_used():
    sender, session, _sleeps = transport(response(200, {}), timeout="1500")
    sender.request("GET", "/x", send_token=False)
    assert session.calls[0]["timeout"] == 1.5


def test_not_logged_in_sends_nothing():
    sender, session, _sleeps = transport(response(200, {}))
    with pytest.raises(NotLoggedIn):
        sender.request("GET", "/actor/v1/whoami")
    assert session.calls == []
    sender.request("GET", "/v7/device_type", send_token=None)
    assert "Authorization" not in session.calls[0]["headers"]


def test_environment_api_key_is_used_when_no_token(monkeypatch):
    monkeypatch.setenv("BALENA_API_KEY", "envkey")
    sender, session, _sleeps = transport(response(200, {}))
    sender.request("GET", "/x")
    assert session.calls[0]["headers"]["Authorization"] == "Bearer envkey"


def test_token_only_goes_to_the_api_origin():
    sender, session, _sleeps = transport(response(200, {}))
    sender.settings.set("token", "secret")
    with pytest.raises(InvalidParameter):
        sender.request("GET", "/x", endpoint="http://elsewhere.test/")
    assert session.calls == []
    sender.request("GET", "/x", endpoint="http://elsewhere.test/", send_token=False)
    assert "Authorization" not in session.calls[0]["headers"]
    sender.trust_origin("https://actions.devices.test/v2/")
    sender.request("POST", "https://actions.devices.test/v2/abc/resinhup")
    assert session.calls[1]["headers"]["Authorization"] == "Bearer secret"


def test_error_carries_status_method_path_and_no_token():
    sender, _session, _sleeps = transport(response(404, b"No device with uuid abc, token secret-token"))
    sender.settings.set("token", "secret-token")
    with pytest.raises(RequestError) as caught:
        sender.request("GET", "/device/v2/abc/logs?apikey=hidden")
    error = caught.value
    assert error.status_code == 404 and error.method == "GET"
    assert error.path == "/device/v2/abc/logs?apikey=<redacted>"
    assert error.message.startswith("Request error: No device with uuid abc")
    for text in (str(error), repr(error), error.message, error.body):
        assert "secret-token" not in text and "hidden" not in text
    assert "404" in str(error) and "GET" in str(error)


def test_429_honours_retry_after_then_succeeds():
    sender, session, sleeps = transport(response(429, b"Too Many Requests", {"Retry-After": "2"}), response(200, {"ok": True}))
    assert sender.request("POST", "/x", send_token=False) == {"ok": True}
    assert sleeps == [2.0] and len(session.calls) == 2


def test_429_gives_up_after_bounded_attempts():
    sender, session, sleeps = transport(response(429, b"Too Many Requests", {"Retry-After": "1"}), max_rate_limit_retries="3")
    with pytest.raises(RequestError) as caught:
        sender.request("GET", "/x", send_token=False)
    assert caught.value.status_code == 429
    assert "gave up after 3 retries" in str(caught.value)
    assert len(session.calls) == 4 and sleeps == [1.0, 1.0, 1.0]


def test_429_gives_up_when_the_wait_would_exceed_the_budget():
    sender, session, sleeps = transport(response(429, b"slow down", {"Retry-After": "3600"}))
    with pytest.raises(RequestError):
        sender.request("GET", "/x", send_token=False)
    assert len(session.calls) == 1 and sleeps == []


def test_429_retry_can_be_disabled():
    sender, session, _sleeps = transport(response(429, b"no", {"Retry-After": "1"}), retry_rate_limited_request=False)
    with pytest.raises(RequestError):
        sender.request("GET", "/x", send_token=False)
    assert len(session.calls) == 1


@pytest.mark.parametrize("status", [502, 503, 504])
def test_idempotent_requests_retry_5xx_with_backoff(status):
    sender, session, sleeps = transport(response(status, b"down"), response(status, b"down"), response(200, {"ok": 1}))
    assert sender.request("PATCH", "/x", body={"a": 1}, send_token=False) == {"ok": 1}
    assert len(session.calls) == 3
    assert len(sleeps) == 2 and sleeps[1] >= sleeps[0] * 0.5


def test_post_is_not_retried_on_5xx_or_dropped_connections():
    sender, session, _sleeps = transport(response(503, b"down"))
    with pytest.raises(RequestError):
        sender.request("POST", "/x", send_token=False)
    assert len(session.calls) == 1
    sender, session, _sleeps = transport(requests.exceptions.ConnectionError("Connection aborted"))
    with pytest.raises(ConnectionFailed):
        sender.request("POST", "/x", send_token=False)
    assert len(session.calls) == 1


def test_connect_timeout_is_retried_even_for_post():
    sender, session, _sleeps = transport(requests.exceptions.ConnectTimeout("slow"), response(201, {"id": 1}))
    assert sender.request("POST", "/x", send_token=False) == {"id": 1}
    assert len(session.calls) == 2


def test_retries_are_bounded_then_a_timeout_error():
    sender, session, sleeps = transport(requests.exceptions.ReadTimeout("slow"), max_retries="2")
    with pytest.raises(RequestTimeout) as caught:
        sender.request("GET", "/x", send_token=False)
    assert len(session.calls) == 3 and len(sleeps) == 2
    assert caught.value.status_code is None and "after 2 retries" in str(caught.value)


def test_rate_limit_setting_applies_to_every_request():
    sender, _session, _sleeps = transport(response(200, {}), request_limit="3", request_limit_interval="10")
    seen = []
    sender.limiter.acquire = lambda limit, interval: seen.append((limit, interval))
    sender.request("GET", "/x", send_token=False)
    sender.request("POST", "/v7/device", send_token=False)
    assert seen == [(3, 10.0), (3, 10.0)]


def test_old_session_token_is_refreshed_first():
    old = make_jwt({"id": 1, "iat": 1})
    sender, session, _sleeps = transport(response(200, b"new-token"), response(200, {"id": 5}))
    sender.settings.set("token", old)
    assert sender.request("GET", "/actor/v1/whoami") == {"id": 5}
    assert session.calls[0]["url"] == "http://api.test:8080/user/v1/refresh-token"
    assert session.calls[0]["headers"]["Authorization"] == "Bearer " + old
    assert session.calls[1]["headers"]["Authorization"] == "Bearer new-token"
    assert sender.settings.get("token") == "new-token"


def test_failed_refresh_keeps_the_token_and_is_not_retried_at_once():
    old = make_jwt({"id": 1, "iat": 1})
    sender, session, _sleeps = transport(response(404, b""), response(401, b""), response(200, {}), response(200, {}))
    sender.settings.set("token", old)
    sender.request("GET", "/a")
    sender.request("GET", "/b")
    assert [call["url"].rsplit("/", 1)[-1] for call in session.calls] == ["refresh-token", "whoami", "a", "b"]
    assert sender.settings.get("token") == old


def test_token_without_iat_and_api_keys_are_used_as_they_are():
    for token in (make_jwt({"id": 1}), "PlainApiKey0123456789"):
        sender, session, _sleeps = transport(response(200, {}))
        sender.settings.set("token", token)
        sender.request("GET", "/x")
        assert len(session.calls) == 1
        assert session.calls[0]["headers"]["Authorization"] == "Bearer " + token


def test_display_path_masks_credentials():
    assert display_path("http://h/v1/ping?apikey=abc&x=1") == "/v1/ping?apikey=<redacted>&x=1"


def test_errors_that_cannot_heal_are_not_retried():
    sender, session, sleeps = transport(requests.exceptions.InvalidURL("bad"))
    with pytest.raises(ConnectionFailed):
        sender.request("GET", "/x", send_token=False)
    assert len(session.calls) == 1 and sleeps == []


def test_503_retry_after_is_honoured_within_bounds():
    sender, session, sleeps = transport(response(503, b"busy", {"Retry-After": "2"}), response(200, {}))
    sender.request("DELETE", "/x", send_token=False)
    assert sleeps == [2.0] and len(session.calls) == 2


def test_certificates_are_checked_unless_the_setting_says_otherwise():
    sender, session, _sleeps = transport(response(200, {}))
    sender.request("GET", "/x", send_token=False)
    assert session.calls[-1]["verify"] is True
    sender.settings.set("validate_certs", False)
    sender.request("GET", "/x", send_token=False)
    assert session.calls[-1]["verify"] is False
    unchecked, session, _sleeps = transport(response(200, {}), validate_certs="false")
    unchecked.request("GET", "/x", send_token=False)
    assert session.calls[-1]["verify"] is False
