# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The options every module shares to reach the balena API, and the SDK client built from them."""

from __future__ import annotations

from ansible.module_utils.basic import env_fallback

from .credentials import recording_env_fallback
from .sdk.urls import has_userinfo
from .timestamps import DATEUTIL_IMPORT_ERROR, HAS_DATEUTIL

try:
    from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena, HAS_REQUESTS, REQUESTS_IMPORT_ERROR
    from ansible_collections.balena.cloud.plugins.module_utils.sdk.semver_tools import HAS_SEMVER, SEMVER_IMPORT_ERROR
    SDK_IMPORT_ERROR = REQUESTS_IMPORT_ERROR
except ImportError as import_error:  # a third-party library of the SDK is missing
    Balena = None
    HAS_REQUESTS = HAS_SEMVER = False
    SDK_IMPORT_ERROR = SEMVER_IMPORT_ERROR = import_error

DEFAULT_API_URL = "https://api.balena-cloud.com"
DEFAULT_MAX_RETRIES = 3

AUTH_ARGUMENT_SPEC = {
    "api_url": {"type": "str", "default": DEFAULT_API_URL, "fallback": (env_fallback, ["BALENA_API_URL"])},
    "api_key": {
        "type": "str",
        "no_log": True,
        "aliases": ["api_token"],
        "fallback": (recording_env_fallback("api_key"), ["BALENA_API_KEY", "BALENA_API_TOKEN"]),
    },
    "actions_url": {"type": "str", "fallback": (env_fallback, ["BALENA_ACTIONS_URL"])},
    "validate_certs": {"type": "bool", "default": True,
                       "fallback": (recording_env_fallback("validate_certs", boolean=True), ["BALENA_VALIDATE_CERTS"])},
    "timeout": {"type": "float", "default": 30.0},
    "max_retries": {"type": "int", "default": DEFAULT_MAX_RETRIES},
}


URL_WITH_USERINFO = ("must not contain a user name or password (user:password@host): the API key is the only credential "
                     "sent; remove them")


def api_url_problem(value):
    return URL_WITH_USERINFO if value and has_userinfo(value) else None


def sdk_available():
    return Balena is not None and HAS_REQUESTS


def missing_library():
    """``(name, import error)`` of the first Python library the modules need that is not installed, or None."""
    for name, present, error in (("requests", Balena is not None and HAS_REQUESTS, SDK_IMPORT_ERROR),
                                 ("semver", HAS_SEMVER, SEMVER_IMPORT_ERROR),
                                 ("python-dateutil", HAS_DATEUTIL, DATEUTIL_IMPORT_ERROR)):
        if not present:
            return name, error
    return None


def connect(params):
    """A logged-in ``Balena`` client for the auth options in ``params`` (``api_url``, ``api_key``,
    ``validate_certs``, ``timeout`` in seconds, optional ``max_retries`` and ``actions_url``).

    Nothing is sent yet: the key is only checked by the first real request.
    """
    settings = {
        "api_endpoint": params["api_url"],
        "data_directory": False,
        "timeout": str(int(params["timeout"] * 1000)),
        "max_retries": str(params.get("max_retries", DEFAULT_MAX_RETRIES)),
        "validate_certs": bool(params["validate_certs"]),
    }
    if params.get("actions_url"):
        settings["actions_endpoint"] = params["actions_url"]
    balena = Balena(settings)
    balena.auth.login_with_token(params["api_key"])
    return balena
