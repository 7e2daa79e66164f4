# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SDK settings: defaults, the settings file, the environment and the constructor, in rising priority.

The environment gives ``BALENA_API_URL`` (``api_endpoint``) and ``BALENA_ACTIONS_URL``
(``actions_endpoint``). Settings of ours, beyond the official SDK:

* ``actions_endpoint``: base URL of the actions service that starts host OS updates, without the
  ``v1/``/``v2/`` part. When unset it is ``https://actions.<deviceUrlsBase>/`` from the API's
  ``GET /config``, as the official SDK does; a self-hosted API or a local emulator names its own.
  The token is sent there because the user (or the API) named it.
* ``validate_certs``: whether TLS certificates are checked (default true); false only for a
  trusted server with a self-signed certificate.
* ``max_retries``, ``retry_backoff``, ``max_rate_limit_retries``, ``max_rate_limit_wait``: bounded
  retries (times in milliseconds).

The file is the official SDK's ``<data_directory>/balena.cfg`` (INI, section ``[Settings]``),
so both SDKs can share it. It is written only when something is set or removed (a login),
into a 0700 directory with mode 0600, atomically. ``{"data_directory": False}`` keeps
everything in memory.
"""

from __future__ import annotations

import configparser
import io
import os
import re
import threading
from urllib.parse import urlsplit, urlunsplit

from .exceptions import InvalidOption, InvalidParameter
from .private_file import write_private_file

DEFAULT_SETTINGS = {
    "balena_host": "balena-cloud.com",
    "api_version": "v7",
    "device_actions_endpoint_version": "v1",
    "image_cache_time": str(7 * 24 * 60 * 60 * 1000),
    "token_refresh_interval": str(60 * 60 * 1000),
    "timeout": str(30 * 1000),
    "request_limit_interval": "60",
    "retry_rate_limited_request": True,
    # Ours, beyond the official SDK (see the module docstring).
    "validate_certs": True,
    "max_retries": "3",
    "retry_backoff": "500",
    "max_rate_limit_retries": "5",
    "max_rate_limit_wait": "60000",
}

# Keys the official SDK requires in a settings file it reads.
_FILE_KEYS = (
    "balena_host", "builder_url", "pine_endpoint", "api_endpoint", "api_version", "data_directory", "image_cache_time",
    "token_refresh_interval", "cache_directory", "timeout", "device_actions_endpoint_version", "retry_rate_limited_request",
)


# Settings that hold a base URL, normalised wherever they come from.
URL_KEYS = ("api_endpoint", "actions_endpoint")


def normalise_api_url(url, key="api_endpoint"):
    """An http(s) base URL with a trailing slash; anything else is rejected.

    An API URL copied with its version (``https://api.example.com/v7``, ``/V7/``, ``/v7//``) names
    the same API: the version is added to every request, so it is left out here, as are extra
    trailing slashes.
    """
    parts = urlsplit(str(url).strip())
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise InvalidParameter(key, url)
    path = parts.path.rstrip("/")
    if key == "api_endpoint":
        path = re.sub(r"/v\d+$", "", path, flags=re.IGNORECASE).rstrip("/")
    path += "/"
    return urlunsplit((parts.scheme, parts.netloc, path, "", ""))


def builder_url_for(api_url):
    """balenaCloud's builder sits beside the API (``api.X`` -> ``builder.X``); elsewhere it is the same origin."""
    parts = urlsplit(api_url)
    host = parts.netloc
    if host.startswith("api."):
        host = "builder." + host[len("api."):]
    return urlunsplit((parts.scheme, host, "/", "", ""))


def _urls_for_host(host):
    return {"api_endpoint": "https://api.{0}/".format(host), "builder_url": "https://builder.{0}/".format(host)}


def _as_setting(value):
    return value if isinstance(value, bool) else str(value)


class Settings:
    """``get``/``set``/``has``/``remove``/``get_all`` as in the official SDK."""

    def __init__(self, settings_config=None):
        given = dict(settings_config or {})
        self._lock = threading.RLock()
        self._in_memory = given.get("data_directory") is False
        self._section = os.environ.get("BALENA_SETTINGS_CONFIG_SECTION", "Settings")
        self._filename = os.environ.get("BALENA_SETTINGS_CONFIG_FILENAME", "balena.cfg")
        if given.get("data_directory") in (None, True):
            home = os.environ.get("BALENA_SETTINGS_HOME_DIRECTORY") or os.path.expanduser("~")
            given["data_directory"] = os.path.join(home, ".balena")
        self._given = self._expand_given(given)
        self._env = self._environment_layer()
        self._stored = {}
        self._stamp = None
        self._file_exists = False
        self._values = {}
        if not self._in_memory:
            self._load_file()
        self._compose()

    @staticmethod
    def _expand_given(given):
        if given.get("actions_endpoint") is None:
            given.pop("actions_endpoint", None)  # unset: derived from the API's /config when needed
        for key in URL_KEYS:
            if key in given:
                given[key] = normalise_api_url(given[key], key)
        if "balena_host" in given:
            for key, url in _urls_for_host(given["balena_host"]).items():
                given.setdefault(key, url)
        if "api_endpoint" in given:
            given.setdefault("builder_url", builder_url_for(given["api_endpoint"]))
        return given

    @staticmethod
    def _environment_layer():
        layer = {}
        url = os.environ.get("BALENA_API_URL")
        if url:
            layer["api_endpoint"] = normalise_api_url(url)
            layer["builder_url"] = builder_url_for(layer["api_endpoint"])
        actions = os.environ.get("BALENA_ACTIONS_URL")
        if actions:
            layer["actions_endpoint"] = normalise_api_url(actions, "actions_endpoint")
        return layer

    @property
    def path(self):
        """The settings file, or None in memory mode."""
        if self._in_memory:
            return None
        return os.path.join(str(self._given["data_directory"]), self._filename)

    def _compose(self):
        values = dict(DEFAULT_SETTINGS)
        values.update(_urls_for_host(values["balena_host"]))
        values.update(self._stored)
        values.update(self._env)
        values.update(self._given)
        # The API version belongs to the code, not to a file written by another version.
        values["api_version"] = self._given.get("api_version", DEFAULT_SETTINGS["api_version"])
        values["pine_endpoint"] = "{0}/{1}/".format(str(values["api_endpoint"]).rstrip("/"), values["api_version"])
        if not self._in_memory:
            values["cache_directory"] = os.path.join(str(values["data_directory"]), "cache")
        self._values = values

    def _load_file(self):
        path = self.path
        try:
            stat = os.stat(path)
        except OSError:
            self._stored, self._stamp, self._file_exists = {}, None, False
            return
        parser = configparser.RawConfigParser()
        try:
            parser.read(path, encoding="utf-8")
            items = parser.items(self._section) if parser.has_section(self._section) else []
        except (configparser.Error, OSError, UnicodeError):
            items = []
        stored = {}
        for key, value in items:
            if value in ("true", "false"):
                value = value == "true"
            stored[key] = value
        for key in ("api_version", "pine_endpoint", "cache_directory", "data_directory"):
            stored.pop(key, None)
        if "balena_host" in stored and "api_endpoint" not in stored:
            stored.update(_urls_for_host(stored["balena_host"]))
        self._stored, self._stamp, self._file_exists = stored, (stat.st_mtime_ns, stat.st_size), True

    def _refresh_if_changed(self):
        if self._in_memory:
            return
        try:
            stat = os.stat(self.path)
            stamp = (stat.st_mtime_ns, stat.st_size)
        except OSError:
            stamp = None
        if stamp != self._stamp:
            self._load_file()
            self._compose()

    def _write_file(self):
        directory = str(self._given["data_directory"])
        if not self._file_exists:
            # A new file carries every key the official SDK expects, so it can read it too.
            content = dict(self._values)
            content.update(self._stored)
        else:
            content = dict(self._stored)
            for key in _FILE_KEYS:
                content.setdefault(key, self._values.get(key))
        content["data_directory"] = directory
        content["cache_directory"] = os.path.join(directory, "cache")
        content["pine_endpoint"] = self._values["pine_endpoint"]
        content["api_version"] = self._values["api_version"]
        parser = configparser.RawConfigParser()
        parser.add_section(self._section)
        for key, value in content.items():
            if value is None:
                continue
            parser.set(self._section, key, ("true" if value else "false") if isinstance(value, bool) else str(value))
        os.makedirs(directory, mode=0o700, exist_ok=True)
        try:
            os.chmod(directory, 0o700)
        except OSError:
            pass
        text = io.StringIO()
        parser.write(text)
        write_private_file(self.path, text.getvalue(), prefix=".balena-")
        self._load_file()

    def has(self, key):
        with self._lock:
            self._refresh_if_changed()
            return key in self._values

    def get(self, key):
        with self._lock:
            self._refresh_if_changed()
            try:
                return self._values[key]
            except KeyError:
                raise InvalidOption(key) from None

    def get_all(self):
        with self._lock:
            self._refresh_if_changed()
            return dict(self._values)

    def set(self, key, value):
        with self._lock:
            value = _as_setting(value)
            if key in URL_KEYS:
                value = normalise_api_url(value, key)
            self._refresh_if_changed()
            if key in self._given or key in self._env:
                # A value the constructor (or environment) pinned is changed for this instance too.
                self._given[key] = value
            self._stored[key] = value
            if not self._in_memory:
                self._write_file()
            self._compose()

    def remove(self, key):
        with self._lock:
            self._refresh_if_changed()
            existed = key in self._values
            self._given.pop(key, None)
            self._env.pop(key, None)
            in_file = self._stored.pop(key, None) is not None
            if in_file and not self._in_memory:
                self._write_file()
            # A default or derived key is reset rather than removed.
            self._compose()
            return existed
