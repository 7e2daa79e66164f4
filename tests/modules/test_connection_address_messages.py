"""What a module says when api_url, or the server behind it, leads elsewhere: a redirect to another origin, a
wrong path, a host name that does not resolve, credentials written into the URL."""
from __future__ import annotations

import json

from ansible_collections.balena.cloud.plugins.modules import balena_application_info

from tests.sdk.hostile_servers import send, serving

from .module_runner import run_module


def redirecting(location, status=301):
    def answer(handler, _body):
        send(handler, status, headers={"Location": location(handler.path)})
    return answer


def other_origin(url):
    """The same server under another name: ``localhost`` for ``127.0.0.1``."""
    return url.replace("127.0.0.1", "localhost")


def info(api_url, key):
    return run_module(balena_application_info.main, {"api_url": api_url, "api_key": key, "max_retries": 0})


def test_a_redirect_to_another_origin_is_named_not_taken_for_a_wrong_key(emulator):
    target = other_origin(emulator.url)
    with serving(redirecting(lambda path: target + path)) as (api, _seen):
        result = info(api, emulator.credentials["api_key"])
    assert result["failed"] and result["failure"]["status"] == 301
    message = result["msg"]
    assert "not valid" not in message
    assert "{0} redirected the request to another origin, {1}".format(api, target) in message
    assert "set api_url to " + target in message
    assert result["failure"]["message"] in message


def test_a_redirected_read_does_not_return_another_servers_data(emulator):
    def no_fleets(handler, _body):
        send(handler, 200, json.dumps({"d": []}).encode(), {"Content-Type": "application/json"})

    with serving(no_fleets) as (elsewhere, seen_elsewhere):
        with serving(redirecting(lambda path: elsewhere + path, 307)) as (api, _seen):
            result = info(api, emulator.credentials["api_key"])
    assert result["failed"] and result["failure"]["status"] == 307
    assert elsewhere in result["msg"] and "applications" not in result
    assert seen_elsewhere.requests == []


def test_api_url_with_a_user_and_password_is_refused_without_showing_them(emulator):
    url = emulator.url.replace("http://", "http://someone:hunter2@")
    result = info(url, emulator.credentials["api_key"])
    assert result["failed"] and result["failure"]["parameter"] == "api_url"
    assert "user name or password" in result["msg"]
    assert "hunter2" not in json.dumps(result) and "someone" not in json.dumps(result)


def test_api_url_with_a_version_in_any_case_or_extra_slashes_works(emulator):
    for suffix in ("/v7//", "/V7", "//"):
        result = info(emulator.url + suffix, emulator.credentials["api_key"])
        assert not result.get("failed") and result["applications"], (suffix, result)


def test_api_url_with_a_wrong_path_says_it_may_be_wrong(emulator):
    result = info(emulator.url + "/foo", emulator.credentials["api_key"])
    assert result["failed"] and result["failure"]["status"] == 404
    assert "api_url ({0}/foo) may be wrong".format(emulator.url) in result["msg"]
    assert result["failure"]["message"] in result["msg"]


def test_a_host_name_that_does_not_resolve_is_named(emulator):
    result = info("http://no-such-host.invalid", "k")
    assert result["failed"] and result["failure"]["code"] == "ConnectionFailed"
    assert "the host name no-such-host.invalid could not be resolved" in result["msg"]
