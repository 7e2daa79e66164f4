# -*- coding: utf-8 -*-
"""The transport against servers that misbehave: redirects to another origin, trickled answers, untrusted TLS."""

from __future__ import annotations

import json
import socket
import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import ConnectionFailed, RequestError, RequestTimeout
from hostile_servers import self_signed_certificate, send, serving

PASSWORD = "correct horse battery staple"
TOKEN = "a-session-token-never-to-leak"
DEVICE_TYPES = {"resource": "device_type", "options": {"$select": "slug"}}


def sdk_at(url, **settings):
    values = {"data_directory": False, "api_endpoint": url, "max_retries": "0"}
    values.update(settings)
    return Balena(values)


def answer_odata(handler, _body):
    send(handler, 200, json.dumps({"d": [{"slug": "raspberrypi4-64"}]}).encode(), {"Content-Type": "application/json"})


def redirect_to(location, status):
    def answer(handler, _body):
        send(handler, status, headers={"Location": location(handler.path)})
    return answer


def test_a_login_redirected_to_another_origin_does_not_send_the_password_there():
    with serving(answer_odata) as (elsewhere, seen_elsewhere):
        with serving(redirect_to(lambda path: elsewhere + path, 307)) as (api, _seen):
            with pytest.raises(RequestError) as caught:
                sdk_at(api).auth.login(username="demo", password=PASSWORD)
    assert seen_elsewhere.requests == []
    assert caught.value.status_code == 307
    assert "another origin" in str(caught.value) and PASSWORD not in str(caught.value)


def test_a_read_redirected_to_another_origin_goes_there_without_the_token():
    with serving(answer_odata) as (elsewhere, seen_elsewhere):
        with serving(redirect_to(lambda path: elsewhere + path, 302)) as (api, _seen):
            sdk = sdk_at(api)
            sdk.auth.login_with_token(TOKEN)
            assert sdk.pine.get(DEVICE_TYPES) == [{"slug": "raspberrypi4-64"}]
    [(method, path, headers, _body)] = seen_elsewhere.requests
    assert (method, path.split("?")[0]) == ("GET", "/v7/device_type")
    assert not [value for value in headers.values() if TOKEN in value]


def test_redirects_within_the_api_keep_the_body_and_the_token():
    def api_answer(handler, body):
        if handler.path == "/login_":
            send(handler, 307, headers={"Location": "/login-here"})
        elif handler.path == "/login-here":
            ok = json.loads(body)["password"] == PASSWORD
            send(handler, 200 if ok else 401, (TOKEN if ok else "").encode())
        elif handler.path.startswith("/v7/device_type"):
            send(handler, 308, headers={"Location": "/v7/moved" + handler.path[len("/v7/device_type"):]})
        elif handler.headers.get("Authorization") == "Bearer " + TOKEN:
            answer_odata(handler, body)
        else:
            send(handler, 401)

    with serving(api_answer) as (api, seen):
        sdk = sdk_at(api)
        sdk.auth.login(username="demo", password=PASSWORD)
        assert sdk.pine.get(DEVICE_TYPES) == [{"slug": "raspberrypi4-64"}]
    assert [path.split("?")[0] for _method, path, _headers, _body in seen.requests] == [
        "/login_", "/login-here", "/v7/device_type", "/v7/moved"]


def trickle(handler, _body):
    handler.send_response(200)
    handler.send_header("Content-Type", "application/json")
    handler.send_header("Content-Length", "1000")
    handler.end_headers()
    try:
        for _byte in range(1000):
            handler.wfile.write(b" ")
            handler.wfile.flush()
            time.sleep(0.1)
    except OSError:
        pass  # the client gave up, as it should


def test_a_trickling_server_holds_a_call_no_longer_than_its_timeout():
    with serving(trickle) as (api, _seen):
        sdk = sdk_at(api, timeout="1000")
        sdk.auth.login_with_token(TOKEN)
        started = time.monotonic()
        with pytest.raises(RequestTimeout) as caught:
            sdk.pine.get(DEVICE_TYPES)
        elapsed = time.monotonic() - started
    assert elapsed < 2.0
    assert api in str(caught.value) and "timeout" in str(caught.value)


def test_a_trickled_read_is_retried_within_its_bounds():
    with serving(trickle) as (api, seen):
        sdk = sdk_at(api, timeout="500", max_retries="1", retry_backoff="10")
        sdk.auth.login_with_token(TOKEN)
        started = time.monotonic()
        with pytest.raises(RequestTimeout):
            sdk.pine.get(DEVICE_TYPES)
        assert time.monotonic() - started < 2.0
    assert len(seen.requests) == 2


@pytest.mark.filterwarnings("ignore::urllib3.exceptions.InsecureRequestWarning")
def test_an_untrusted_certificate_is_named_with_the_setting_that_matters(tmp_path):
    with serving(answer_odata, tls_files=self_signed_certificate(tmp_path)) as (api, _seen):
        sdk = sdk_at(api)
        sdk.auth.login_with_token(TOKEN)
        with pytest.raises(ConnectionFailed) as caught:
            sdk.pine.get(DEVICE_TYPES)
        insecure = sdk_at(api, validate_certs=False)
        insecure.auth.login_with_token(TOKEN)
        assert insecure.pine.get(DEVICE_TYPES) == [{"slug": "raspberrypi4-64"}]
    message = str(caught.value)
    assert "certificate of 127.0.0.1 was not trusted" in message and "validate_certs" in message


def test_a_refused_connection_names_the_api_url():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        api = "http://127.0.0.1:{0}".format(unused.getsockname()[1])
    sdk = sdk_at(api)
    sdk.auth.login_with_token(TOKEN)
    with pytest.raises(ConnectionFailed) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert "could not connect to " + api in str(caught.value)


@pytest.mark.parametrize("status, reason", [(400, "Bad Request"), (401, "Unauthorized")])
def test_an_error_with_an_empty_body_says_the_status_and_reason(status, reason):
    with serving(lambda handler, _body: send(handler, status)) as (api, _seen):
        sdk = sdk_at(api)
        sdk.auth.login_with_token(TOKEN)
        with pytest.raises(RequestError) as caught:
            sdk.pine.get(DEVICE_TYPES)
    assert caught.value.message == "Request error: HTTP {0} {1}".format(status, reason)
    assert caught.value.body == ""
