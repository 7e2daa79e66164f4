# -*- coding: utf-8 -*-
"""The transport against servers that misbehave: redirects to another origin, trickled answers, untrusted TLS."""

from __future__ import annotations

import json
import socket
import time

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    ConnectionFailed, InvalidRequest, RequestError, RequestTimeout)
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


@pytest.mark.parametrize("status", [301, 302, 307])
def test_a_read_redirected_to_another_origin_is_refused_naming_both(status):
    with serving(answer_odata) as (elsewhere, seen_elsewhere):
        with serving(redirect_to(lambda path: elsewhere + "/base" + path, status)) as (api, _seen):
            sdk = sdk_at(api)
            sdk.auth.login_with_token(TOKEN)
            with pytest.raises(RequestError) as caught:
                sdk.pine.get(DEVICE_TYPES)
    assert seen_elsewhere.requests == []
    assert caught.value.status_code == status
    message = str(caught.value)
    assert "{0} redirected the request to another origin, {1}".format(api, elsewhere) in message
    assert "set api_endpoint to {0}/base (".format(elsewhere) in message
    assert TOKEN not in message


def test_a_redirect_from_http_to_https_is_another_origin():
    with serving(redirect_to(lambda path: "https://127.0.0.1:1" + path, 301)) as (api, _seen):
        sdk = sdk_at(api)
        sdk.auth.login_with_token(TOKEN)
        with pytest.raises(RequestError) as caught:
            sdk.pine.get(DEVICE_TYPES)
    assert "set api_endpoint to https://127.0.0.1:1 (" in str(caught.value)


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


def test_a_token_with_a_line_break_is_named_without_being_shown():
    with serving(answer_odata) as (api, seen):
        sdk = sdk_at(api)
        sdk.auth.login_with_token(TOKEN + "\n")
        with pytest.raises(InvalidRequest) as caught:
            sdk.pine.get(DEVICE_TYPES)
    assert seen.requests == []
    assert "line break" in str(caught.value) and "could not connect" not in str(caught.value)
    assert TOKEN not in str(caught.value)


def test_a_host_name_that_does_not_resolve_is_named():
    sdk = sdk_at("http://no-such-host.invalid")
    sdk.auth.login_with_token(TOKEN)
    with pytest.raises(ConnectionFailed) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert "the host name no-such-host.invalid could not be resolved" in str(caught.value)


def test_a_user_and_password_in_the_api_endpoint_never_appear_in_messages():
    with socket.socket() as unused:
        unused.bind(("127.0.0.1", 0))
        port = unused.getsockname()[1]
    sdk = sdk_at("http://someone:hunter2@127.0.0.1:{0}".format(port))
    sdk.auth.login_with_token(TOKEN)
    with pytest.raises(ConnectionFailed) as caught:
        sdk.pine.get(DEVICE_TYPES)
    assert "could not connect to http://127.0.0.1:{0}".format(port) in str(caught.value)
    assert "hunter2" not in str(caught.value) and "someone" not in str(caught.value)
