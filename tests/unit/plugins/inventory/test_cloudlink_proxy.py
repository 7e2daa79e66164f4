from __future__ import annotations

import base64
import os
import socket
import threading

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils import cloudlink_proxy


def test_connect_request_carries_basic_credentials():
    request = cloudlink_proxy.connect_request("abc.balena", 22222, "me", "tok")
    assert request.startswith(b"CONNECT abc.balena:22222 HTTP/1.1\r\n")
    assert b"Proxy-Authorization: Basic " + base64.b64encode(b"me:tok") + b"\r\n" in request
    assert request.endswith(b"\r\n\r\n")


def test_token_from_file_must_be_private(tmp_path):
    path = tmp_path / "token"
    path.write_text("tok\n", encoding="utf-8")
    os.chmod(path, 0o644)
    with pytest.raises(cloudlink_proxy.TunnelError, match="chmod 600"):
        cloudlink_proxy.read_token(str(path))
    os.chmod(path, 0o600)
    assert cloudlink_proxy.read_token(str(path)) == "tok"


def test_token_from_environment():
    assert cloudlink_proxy.read_token(None, {"BALENA_API_TOKEN": " t2 "}) == "t2"
    assert cloudlink_proxy.read_token(None, {"BALENA_API_KEY": "t1", "BALENA_API_TOKEN": "t2"}) == "t1"
    with pytest.raises(cloudlink_proxy.TunnelError, match="no balena token"):
        cloudlink_proxy.read_token(None, {})


def test_status_line_parsing():
    assert cloudlink_proxy.parse_status(b"HTTP/1.1 407 Proxy Authentication Required\r\nX: y") == (
        407, "Proxy Authentication Required")
    with pytest.raises(cloudlink_proxy.TunnelError):
        cloudlink_proxy.parse_status(b"SSH-2.0-OpenSSH")


def _fake_proxy(answer, received):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(1)

    def serve():
        connection, _address = server.accept()
        with connection:
            data = b""
            while b"\r\n\r\n" not in data:
                data += connection.recv(4096)
            received.append(data)
            connection.sendall(answer)
        server.close()

    threading.Thread(target=serve, daemon=True).start()
    return server.getsockname()[1]


def _options(port):
    return cloudlink_proxy.build_parser().parse_args(
        ["--tunnel-host", "127.0.0.1", "--tunnel-port", str(port), "--no-tls", "--username", "me", "abc.balena", "22222"])


def test_open_tunnel_returns_bytes_past_the_answer():
    received = []
    port = _fake_proxy(b"HTTP/1.1 200 OK\r\nServer: x\r\n\r\nSSH-2.0-device\r\n", received)
    sock, first = cloudlink_proxy.open_tunnel(_options(port), "tok")
    sock.close()
    assert first == b"SSH-2.0-device\r\n"
    assert received[0].startswith(b"CONNECT abc.balena:22222 HTTP/1.1")


def test_refusal_is_reported():
    port = _fake_proxy(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\n\r\n", [])
    with pytest.raises(cloudlink_proxy.TunnelError, match="refused abc.balena:22222: 403 Forbidden"):
        cloudlink_proxy.open_tunnel(_options(port), "tok")


def test_unreachable_tunnel():
    probe = socket.socket()
    probe.bind(("127.0.0.1", 0))
    port = probe.getsockname()[1]
    probe.close()
    with pytest.raises(cloudlink_proxy.TunnelError, match="cannot reach the tunnel"):
        cloudlink_proxy.open_tunnel(_options(port), "tok")
