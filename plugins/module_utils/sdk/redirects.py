# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Following redirects without leaking: a request never leaves the origins allowed to see it.

``requests`` would re-send a 307/308 body (a password on ``/login_``) to whatever host the
``Location`` names. Here the transport follows each hop itself and asks ``next_hop`` what to send.
A redirect within the same origin, or to an origin trusted with the token (the API's own, the
builder's, one the API announced), is followed. A redirect anywhere else is refused: the answer
would come from a server the settings do not name (usually a wrong ``api_endpoint``, such as
``http://`` for an API served over ``https://``), and reading it without credentials would turn a
wrong address into a misleading "not authorized" or, worse, into another server's data.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .exceptions import RequestError
from .urls import origin_of, shown_origin

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))


class Hop:
    """One request to send: method, URL, headers and body (None: no body)."""

    def __init__(self, method, url, headers, body):
        self.method = method
        self.url = url
        self.headers = headers
        self.body = body


def redirect_target(response, url):
    """The absolute URL a redirect answer points to, or None when the answer is not a redirect."""
    location = response.headers.get("Location")
    if response.status_code not in REDIRECT_STATUSES or not location:
        return None
    return urljoin(url, location)


def next_hop(hop, response, target, trusted):
    """The request that follows ``hop`` to ``target``; ``trusted(url)`` says whether an origin may see credentials.

    A 303, and a 301/302 of anything but GET/HEAD, becomes a GET without a body (what browsers do).
    A redirect to another origin that is not trusted is not followed: RequestError names the
    status, both origins, and the setting to change if the API really is there.
    """
    parts = urlsplit(target)
    method, body = hop.method, hop.body
    if response.status_code == 303 or (response.status_code in (301, 302) and method not in ("GET", "HEAD")):
        method, body = "GET", None
    if parts.scheme not in ("http", "https"):
        raise _refused(hop, response, "a redirect to a non-HTTP address ({0}:) is not followed".format(parts.scheme))
    if origin_of(target) != origin_of(hop.url) and not trusted(target):
        raise _refused(hop, response, "{0} redirected the request to another origin, {1}; not followed, so that neither "
                                      "credentials nor data are exchanged with a server the settings do not name; if the "
                                      "API is at that address, set api_endpoint to {2}".format(
                                          shown_origin(hop.url), shown_origin(target), suggested_endpoint(hop.url, target)))
    return Hop(method, target, dict(hop.headers), body)


def suggested_endpoint(url, target):
    """The API address implied by a redirect of ``url`` to ``target``: ``target`` without the part of the path it kept."""
    path, kept = urlsplit(target).path, urlsplit(url).path
    prefix = path[:-len(kept)] if kept and path.endswith(kept) else ""
    return shown_origin(target) + prefix.rstrip("/")


def too_many(hop, response):
    return _refused(hop, response, "more than {0} redirects".format(MAX_REDIRECTS))


def _refused(hop, response, reason):
    return RequestError(reason, status_code=response.status_code, method=hop.method, path=urlsplit(hop.url).path)
