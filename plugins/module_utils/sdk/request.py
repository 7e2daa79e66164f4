# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The one HTTP path of the SDK: session, timeouts, retries, rate limit, tokens and errors."""

from __future__ import annotations

import io
import json
import mimetypes
import os
import threading
import time
from urllib.parse import urlsplit

from .exceptions import ConnectionFailed, InvalidParameter, InvalidRequest, NotLoggedIn, RequestError, RequestTimeout
from .deadline import DeadlineExceeded, read_body_by
from .rate_limit import RateLimiter
from .redirects import MAX_REDIRECTS, Hop, next_hop, redirect_target, too_many
from .retry import IDEMPOTENT_METHODS, RETRIED_STATUSES, RetryPolicy, parse_retry_after
from .tokens import TokenRefresher
from .urls import origin_of, shown_origin
from .version import __version__

try:
    import requests
    HAS_REQUESTS = True
    REQUESTS_IMPORT_ERROR = None
except ImportError as import_error:  # pragma: no cover - exercised by the sanity import test
    requests = None
    HAS_REQUESTS = False
    REQUESTS_IMPORT_ERROR = import_error

_REDACTED_QUERY_KEYS = ("apikey", "api_key", "auth_token", "_token", "token")


def join_url(base, path):
    if path.startswith(("http://", "https://")):
        return path
    return base.rstrip("/") + "/" + path.lstrip("/")


def display_path(url):
    """The URL path and query for messages, with credential-like query values masked."""
    parts = urlsplit(url)
    if not parts.query:
        return parts.path
    query = []
    for item in parts.query.split("&"):
        name = item.split("=", 1)[0]
        query.append(name + "=<redacted>" if name.lower() in _REDACTED_QUERY_KEYS else item)
    return parts.path + "?" + "&".join(query)


def parse_body(response):
    """JSON when the body parses as JSON, else the text (the official SDK's rule)."""
    content = response.content
    if not content:
        return ""
    try:
        return json.loads(content)
    except ValueError:
        return content.decode("utf-8", "replace")


def _to_number(value):
    try:
        return float(value)
    except (TypeError, ValueError):
        return None


class Transport:
    """Sends every request of the SDK through one ``requests.Session``."""

    def __init__(self, settings, session=None, sleep=time.sleep):
        if not HAS_REQUESTS and session is None:
            raise ImportError("the balena SDK requires the 'requests' Python library") from REQUESTS_IMPORT_ERROR
        self.settings = settings
        self.session = session if session is not None else requests.Session()
        self.limiter = RateLimiter()
        self.tokens = TokenRefresher(self, settings)
        self._sleep = sleep
        self._trusted = set()
        self._trusted_lock = threading.Lock()
        self.client_header = "balena-python-sdk/{0} (balena.cloud)".format(__version__)

    # -- configuration read per request, so that settings.set() takes effect at once ----------
    # ``values``: one snapshot of the settings taken by the request, so that the settings file
    # is checked for changes once per request instead of once per setting.
    def api_endpoint(self, values=None):
        return str((values or self.settings.get_all())["api_endpoint"])

    def default_timeout(self, values=None):
        milliseconds = _to_number((values or self.settings.get_all()).get("timeout"))
        return 30.0 if not milliseconds or milliseconds <= 0 else milliseconds / 1000.0

    def verify_certificates(self, values=None):
        """The ``validate_certs`` setting: false only for a trusted server with a self-signed certificate."""
        value = (values or self.settings.get_all()).get("validate_certs", True)
        if isinstance(value, str):
            return value.strip().lower() not in ("false", "0", "no", "off")
        return bool(value)

    def trust_origin(self, url):
        """Allow the token to be sent to ``url``'s origin (an address the API itself announced)."""
        with self._trusted_lock:
            self._trusted.add(origin_of(url))

    def _may_receive_token(self, url, values):
        target = origin_of(url)
        if target == origin_of(self.api_endpoint(values)) or target in self._trusted:
            return True
        return "builder_url" in values and target == origin_of(str(values["builder_url"]))

    # -- the public call -----------------------------------------------------------------------
    def request(self, method, path, body=None, qs=None, endpoint=None, send_token=True, token=None,
                return_raw=False, stream=False, timeout=None, headers=None):
        """Send one request and return its parsed body (JSON or text), or the response when ``return_raw``.

        ``send_token``: True requires a token (NotLoggedIn without one), False sends none, None
        sends one when there is one. Raises RequestError (or RequestTimeout/ConnectionFailed)
        for anything but a 2xx answer.
        """
        method = method.upper()
        values = self.settings.get_all()
        url = join_url(endpoint or self.api_endpoint(values), path)
        request_headers = {"X-Balena-Client": self.client_header}
        if send_token is not False:
            credential = token if token is not None else self.tokens.current(values)
            if credential is None and send_token:
                raise NotLoggedIn()
            if credential is not None:
                if not self._may_receive_token(url, values):
                    raise InvalidParameter("endpoint", "{0}://{1}".format(*origin_of(url)[:2]))
                request_headers["Authorization"] = "Bearer " + credential
        if headers:
            request_headers.update(headers)
        response = self.send(method, url, request_headers, body=body, qs=qs, stream=stream, timeout=timeout, values=values)
        if not 200 <= response.status_code < 300:
            raise self._status_error(method, url, response)
        if return_raw:
            return response
        return parse_body(response)

    # -- sending with bounded retries ------------------------------------------------------------
    def send(self, method, url, headers, body=None, qs=None, stream=False, timeout=None, values=None):
        """Send with rate limiting and retries; returns the final ``requests.Response`` whatever its status."""
        values = values or self.settings.get_all()
        policy = RetryPolicy.from_settings(values)
        limit = _to_number(values.get("request_limit"))
        interval = _to_number(values.get("request_limit_interval")) or 60.0
        timeout = self.default_timeout(values) if timeout is None else timeout
        verify = self.verify_certificates(values)
        failures = 0
        rate_limited = 0
        waited = 0.0
        while True:
            self.limiter.acquire(int(limit) if limit else None, interval)
            try:
                response = self._follow(Hop(method, url, headers, body), qs, timeout, stream, verify, values)
            except requests.exceptions.RequestException as error:
                if failures < policy.max_retries and self._may_resend(method, error):
                    self._sleep(policy.backoff_delay(failures))
                    failures += 1
                    continue
                raise self._transport_error(method, url, error, failures, timeout) from None
            status = response.status_code
            if status == 429 and policy.retry_rate_limited:
                delay = parse_retry_after(response.headers.get("Retry-After"))
                if delay is None:
                    delay = policy.backoff_delay(rate_limited)
                if rate_limited < policy.max_rate_limit_retries and waited + delay <= policy.max_rate_limit_wait:
                    response.close()
                    self._sleep(delay)
                    waited += delay
                    rate_limited += 1
                    continue
                response.rate_limit_summary = (rate_limited, waited, delay)
            elif status in RETRIED_STATUSES and method in IDEMPOTENT_METHODS and failures < policy.max_retries:
                delay = parse_retry_after(response.headers.get("Retry-After"))
                backoff = policy.backoff_delay(failures)
                response.close()
                self._sleep(backoff if delay is None else min(max(delay, backoff), policy.max_rate_limit_wait))
                failures += 1
                continue
            return response

    def _follow(self, hop, qs, timeout, stream, verify, values):
        """One attempt: the request and the redirects it leads to, each hop checked by ``next_hop``.

        An unstreamed answer is read completely within ``timeout`` seconds of the start.
        """
        deadline = time.monotonic() + (max(timeout) if isinstance(timeout, tuple) else timeout)
        for _hop in range(MAX_REDIRECTS + 1):
            response = self.session.request(hop.method, hop.url, headers=hop.headers, params=qs, timeout=timeout,
                                            stream=True, verify=verify, allow_redirects=False,
                                            **self._body_arguments(hop.body))
            target = redirect_target(response, hop.url)
            if target is None:
                if stream:
                    return response
                try:
                    return read_body_by(response, deadline)
                except DeadlineExceeded:
                    raise requests.exceptions.ReadTimeout("the whole answer did not arrive in time") from None
            response.close()
            hop = next_hop(hop, response, target, lambda url: self._may_receive_token(url, values))
            qs = None  # the new address carries its own query
        raise too_many(hop, response)

    @staticmethod
    def _may_resend(method, error):
        kinds = requests.exceptions
        healable = (kinds.ConnectionError, kinds.Timeout, kinds.ChunkedEncodingError)
        if isinstance(error, kinds.SSLError) or not isinstance(error, healable):
            return False
        if method in IDEMPOTENT_METHODS:
            return True
        # A POST is resent only when it certainly never reached the server.
        return isinstance(error, requests.exceptions.ConnectTimeout) or _connection_refused(error)

    @staticmethod
    def _body_arguments(body):
        if body is None:
            return {}
        if isinstance(body, dict) and any(isinstance(value, io.IOBase) for value in body.values()):
            files, fields = {}, {}
            for key, value in body.items():
                if isinstance(value, io.IOBase):
                    if value.seekable():
                        value.seek(0)
                    name = getattr(value, "name", key)
                    files[key] = (os.path.basename(str(name)), value, mimetypes.guess_type(str(name))[0])
                else:
                    fields[key] = value
            return {"files": files, "data": fields}
        return {"json": body}

    # -- errors ----------------------------------------------------------------------------------
    def _redact(self, text):
        for secret in self.tokens.known_secrets():
            if secret and secret in text:
                text = text.replace(secret, "<redacted>")
        return text

    def _status_error(self, method, url, response):
        body = self._redact(response.content.decode("utf-8", "replace") if response.content is not None else "")
        detail = None
        summary = getattr(response, "rate_limit_summary", None)
        if summary is not None:
            retries, waited, next_delay = summary
            detail = "rate limited: gave up after {0} retries and {1:.1f} s of waiting (server asked for {2:.1f} s more)".format(
                retries, waited, next_delay)
        return RequestError(body, status_code=response.status_code, method=method, path=display_path(url), detail=detail,
                            reason=response.reason)

    def _transport_error(self, method, url, error, failures, timeout):
        retried = " after {0} retries".format(failures) if failures else ""
        where = shown_origin(url)
        kind = type(error).__name__
        if isinstance(error, requests.exceptions.Timeout):
            seconds = max(timeout) if isinstance(timeout, tuple) else timeout
            text = "no complete answer from {0} within {1:g} s{2}; raise the timeout setting if the API is just slow".format(
                where, seconds, retried)
            return RequestTimeout(text, method=method, path=display_path(url), detail=kind)
        if isinstance(error, requests.exceptions.InvalidHeader):
            # Never the value: it is usually the token, with a line break read along with it from a file.
            text = ("a request header has a value HTTP does not allow (a line break or another control character, or "
                    "white space around it); check the API key or token for such characters")
            return InvalidRequest(text, method=method, path=display_path(url), detail=kind)
        if isinstance(error, requests.exceptions.SSLError) and _untrusted_certificate(error):
            text = ("the TLS certificate of {0} was not trusted; install its CA certificate, or set validate_certs to false "
                    "only for a trusted test server with a self-signed certificate").format(urlsplit(url).hostname)
            return ConnectionFailed(text, method=method, path=display_path(url), detail=kind)
        if _name_not_resolved(error):
            text = "could not connect to {0}{1}: the host name {2} could not be resolved; check the address".format(
                where, retried, urlsplit(url).hostname)
            return ConnectionFailed(text, method=method, path=display_path(url), detail="NameResolutionError")
        if isinstance(error, requests.exceptions.ConnectTimeout) or _connection_refused(error):
            text = "could not connect to {0}{1}".format(where, retried)
        else:
            # The connection was made, then broke: a write may have taken effect.
            text = "the connection to {0} broke before an answer came{1}".format(where, retried)
        return ConnectionFailed(text, method=method, path=display_path(url), detail=kind)


def _untrusted_certificate(error):
    return "CERTIFICATE_VERIFY_FAILED" in str(error) or "certificate verify failed" in str(error)


def _cause(error):
    reason = error.args[0] if error.args else None
    return getattr(reason, "reason", reason)


def _connection_refused(error):
    return type(_cause(error)).__name__ in ("NewConnectionError", "NameResolutionError")


def _name_not_resolved(error):
    cause = _cause(error)
    return type(cause).__name__ == "NameResolutionError" or "Failed to resolve" in str(cause)
