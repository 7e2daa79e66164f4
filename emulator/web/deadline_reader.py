"""Reads a connection's bytes under two clocks: the read timeout bounds each silence, and a deadline
bounds the whole head of a request (from its first byte) and then the whole body, so that a client
sending a byte now and then cannot hold a connection, and its thread, for ever."""
from __future__ import annotations

import io
import socket
import time


class DeadlineReader(io.RawIOBase):
    """The raw stream under a connection's `rfile`; `timeout` None waits for ever and sets no deadline."""

    def __init__(self, connection: socket.socket, timeout: float | None):
        super().__init__()
        self._connection = connection
        self._timeout = timeout
        self._deadline: float | None = None
        self._awaiting_head = False

    def readable(self) -> bool:
        return True

    def await_request(self) -> None:
        """The next request's head: its deadline starts with its first byte."""
        self._deadline, self._awaiting_head = None, True

    def start_body(self) -> None:
        self._awaiting_head = False
        self._deadline = None if self._timeout is None else time.monotonic() + self._timeout

    def exempt(self) -> None:
        """From now on wait for ever (an open tunnel may carry nothing for long)."""
        self._timeout = self._deadline = None
        self._awaiting_head = False
        self._connection.settimeout(None)

    def readinto(self, buffer) -> int:
        wait = self._timeout
        if self._deadline is not None:
            left = self._deadline - time.monotonic()
            if left <= 0:
                raise TimeoutError("the request was not received in time")
            wait = min(wait, left)
        self._connection.settimeout(wait)
        try:
            count = self._connection.recv_into(buffer)
        finally:
            self._connection.settimeout(self._timeout)   # answers are written under the usual timeout
        if count and self._awaiting_head and self._timeout is not None:
            self._awaiting_head = False
            self._deadline = time.monotonic() + self._timeout
        return count
