"""A bare socket to a running emulator, for tests that need framing no HTTP client would send."""
from __future__ import annotations

import socket


def open_socket(emulator, timeout: float = 20):
    host, port = emulator.url[len("http://"):].rsplit(":", 1)
    return socket.create_connection((host, int(port)), timeout=timeout)


def read_answer(sock) -> tuple[int, bytes]:
    """Status and body of one answer with a Content-Length (the connection may close after it)."""
    received = b""
    while b"\r\n\r\n" not in received:
        data = sock.recv(65536)
        if not data:
            raise AssertionError(f"the connection closed without an answer: {received!r}")
        received += data
    head, _, body = received.partition(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    length = next(int(line.split(":", 1)[1]) for line in lines if line.lower().startswith("content-length:"))
    while len(body) < length:
        data = sock.recv(65536)
        if not data:
            break
        body += data
    return int(lines[0].split(" ", 2)[1]), body


def read_until_closed(sock) -> bytes:
    """Everything the server sends until it closes the connection."""
    received = b""
    while True:
        try:
            data = sock.recv(65536)
        except ConnectionResetError:   # the server closed with bytes of ours still unread
            return received
        if not data:
            return received
        received += data
