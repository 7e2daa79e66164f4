# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Streaming a large download into a file, resuming with ``Range`` where the server allows it.

A download that stops short (a dropped connection, a body shorter than its ``Content-Length``)
continues from the bytes already in the file with ``Range: bytes=N-`` and ``If-Range: <ETag>``,
so that a server holding another version of the file answers with the whole of it instead. A
server that answers ``Range`` with 200 simply starts over.
"""

from __future__ import annotations

import os
import re

from .exceptions import ConnectionFailed, RequestError

try:
    import requests
except ImportError:  # pragma: no cover - the transport reports the missing library
    requests = None

CHUNK_BYTES = 256 * 1024
DEFAULT_MAX_RESUMES = 5
_CONTENT_RANGE = re.compile(r"^bytes (\d+)-(\d+)/(\d+|\*)$")


class DownloadOutcome(object):
    """What a download did: the final ``size`` and ``etag``, how many ``requests`` it took, how many
    body bytes it ``received``, and ``resumed_from``: the byte from which a ``206`` answer first continued the
    file as it ends up (0 when its bytes all came in ``200`` answers, e.g. after the server sent the whole of
    another version)."""

    def __init__(self):
        self.size = None
        self.etag = None
        self.requests = 0
        self.received = 0
        self.resumed_from = 0


def _total_of(response, offset):
    """The full length of the resource, and where the body starts, from a 200 or 206 answer."""
    if response.status_code == 206:
        found = _CONTENT_RANGE.match(response.headers.get("Content-Range", ""))
        if found is None or int(found.group(1)) != offset:
            return None, None
        return (int(found.group(3)) if found.group(3) != "*" else None), offset
    length = response.headers.get("Content-Length")
    return (int(length) if length and length.isdigit() else None), 0


def download_to_file(transport, path, target, qs=None, etag=None, max_resumes=DEFAULT_MAX_RESUMES,
                     chunk_bytes=CHUNK_BYTES, timeout=None, outcome=None):
    """GET ``path`` into the file ``target`` and return a ``DownloadOutcome`` (``outcome`` when one is
    given, so that a caller still learns the ETag of a download that failed).

    When ``target`` already holds the start of the resource whose ETag is ``etag``, only the rest is
    asked for. Raises ``ConnectionFailed`` when the body is still incomplete after ``max_resumes``
    resumptions, and ``RequestError`` for an error status.
    """
    offset = os.path.getsize(target) if etag and os.path.exists(target) else 0
    outcome = outcome or DownloadOutcome()
    resumes = 0
    while True:
        headers = {"Range": "bytes=%d-" % offset, "If-Range": etag} if offset and etag else {}
        outcome.requests += 1
        try:
            response = transport.request("GET", path, qs=qs, return_raw=True, stream=True, headers=headers,
                                         timeout=timeout)
        except RequestError as error:
            if error.status_code == 416 and offset:
                offset, etag = 0, None  # the file is not shorter than the resource: start over
                continue
            raise
        total, start = _total_of(response, offset)
        if start is None:  # a 206 for another range than the one asked for
            response.close()
            offset, etag = 0, None
            continue
        outcome.etag = response.headers.get("ETag")
        resumable = (response.headers.get("Accept-Ranges") or "").lower() == "bytes" and outcome.etag is not None
        if start == 0:
            outcome.resumed_from = 0
        elif not outcome.resumed_from:
            outcome.resumed_from = start
        offset = start
        complete = _receive(response, target, start, chunk_bytes, outcome)
        offset = os.path.getsize(target)
        if complete and (total is None or offset == total):
            outcome.size = offset
            return outcome
        if resumes >= max_resumes:
            raise ConnectionFailed("the download stopped at byte {0} of {1} after {2} resumptions".format(
                offset, total if total is not None else "?", resumes), method="GET", path=path)
        resumes += 1
        etag = outcome.etag if resumable else None
        if etag is None:
            offset = 0


def _receive(response, target, start, chunk_bytes, outcome):
    """Write the body into ``target`` from byte ``start``; False when the connection broke."""
    with open(target, "r+b" if start and os.path.exists(target) else "wb") as stream:
        stream.seek(start)
        stream.truncate()
        try:
            for chunk in response.iter_content(chunk_bytes):
                stream.write(chunk)
                outcome.received += len(chunk)
        except requests.exceptions.RequestException:
            return False
        finally:
            response.close()
    return True


class Downloads(object):
    """``balena.downloads``, not in the official SDK: large files streamed to disk and resumed."""

    def __init__(self, ctx):
        self._transport = ctx.transport

    def os_image_to_file(self, device_type_slug, version, target, etag=None, outcome=None):
        """Stream the balenaOS image of ``device_type_slug`` and an exact ``version`` (as the API
        lists it, such as ``6.0.13+prod``) into the file ``target``, continuing a partial file whose
        ETag is ``etag``; returns a ``DownloadOutcome`` (see ``download_to_file``)."""
        query = {"deviceType": device_type_slug, "version": version}
        return download_to_file(self._transport, "/download", target, qs=query, etag=etag, outcome=outcome)
