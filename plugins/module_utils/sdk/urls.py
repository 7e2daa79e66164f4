# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""URLs as the transport compares them (origins) and as messages show them (never with ``user:password@``)."""

from __future__ import annotations

from urllib.parse import urlsplit, urlunsplit

_DEFAULT_PORTS = {"http": 80, "https": 443}


def origin_of(url):
    """``(scheme, host, port)``: what decides whether two URLs reach the same server."""
    parts = urlsplit(url)
    port = parts.port or _DEFAULT_PORTS.get(parts.scheme)
    return (parts.scheme, (parts.hostname or "").lower(), port)


def host_and_port(url):
    """``host[:port]`` of ``url``, without any user name or password it carries."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = "[" + host + "]"
    try:
        port = parts.port
    except ValueError:
        port = None
    return host if port is None else "{0}:{1}".format(host, port)


def shown_origin(url):
    """``scheme://host[:port]`` of ``url`` for a message."""
    return "{0}://{1}".format(urlsplit(url).scheme, host_and_port(url))


def shown_url(url):
    """``url`` for a message: without user name and password (the path and query are kept)."""
    parts = urlsplit(url)
    return urlunsplit((parts.scheme, host_and_port(url), parts.path, parts.query, parts.fragment))


def has_userinfo(url):
    return "@" in urlsplit(str(url)).netloc
