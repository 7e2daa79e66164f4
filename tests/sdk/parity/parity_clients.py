# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Both SDKs pointed at an emulator, in memory or with a settings file, without changing either.

The official SDK derives every URL from ``balena_host``; in memory the endpoint is a setting and
PineClient's cached OData prefix is replaced, with a settings file the file names the emulator
(the documented ways of pointing it elsewhere). Ours takes the URL in its constructor.
"""

from __future__ import annotations

import configparser
import contextlib
import ipaddress
import os
import socket

FLAVOURS = ("official", "ours")
MODES = ("file", "memory")

# What the official SDK insists on finding in a settings file it did not write itself.
_OFFICIAL_FILE_DEFAULTS = {
    "balena_host": "balena-cloud.com",
    "api_version": "v7",
    "device_actions_endpoint_version": "v1",
    "image_cache_time": "604800000",
    "token_refresh_interval": "3600000",
    "timeout": "30000",
    "request_limit_interval": "60",
    "retry_rate_limited_request": "false",
}


def make_client(flavour, mode, url, data_directory=None):
    """A logged-out SDK of ``flavour`` ("official" or "ours") in settings ``mode`` ("file" or "memory").

    In file mode the settings file (and so the session) is that of ``data_directory``.
    """
    if mode == "file" and not data_directory:
        raise ValueError("file mode needs a data directory")
    if flavour == "official":
        return _official(mode, url, data_directory)
    if flavour == "ours":
        return _ours(mode, url, data_directory)
    raise ValueError("unknown SDK flavour %r" % flavour)


class ClientFactory:
    """Clients for one run: in file mode each gets a data directory of its own under ``root``,
    since clients sharing a settings file share one session."""

    def __init__(self, flavour, mode, url, root=None):
        self.flavour, self.mode, self.url, self.root = flavour, mode, url, root
        self._made = 0

    def __call__(self):
        directory = None
        if self.mode == "file":
            directory = os.path.join(self.root, "client-%d" % self._made)
        self._made += 1
        return make_client(self.flavour, self.mode, self.url, directory)


def _official(mode, url, data_directory):
    from balena import Balena  # pylint: disable=import-outside-toplevel  # a test dependency only

    if mode == "memory":
        client = Balena({"data_directory": False})
        client.settings.set("api_endpoint", url + "/")
        client.settings.set("builder_url", url + "/")
        client.pine.api_prefix = url + "/v7/"
        return client
    _write_official_settings_file(url, data_directory)
    return Balena({"data_directory": data_directory})


def _write_official_settings_file(url, data_directory):
    path = os.path.join(data_directory, "balena.cfg")
    if os.path.exists(path):
        return
    values = dict(_OFFICIAL_FILE_DEFAULTS)
    values.update({
        "api_endpoint": url + "/",
        "builder_url": url + "/",
        "pine_endpoint": url + "/v7/",
        "data_directory": data_directory,
        "cache_directory": os.path.join(data_directory, "cache"),
    })
    parser = configparser.ConfigParser()
    parser["Settings"] = values
    os.makedirs(data_directory, mode=0o700, exist_ok=True)
    with open(path, "w", encoding="utf-8") as handle:
        parser.write(handle)


def _ours(mode, url, data_directory):
    from ansible_collections.balena.cloud.plugins.module_utils.sdk import Balena  # pylint: disable=import-outside-toplevel

    settings = {"api_endpoint": url, "data_directory": data_directory if mode == "file" else False}
    return Balena(settings)


@contextlib.contextmanager
def loopback_only():
    """Refuse to resolve any host but loopback, so that no URL an SDK builds from ``/config``
    (``https://actions.<deviceUrlsBase>``) or from its defaults ever leaves this machine."""
    original = socket.getaddrinfo

    def guarded(host, *args, **kwargs):
        if not _is_loopback(host):
            raise socket.gaierror(socket.EAI_NONAME, "parity runs stay on loopback, not %s" % host)
        return original(host, *args, **kwargs)

    socket.getaddrinfo = guarded
    try:
        yield
    finally:
        socket.getaddrinfo = original


def _is_loopback(host):
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    if host in ("localhost", None):
        return True
    try:
        return ipaddress.ip_address(str(host).strip("[]")).is_loopback
    except ValueError:
        return False
