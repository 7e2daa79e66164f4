# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A total deadline for reading an answer: a server that trickles bytes cannot hold a call forever.

The per-read timeout of ``requests`` restarts with every byte that arrives. Here a timer shuts the
connection's socket down when the deadline passes, which ends any blocked read at once.
"""

from __future__ import annotations

import socket
import threading
import time

_CHUNK = 64 * 1024


class DeadlineExceeded(Exception):
    """The answer did not arrive completely before the deadline."""


def _socket_of(response):
    raw = getattr(response, "raw", None)
    connection = getattr(raw, "_connection", None) or getattr(raw, "connection", None)
    return getattr(connection, "sock", None)


def _shut(sock):
    try:
        sock.shutdown(socket.SHUT_RDWR)
    except OSError:
        pass  # already closed: nothing left to stop


def read_body_by(response, deadline):
    """Read the whole body of a streamed ``requests`` response before ``deadline`` (a ``time.monotonic()``
    value), so that ``response.content`` works as for an unstreamed one; DeadlineExceeded otherwise."""
    remaining = deadline - time.monotonic()
    if remaining <= 0:
        response.close()
        raise DeadlineExceeded()
    sock = _socket_of(response)
    fired = threading.Event()
    timer = None
    if sock is not None:
        def stop_reading():
            fired.set()
            _shut(sock)
        timer = threading.Timer(remaining, stop_reading)
        timer.daemon = True
        timer.start()
    try:
        body = b"".join(response.iter_content(_CHUNK))
    except Exception:
        if fired.is_set():
            response.close()
            raise DeadlineExceeded() from None
        raise
    finally:
        if timer is not None:
            timer.cancel()
            timer.join()  # ends at once after cancel; no thread outlives the call
    if fired.is_set():
        # An answer without a length ends at the shutdown as if complete: it is not.
        response.close()
        raise DeadlineExceeded()
    response._content = body  # pylint: disable=protected-access
    return response
