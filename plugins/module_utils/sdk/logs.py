# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""``balena.logs``: device log history and live subscriptions.

A subscription reads ``GET /device/v2/<uuid>/logs?stream=1`` (newline-delimited JSON) in its
own daemon thread; callbacks run on that thread. Stopping closes the connection, and a new
subscription can be made at any time afterwards.
"""

from __future__ import annotations

import json
import socket
import threading

from .exceptions import DeviceNotFound, InvalidParameter, RequestError, RequestTimeout

_STREAM_READ_TIMEOUT = 120.0  # the API sends a keep-alive line every 58 s


def _is_full_uuid(value):
    return isinstance(value, str) and len(value) in (32, 62)


class LogStream:
    """One live subscription to one device's logs."""

    def __init__(self, transport, uuid, callback, error=None, count=None):
        self.uuid = uuid
        self._transport = transport
        self._callback = callback
        self._error = error
        self._count = count
        self._stopping = threading.Event()
        self._response = None
        self._thread = threading.Thread(target=self._run, name="balena-logs-" + uuid[:7], daemon=True)

    def start(self):
        self.open()
        self._thread.start()

    @property
    def running(self):
        return self._thread.is_alive()

    def join(self, timeout=None):
        self._thread.join(timeout)

    def stop(self):
        self._stopping.set()
        if self._response is not None:
            _interrupt(self._response)

    def _report(self, problem):
        if self._error is not None and not self._stopping.is_set():
            self._error(problem)

    def open(self):
        """Connect in the caller's thread, so that a missing device or a refused login raises at once."""
        query = {"stream": "1"}
        if self._count:
            query["count"] = self._count
        connect = self._transport.default_timeout()
        self._response = self._transport.request("GET", "/device/v2/{0}/logs".format(self.uuid), qs=query, stream=True,
                                                 return_raw=True, timeout=(connect, max(connect, _STREAM_READ_TIMEOUT)))

    def _run(self):
        response = self._response
        try:
            if not self._stopping.is_set():
                self._consume(response)
        except Exception as problem:  # pylint: disable=broad-exception-caught
            if "timed out" in str(problem).lower():
                problem = RequestTimeout("the log stream went silent", method="GET", path="/device/v2/{0}/logs".format(self.uuid))
            self._report(problem)
        finally:
            response.close()

    def _consume(self, response):
        pending = b""
        for chunk in _chunks(response):
            if self._stopping.is_set():
                return
            pending += chunk
            *lines, pending = pending.split(b"\n")
            for line in lines:
                if not line.strip():
                    continue
                try:
                    entry = json.loads(line)
                except ValueError as problem:
                    self._report(problem)
                    return
                if self._stopping.is_set():
                    return
                self._callback(entry)


def _chunks(response):
    """Yield bytes as soon as they arrive (chunked or not)."""
    raw = response.raw
    read_some = getattr(raw, "read1", None)
    if read_some is None:
        yield from response.iter_content(chunk_size=1)
        return
    while True:
        chunk = read_some(65536)
        if not chunk:
            return
        yield chunk


def _interrupt(response):
    """Wake a thread blocked reading ``response``: shut its socket down, then close it."""
    raw = response.raw
    connection = getattr(raw, "connection", None) or getattr(raw, "_connection", None)
    sock = getattr(connection, "sock", None)
    if sock is None:
        fp = getattr(getattr(raw, "_fp", None), "fp", None)
        sock = getattr(getattr(fp, "raw", None), "_sock", None)
    if sock is not None:
        try:
            sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
    try:
        response.close()
    except Exception:  # pylint: disable=broad-exception-caught
        pass


class Logs:
    def __init__(self, ctx):
        self._ctx = ctx
        self._lock = threading.Lock()
        self._streams = {}
        self._known_uuids = {}

    def _uuid(self, uuid_or_id):
        if _is_full_uuid(uuid_or_id):
            return uuid_or_id
        if uuid_or_id is None:
            raise DeviceNotFound(uuid_or_id)
        if isinstance(uuid_or_id, int):
            known = self._known_uuids.get(uuid_or_id)
            if known is not None:
                return known
            device = self._ctx.pine.get({"resource": "device", "id": uuid_or_id, "options": {"$select": "uuid"}})
            if device is None:
                raise DeviceNotFound(uuid_or_id)
            self._known_uuids[uuid_or_id] = device["uuid"]
            return device["uuid"]
        raise InvalidParameter("uuid_or_id", uuid_or_id)

    def history(self, uuid_or_id, count=None):
        """The device's stored log lines, oldest first; ``count`` is a number or ``"all"``."""
        uuid = self._uuid(uuid_or_id)
        try:
            return self._ctx.transport.request("GET", "/device/v2/{0}/logs".format(uuid), qs={"count": count} if count is not None else None)
        except RequestError as error:
            if error.status_code == 404:
                raise DeviceNotFound(uuid_or_id) from None
            raise

    def subscribe(self, uuid_or_id, callback, error=None, count=None):
        """Call ``callback(log)`` for every new line (after ``count`` lines of history), in a background thread."""
        uuid = self._uuid(uuid_or_id)
        stream = LogStream(self._ctx.transport, uuid, callback, error, count)
        try:
            stream.start()
        except RequestError as failure:
            if failure.status_code == 404:
                raise DeviceNotFound(uuid_or_id) from None
            raise
        with self._lock:
            self._streams.setdefault(uuid, []).append(stream)

    def unsubscribe(self, uuid_or_id):
        uuid = self._uuid(uuid_or_id)
        with self._lock:
            streams = self._streams.pop(uuid, [])
        for stream in streams:
            stream.stop()

    def unsubscribe_all(self):
        self._stop_all()

    def _stop_all(self):
        """Stop every subscription; the streams that were stopped."""
        with self._lock:
            streams = [stream for group in self._streams.values() for stream in group]
            self._streams.clear()
        for stream in streams:
            stream.stop()
        return streams

    def stop(self):
        """Stop every subscription and wait briefly for their threads; subscribing later still works."""
        for stream in self._stop_all():
            stream.join(timeout=5)
