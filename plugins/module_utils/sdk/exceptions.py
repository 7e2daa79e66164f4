# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Exceptions of the SDK: the class names and ``message`` texts of the official SDK 17.3.0.

Every exception carries ``code`` (the class name), ``exit_code`` (1) and ``message``;
``str(e)`` is the message (for ``RequestError`` it also names the status, method and path).
"""

from __future__ import annotations


class BalenaException(Exception):
    def __init__(self, message=""):
        super().__init__(message)
        self.code = self.__class__.__name__
        self.exit_code = 1
        self.message = message

    def __str__(self):
        return self.message

    def __repr__(self):
        return "%s(%r)" % (self.__class__.__name__, self.message)


class MissingOption(BalenaException):
    def __init__(self, option):
        super().__init__("Missing option: {0}".format(option))


class SupervisorLocked(BalenaException):
    def __init__(self):
        super().__init__("Supervisor is locked")


class InvalidOption(BalenaException):
    def __init__(self, option):
        super().__init__("Invalid option: {0}".format(option))


class NonAllowedOption(BalenaException):
    def __init__(self, option):
        super().__init__("Non allowed option: {0}".format(option))


class InvalidDeviceType(BalenaException):
    def __init__(self, dev_type):
        super().__init__("Invalid device type: {0}".format(dev_type))


class MalformedToken(BalenaException):
    # The official message embeds the token; a credential never goes into a message here.
    def __init__(self, token=None):
        super().__init__("Malformed token: <redacted>")


class ApplicationNotFound(BalenaException):
    def __init__(self, application):
        super().__init__("Application not found: {0}".format(application))


class DeviceNotFound(BalenaException):
    def __init__(self, uuid):
        super().__init__("Device not found: {0}".format(uuid))


class KeyNotFound(BalenaException):
    def __init__(self, key):
        super().__init__("Key not found: {0}".format(key))


class RequestError(BalenaException):
    """A request that did not succeed: an HTTP error status, or no usable response at all.

    ``status_code`` is None when the server never answered (connection failure, timeout). An
    answer with an empty body is described by its status and ``reason`` (``HTTP 401 Unauthorized``).
    """

    def __init__(self, body, status_code=None, method=None, path=None, detail=None, reason=None):
        said = body
        if (body is None or body == "") and status_code is not None:
            said = " ".join(str(part) for part in ("HTTP", status_code, reason) if part)
        super().__init__("Request error: {0}".format(said))
        self.body = body
        self.status_code = status_code
        self.method = method
        self.path = path
        self.detail = detail
        self.reason = reason

    def __str__(self):
        where = " ".join(part for part in (self.method, self.path) if part)
        status = "HTTP {0}".format(self.status_code) if self.status_code is not None else "no response"
        context = ", ".join(part for part in (status, where, self.detail) if part)
        return "{0} ({1})".format(self.message, context)


class RequestTimeout(RequestError):
    """The server did not answer within the ``timeout`` setting."""


class ConnectionFailed(RequestError):
    """The connection could not be made or was dropped."""


class InvalidRequest(RequestError):
    """The request could not be sent as it was made (a header value HTTP does not allow)."""


class NotLoggedIn(BalenaException):
    def __init__(self):
        super().__init__("You have to log in!")


class Unauthorized(BalenaException):
    def __init__(self):
        super().__init__("You have to log in or BALENA_API_KEY environment variable must be set!")


class LoginFailed(BalenaException):
    def __init__(self):
        super().__init__("Invalid credentials")


class DeviceOffline(BalenaException):
    def __init__(self, uuid):
        super().__init__("Device is offline: {0}".format(uuid))


class DeviceNotWebAccessible(BalenaException):
    def __init__(self, uuid):
        super().__init__("Device is not web accessible: {0}".format(uuid))


class IncompatibleApplication(BalenaException):
    def __init__(self, application):
        super().__init__("Incompatible application: {0}".format(application))


class UnsupportedFunction(BalenaException):
    def __init__(self, required_version, current_version):
        super().__init__(
            "Unsupported function! Supervisor version v{0} required, current supervisor version is v{1}.".format(
                required_version, current_version))


class AmbiguousApplication(BalenaException):
    def __init__(self, application):
        super().__init__("Application is ambiguous: {0}".format(application))


class AmbiguousDevice(BalenaException):
    def __init__(self, uuid):
        super().__init__("Device is ambiguous: {0}".format(uuid))


class InvalidParameter(BalenaException):
    def __init__(self, parameter, value):
        super().__init__("Invalid parameter: {0} is not a valid value for parameter `{1}`".format(value, parameter))


class ImageNotFound(BalenaException):
    def __init__(self, image_id):
        super().__init__("Image not found: {0}".format(image_id))


class ReleaseNotFound(BalenaException):
    def __init__(self, release_id):
        super().__init__("Release not found: {0}".format(release_id))


class AmbiguousRelease(BalenaException):
    def __init__(self, commit):
        super().__init__("Release commit is ambiguous: {0}".format(commit))


class ServiceNotFound(BalenaException):
    def __init__(self, service_id):
        super().__init__("Service not found: {0}".format(service_id))


class InvalidApplicationType(BalenaException):
    def __init__(self, app_type):
        super().__init__("Invalid application type: {0}".format(app_type))


class UnsupportedFeature(BalenaException):
    def __init__(self):
        super().__init__("You have to log in using credentials or Auth Token to use this function!")


class OsUpdateError(BalenaException):
    def __init__(self, message):
        super().__init__("OS update failed: {0}".format(message))


class BuilderRequestError(BalenaException):
    def __init__(self, message):
        super().__init__(message)


class LocalModeError(BalenaException):
    def __init__(self, message):
        super().__init__(message)


class LocalSupervisorNotFound(BalenaException):
    def __init__(self):
        super().__init__("You must either set a UUID/ID or be running inside a balena device with supervisor API enabled")


class OrganizationNotFound(BalenaException):
    def __init__(self, organization):
        super().__init__("Organization not found: {0}".format(organization))


class OrganizationMembershipNotFound(BalenaException):
    def __init__(self, org_membership):
        super().__init__("Organization membership not found: {0}".format(org_membership))


class BalenaDiscontinuedDeviceType(BalenaException):
    def __init__(self, type):  # pylint: disable=redefined-builtin
        super().__init__("Discontinued device type: {0}".format(type))


class BalenaOrganizationMembershipRoleNotFound(BalenaException):
    def __init__(self, role_name):
        super().__init__("Organization membership role not found: {0}".format(role_name))


class BalenaApplicationMembershipRoleNotFound(BalenaException):
    def __init__(self, role_name):
        super().__init__("Application membership role not found: {0}".format(role_name))


class ApplicationMembershipNotFound(BalenaException):
    def __init__(self, membership):
        super().__init__("Application membership not found: {0}".format(membership))


class BalenaInvalidDeviceType(BalenaException):
    def __init__(self, device_type):
        super().__init__("Invalid device type: {0}".format(device_type))


class TooManyRequests(BalenaException):
    def __init__(self):
        super().__init__("Too Many Requests")


class TeamNotFound(BalenaException):
    def __init__(self, team_id):
        super().__init__("Team not found: {0}".format(team_id))


class TeamApplicationAccessNotFound(BalenaException):
    def __init__(self, team_application_access_id):
        super().__init__("Team application access not found: {0}".format(team_application_access_id))


class TeamMembershipNotFound(BalenaException):
    def __init__(self, membership_id):
        super().__init__("Team Membership not found: {0}".format(membership_id))
