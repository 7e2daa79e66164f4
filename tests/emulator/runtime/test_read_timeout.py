"""`--read-timeout`: a connection that sends nothing for that long is closed, unless it is an open
tunnel or a log stream, which may stay quiet for as long as they like."""
from __future__ import annotations

import base64
import json
import socket
import threading
import time

import pytest
import requests
from raw_http_client import open_socket, read_answer

TIMEOUT = "1"
QUIET = 2.5          # seconds a connection stays silent in these tests, well beyond the timeout


@pytest.fixture
def emulator(emulator_factory):
    return emulator_factory("--read-timeout", TIMEOUT)


def _closed_by_server(sock) -> bool:
    """True when the server closes the connection (within the socket's own timeout)."""
    return sock.recv(4096) == b""


def test_an_idle_connection_is_closed(emulator):
    with open_socket(emulator, timeout=15) as sock:
        assert _closed_by_server(sock)


def test_a_keep_alive_connection_is_closed_once_idle(emulator):
    with open_socket(emulator, timeout=15) as sock:
        sock.sendall(b"GET /ping HTTP/1.1\r\nHost: emulator\r\n\r\n")
        assert read_answer(sock) == (200, b"OK")
        assert _closed_by_server(sock)


def test_a_request_that_stalls_is_closed(emulator):
    with open_socket(emulator, timeout=15) as sock:
        sock.sendall(b"POST /v7/device_tag HTTP/1.1\r\nHost: emulator\r\nContent-Length: 100\r\n\r\n{")
        assert _closed_by_server(sock)


def test_a_server_without_read_timeout_keeps_idle_connections(emulator_factory):
    emulator = emulator_factory("--read-timeout", "0")
    with open_socket(emulator, timeout=15) as sock:
        sock.settimeout(QUIET)
        with pytest.raises(socket.timeout):
            sock.recv(4096)
        sock.sendall(b"GET /ping HTTP/1.1\r\nHost: emulator\r\n\r\n")
        assert read_answer(sock) == (200, b"OK")


@pytest.fixture
def echo_device(emulator):
    """Every tunnel leads to a local echo server."""
    listener = socket.create_server(("127.0.0.1", 0))

    def echo():
        connection, _ = listener.accept()
        with connection:
            while True:
                data = connection.recv(4096)
                if not data:
                    return
                connection.sendall(data)

    thread = threading.Thread(target=echo, daemon=True)
    thread.start()
    requests.post(emulator.url + "/_emulator/tunnel", json={"target_port": listener.getsockname()[1]},
                  headers=emulator.admin_headers, timeout=30).raise_for_status()
    yield emulator.credentials["device"]["uuid"]
    listener.close()


def test_an_open_tunnel_is_not_an_idle_connection(emulator, echo_device):
    login = base64.b64encode(f"demo:{emulator.credentials['api_key']}".encode()).decode()
    with open_socket(emulator, timeout=15) as sock:
        sock.sendall(f"CONNECT {echo_device}.balena:22222 HTTP/1.1\r\nHost: {echo_device}.balena:22222\r\n"
                     f"Proxy-Authorization: Basic {login}\r\n\r\n".encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            answer += sock.recv(4096)
        assert answer.startswith(b"HTTP/1.1 200")
        time.sleep(QUIET)
        sock.sendall(b"still there?")
        assert sock.recv(4096) == b"still there?"


def test_a_log_stream_is_not_an_idle_connection(emulator):
    device = emulator.credentials["device"]
    user = {"Authorization": "Bearer " + emulator.credentials["api_key"]}
    with requests.get(f"{emulator.url}/device/v2/{device['uuid']}/logs?stream=1&count=0", headers=user,
                      stream=True, timeout=30) as stream:
        assert stream.status_code == 200
        time.sleep(QUIET)
        written = requests.post(f"{emulator.url}/device/v2/{device['uuid']}/logs",
                                json=[{"message": "after a quiet while", "timestamp": int(time.time() * 1000)}],
                                headers={"Authorization": "Bearer " + device["api_key"]}, timeout=30)
        assert written.status_code == 201
        lines = (line for line in stream.iter_lines() if line)
        assert json.loads(next(lines))["message"] == "after a quiet while"


def _trickle(sock, data: bytes, gap: float) -> threading.Thread:
    """Send `data` a byte at a time, `gap` seconds apart (well within the timeout), until refused."""
    def send():
        for byte in data:
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                return
            time.sleep(gap)

    thread = threading.Thread(target=send, daemon=True)
    thread.start()
    return thread


def _seconds_until_closed(sock) -> float:
    started = time.monotonic()
    try:
        assert sock.recv(4096) == b""
    except ConnectionResetError:
        pass
    return time.monotonic() - started


SLOW_HEAD = b"GET /ping HTTP/1.1\r\nHost: emulator\r\nX-Padding: " + b"x" * 100 + b"\r\n\r\n"


def test_a_head_sent_a_byte_at_a_time_is_closed_once_the_timeout_has_passed(emulator):
    with open_socket(emulator, timeout=15) as sock:
        _trickle(sock, SLOW_HEAD, 0.3)       # 40 s in all, never silent for the timeout
        assert _seconds_until_closed(sock) < 1 + QUIET


def test_a_body_sent_a_byte_at_a_time_is_closed_once_the_timeout_has_passed(emulator):
    with open_socket(emulator, timeout=15) as sock:
        sock.sendall(b"POST /v7/device_tag HTTP/1.1\r\nHost: emulator\r\nContent-Length: 100\r\n\r\n")
        _trickle(sock, b"{" + b" " * 99, 0.3)
        assert _seconds_until_closed(sock) < 1 + QUIET


def test_a_head_that_comes_after_a_quiet_while_and_in_pieces_is_answered(emulator):
    with open_socket(emulator, timeout=15) as sock:
        time.sleep(0.7)
        sock.sendall(b"GET /ping HTTP/1.1\r\n")
        time.sleep(0.5)
        sock.sendall(b"Host: emulator\r\n\r\n")
        assert read_answer(sock) == (200, b"OK")


def test_slow_senders_do_not_hold_threads(emulator):
    sockets = [open_socket(emulator, timeout=15) for _ in range(20)]
    try:
        for sock in sockets:
            _trickle(sock, SLOW_HEAD, 0.3)
        assert all(_seconds_until_closed(sock) < 1 + QUIET for sock in sockets)
    finally:
        for sock in sockets:
            sock.close()
