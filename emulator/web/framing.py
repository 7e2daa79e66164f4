"""Reads a request body as framed by `Content-Length` or `Transfer-Encoding: chunked`, never more than a
limit: a larger body is refused before the rest of it is read, a malformed frame is refused as such."""
from __future__ import annotations

import re

from .response import Response

PAYLOAD_TOO_LARGE = b"<!DOCTYPE html><title>Error</title><pre>PayloadTooLargeError: request entity too large</pre>"
_DIGITS = re.compile(rb"[0-9]+")
_HEX = re.compile(rb"[0-9A-Fa-f]+")
_MAX_LINE = 4096          # a chunk-size line or a trailer line
_MAX_TRAILERS = 100


class Refused(Exception):
    """The body cannot be read: answer `response` and close the connection."""

    def __init__(self, response: Response):
        super().__init__(response.status)
        self.response = response


def _bad_request(problem: str) -> Refused:
    return Refused(Response(400, f"Bad Request: {problem}".encode(), "text/plain; charset=utf-8"))


def _too_large() -> Refused:
    return Refused(Response(413, PAYLOAD_TOO_LARGE, "text/html; charset=utf-8"))


def _shown(value) -> str:
    text = value.decode("latin-1") if isinstance(value, bytes) else str(value)
    return repr(text if len(text) <= 40 else text[:40] + "...")


def is_chunked(headers) -> bool:
    """True for `Transfer-Encoding: chunked`; Refused for any other coding, or alongside `Content-Length`
    (a body two framings disagree on is how one request smuggles another)."""
    codings = headers.get_all("Transfer-Encoding")
    if not codings:
        return False
    if headers.get_all("Content-Length"):
        raise _bad_request("the request has both Content-Length and Transfer-Encoding headers")
    coding = ", ".join(value.strip() for value in codings)
    if coding.lower() != "chunked":
        raise _bad_request(f"the Transfer-Encoding {_shown(coding)} is not supported, only 'chunked'")
    return True


def content_length(headers, limit: int) -> int:
    """The declared length (0 without the header); Refused when malformed or beyond `limit`."""
    values = {value.strip() for value in headers.get_all("Content-Length") or ()}
    if not values:
        return 0
    if len(values) > 1:
        raise _bad_request("the request has several different Content-Length headers")
    value = values.pop()
    if not _DIGITS.fullmatch(value.encode("latin-1", "replace")):
        raise _bad_request(f"the Content-Length header {_shown(value)} is not a whole number of bytes")
    if len(value.lstrip("0")) > len(str(limit)) or int(value) > limit:
        raise _too_large()
    return int(value)


def read_body(rfile, headers, limit: int) -> bytes:
    if is_chunked(headers):
        return _read_chunks(rfile, limit)
    length = content_length(headers, limit)
    return rfile.read(length) if length > 0 else b""


def _read_line(rfile) -> bytes:
    line = rfile.readline(_MAX_LINE + 1)
    if len(line) > _MAX_LINE:
        raise _bad_request("a chunk-size or trailer line is too long")
    return line


def _read_chunks(rfile, limit: int) -> bytes:
    chunks, total = [], 0
    while True:
        line = _read_line(rfile)
        size_text = line.split(b";", 1)[0].strip()
        if not _HEX.fullmatch(size_text):
            raise _bad_request(f"the chunk size {_shown(size_text)} is not a hexadecimal number")
        if len(size_text.lstrip(b"0")) > len(f"{limit:x}"):
            raise _too_large()
        size = int(size_text, 16)
        if size == 0:
            _skip_trailers(rfile)
            return b"".join(chunks)
        total += size
        if total > limit:
            raise _too_large()
        chunks.append(rfile.read(size))
        if _read_line(rfile).strip():
            raise _bad_request(f"chunk data is longer than its size {_shown(size_text)}")


def _skip_trailers(rfile) -> None:
    for _ in range(_MAX_TRAILERS):
        if not _read_line(rfile).strip():
            return
    raise _bad_request("too many trailer lines")
