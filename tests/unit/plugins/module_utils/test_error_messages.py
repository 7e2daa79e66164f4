from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils.errors import balena_message, describe
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import (
    ApplicationNotFound,
    ConnectionFailed,
    RequestError,
)


def test_balena_message_reads_json_strings_objects_and_text():
    assert balena_message('"\\"name\\" must be unique."') == '"name" must be unique.'
    assert balena_message('{"message": "nope"}') == "nope"
    assert balena_message("plain text") == "plain text"
    assert balena_message("") == ""


def test_request_errors_name_action_status_message_and_request():
    error = RequestError('"Tag keys cannot contain whitespace."', status_code=400, method="POST", path="/v7/device_tag")
    message, failure = describe(error, "creating tag 'a b' on device 123")
    assert message == ("creating tag 'a b' on device 123 failed: HTTP 400 from the balena API: "
                       "Tag keys cannot contain whitespace. (POST /v7/device_tag)")
    assert failure == {"code": "RequestError", "status": 400, "message": "Tag keys cannot contain whitespace.",
                       "method": "POST", "path": "/v7/device_tag"}


def test_empty_bodies_and_connection_failures_still_read_well():
    message = describe(RequestError("", status_code=500, method="GET", path="/v7/x"))[0]
    assert message == "HTTP 500 from the balena API: Internal Server Error (GET /v7/x)"
    page = "<!DOCTYPE html><title>Error</title><pre>PayloadTooLargeError</pre>"
    message = describe(RequestError(page, status_code=413, method="PATCH", path="/v7/device", reason="Payload Too Large"))[0]
    assert message == "HTTP 413 from the balena API: Payload Too Large (PATCH /v7/device)"
    message, failure = describe(ConnectionFailed("connection failed after 3 retries", method="GET", path="/v7/x"))
    assert message == "connection failed after 3 retries (GET /v7/x)"
    assert failure["status"] is None


def test_sdk_exceptions_keep_their_message():
    message, failure = describe(ApplicationNotFound("org/app"), "looking up fleet org/app")
    assert message == "looking up fleet org/app failed: Application not found: org/app"
    assert failure == {"code": "ApplicationNotFound", "message": "Application not found: org/app"}


def test_empty_authorization_failures_say_what_they_mean():
    message, failure = describe(RequestError("", status_code=401, method="GET", path="/v7/device(5)?$select=id"), "looking up device id 5")
    assert message == ("looking up device id 5 failed: HTTP 401 from the balena API: Unauthorized: the API key is not valid "
                       "(mistyped, expired or revoked), or it may not see device(5) (GET /v7/device(5))")
    assert failure["status"] == 401 and failure["message"] == ("Unauthorized: the API key is not valid (mistyped, expired or "
                                                               "revoked), or it may not see device(5)")
    message = describe(RequestError("", status_code=403, method="PATCH", path="/v7/application(3)"))[0]
    assert message == "HTTP 403 from the balena API: Forbidden: the API key may not change application(3) (PATCH /v7/application(3))"
    assert "no message" not in describe(RequestError("", status_code=401, method="POST", path="/supervisor/v1/reboot"))[0]


def test_authorization_failures_say_whether_the_key_was_accepted():
    refused = RequestError("", status_code=401, method="POST", path="/v7/application_tag")
    assert "the API key was refused: it is not valid" in describe(refused, key_valid=False)[0]
    assert "read-only for application_tag" in describe(refused, key_valid=True)[0]
    hidden = RequestError("", status_code=401, method="GET", path="/v7/device(5)?$select=id")
    assert describe(hidden, key_valid=True)[0] == (
        "HTTP 401 from the balena API: the API key is valid but may not see device(5) (GET /v7/device(5))")


def test_authorization_failures_with_a_message_keep_it():
    message = describe(RequestError('"Unauthorized to see this"', status_code=401, method="GET", path="/v7/x"))[0]
    assert message == "HTTP 401 from the balena API: Unauthorized to see this (GET /v7/x)"
