# -*- coding: utf-8 -*-
"""Exception classes and messages are those of the official SDK 17.3.0."""

from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import exceptions

MESSAGES = [
    ("MissingOption", ("x",), "Missing option: x"),
    ("SupervisorLocked", (), "Supervisor is locked"),
    ("InvalidOption", ("x",), "Invalid option: x"),
    ("NonAllowedOption", ("x",), "Non allowed option: x"),
    ("InvalidDeviceType", ("x",), "Invalid device type: x"),
    ("ApplicationNotFound", ("x",), "Application not found: x"),
    ("DeviceNotFound", ("x",), "Device not found: x"),
    ("KeyNotFound", ("x",), "Key not found: x"),
    ("RequestError", ("body", 500), "Request error: body"),
    ("NotLoggedIn", (), "You have to log in!"),
    ("Unauthorized", (), "You have to log in or BALENA_API_KEY environment variable must be set!"),
    ("LoginFailed", (), "Invalid credentials"),
    ("DeviceOffline", ("x",), "Device is offline: x"),
    ("DeviceNotWebAccessible", ("x",), "Device is not web accessible: x"),
    ("IncompatibleApplication", ("x",), "Incompatible application: x"),
    ("UnsupportedFunction", ("7.0.0", "6.0.0"),
     "Unsupported function! Supervisor version v7.0.0 required, current supervisor version is v6.0.0."),
    ("AmbiguousApplication", ("x",), "Application is ambiguous: x"),
    ("AmbiguousDevice", ("x",), "Device is ambiguous: x"),
    ("InvalidParameter", ("uuid", "x"), "Invalid parameter: x is not a valid value for parameter `uuid`"),
    ("ImageNotFound", (1,), "Image not found: 1"),
    ("ReleaseNotFound", (1,), "Release not found: 1"),
    ("AmbiguousRelease", ("c",), "Release commit is ambiguous: c"),
    ("ServiceNotFound", (1,), "Service not found: 1"),
    ("InvalidApplicationType", ("x",), "Invalid application type: x"),
    ("UnsupportedFeature", (), "You have to log in using credentials or Auth Token to use this function!"),
    ("OsUpdateError", ("why",), "OS update failed: why"),
    ("BuilderRequestError", ("as given",), "as given"),
    ("LocalModeError", ("Device is not yet fully provisioned",), "Device is not yet fully provisioned"),
    ("LocalSupervisorNotFound", (), "You must either set a UUID/ID or be running inside a balena device with supervisor API enabled"),
    ("OrganizationNotFound", ("o",), "Organization not found: o"),
    ("OrganizationMembershipNotFound", (1,), "Organization membership not found: 1"),
    ("BalenaDiscontinuedDeviceType", ("t",), "Discontinued device type: t"),
    ("BalenaOrganizationMembershipRoleNotFound", ("r",), "Organization membership role not found: r"),
    ("BalenaApplicationMembershipRoleNotFound", ("r",), "Application membership role not found: r"),
    ("ApplicationMembershipNotFound", (1,), "Application membership not found: 1"),
    ("BalenaInvalidDeviceType", ("t",), "Invalid device type: t"),
    ("TooManyRequests", (), "Too Many Requests"),
    ("TeamNotFound", (1,), "Team not found: 1"),
    ("TeamApplicationAccessNotFound", (1,), "Team application access not found: 1"),
    ("TeamMembershipNotFound", (1,), "Team Membership not found: 1"),
]


@pytest.mark.parametrize("name, arguments, message", MESSAGES)
def test_class_and_message(name, arguments, message):
    error = getattr(exceptions, name)(*arguments)
    assert isinstance(error, exceptions.BalenaException)
    assert error.message == message
    assert error.code == name and error.exit_code == 1


def test_request_error_context_in_str_only():
    error = exceptions.RequestError("nope", status_code=404, method="GET", path="/v7/device(1)")
    assert error.message == "Request error: nope"
    assert str(error) == "Request error: nope (HTTP 404, GET /v7/device(1))"
    assert error.body == "nope" and error.status_code == 404


def test_transport_failures_are_request_errors():
    assert issubclass(exceptions.RequestTimeout, exceptions.RequestError)
    assert issubclass(exceptions.ConnectionFailed, exceptions.RequestError)
    assert exceptions.RequestTimeout("slow").status_code is None


def test_malformed_token_never_shows_the_token():
    error = exceptions.MalformedToken("secret.token.value")
    assert "secret" not in error.message and "secret" not in repr(error)
