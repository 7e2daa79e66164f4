# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Following redirects without leaking: credentials and request bodies stay with origins allowed to see them.

``requests`` would re-send a 307/308 body (a password on ``/login_``) to whatever host the
``Location`` names. Here the transport follows each hop itself and asks ``next_hop`` what to send.
"""

from __future__ import annotations

from urllib.parse import urljoin, urlsplit

from .exceptions import RequestError

MAX_REDIRECTS = 10
REDIRECT_STATUSES = frozenset((301, 302, 303, 307, 308))
# Headers that carry credentials, dropped on the way to an origin that may not receive them.
_CREDENTIAL_HEADERS = ("authorization", "cookie", "proxy-authorization")


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
    Towards an origin that is not trusted, credential headers are dropped and a request that
    still has a body is not followed at all: RequestError names the status and the other origin.
    """
    parts = urlsplit(target)
    method, body = hop.method, hop.body
    if response.status_code == 303 or (response.status_code in (301, 302) and method not in ("GET", "HEAD")):
        method, body = "GET", None
    if parts.scheme not in ("http", "https"):
        raise _refused(hop, response, "a redirect to a non-HTTP address ({0}:) is not followed".format(parts.scheme))
    headers = dict(hop.headers)
    if not trusted(target):
        if body is not None:
            raise _refused(hop, response, "the API redirected to another origin ({0}://{1}); not followed, as the request "
                                          "body would be sent there".format(parts.scheme, parts.netloc))
        headers = {name: value for name, value in headers.items() if name.lower() not in _CREDENTIAL_HEADERS}
    return Hop(method, target, headers, body)


def too_many(hop, response):
    return _refused(hop, response, "more than {0} redirects".format(MAX_REDIRECTS))


def _refused(hop, response, reason):
    return RequestError(reason, status_code=response.status_code, method=hop.method, path=urlsplit(hop.url).path)
