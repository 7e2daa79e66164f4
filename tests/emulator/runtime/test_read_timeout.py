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
