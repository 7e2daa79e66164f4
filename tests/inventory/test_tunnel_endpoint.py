"""The emulator's cloudlink tunnel: who may CONNECT to which device, and its admin hook."""
from __future__ import annotations

import base64
import socket

import pytest
import requests


def _connect(emulator, uuid, username="demo", token=None, port=22222, authorization=True):
    host, api_port = emulator.url[len("http://"):].rsplit(":", 1)
    token = emulator.credentials["api_key"] if token is None else token
    lines = ["CONNECT {0}.balena:{1} HTTP/1.1".format(uuid, port), "Host: {0}.balena:{1}".format(uuid, port)]
    if authorization:
        lines.append("Proxy-Authorization: Basic " + base64.b64encode("{0}:{1}".format(username, token).encode()).decode())
    with socket.create_connection((host, int(api_port)), timeout=30) as sock:
        sock.sendall(("\r\n".join(lines) + "\r\n\r\n").encode())
        answer = b""
        while b"\r\n\r\n" not in answer:
            data = sock.recv(4096)
            if not data:
                break
            answer += data
    return int(answer.split(b" ", 2)[1])


@pytest.fixture
def echo_target(emulator):
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(4)
    hook = emulator.url + "/_emulator/tunnel"
    requests.post(hook, json={"target_port": server.getsockname()[1]}, headers=emulator.admin_headers,
                  timeout=30).raise_for_status()
    try:
        yield server
    finally:
        requests.delete(hook, headers=emulator.admin_headers, timeout=30)
        server.close()


def test_credentials_are_checked(emulator, echo_target):
    lobby = emulator.credentials["device"]["uuid"]
    assert _connect(emulator, lobby) == 200
    assert _connect(emulator, lobby, authorization=False) == 407
    assert _connect(emulator, lobby, token="wrong") == 407
    assert _connect(emulator, lobby, username="alice") == 407
    # A device key is no user's credential.
    assert _connect(emulator, lobby, token=emulator.credentials["device"]["api_key"]) == 407


def test_device_access_is_checked(emulator, echo_target):
    alice = emulator.credentials["second_user"]
    devices = requests.get(emulator.url + "/v7/device", params={"$select": "uuid"},
                           headers={"Authorization": "Bearer " + alice["api_key"]}, timeout=30).json()["d"]
    assert _connect(emulator, devices[0]["uuid"]) == 404
    assert _connect(emulator, "0" * 32) == 404
    scanners = requests.get(emulator.url + "/v7/device", params={"$select": "uuid,is_online",
                                                                 "$filter": "device_name eq 'dock-a-scanner'"},
                            headers={"Authorization": "Bearer " + emulator.credentials["api_key"]}, timeout=30).json()["d"]
    assert _connect(emulator, scanners[0]["uuid"]) == 403
    assert _connect(emulator, emulator.credentials["offline_device"]["uuid"]) == 503


def test_without_a_mapping_the_tunnel_has_nowhere_to_go(emulator):
    assert _connect(emulator, emulator.credentials["device"]["uuid"]) == 502


def test_the_mapping_hook_is_for_the_admin_only(emulator):
    hook = emulator.url + "/_emulator/tunnel"
    user = {"Authorization": "Bearer " + emulator.credentials["api_key"]}
    assert requests.post(hook, json={"target_port": 2222}, headers=user, timeout=30).status_code == 401
    assert requests.post(hook, json={"target_port": "x"}, headers=emulator.admin_headers, timeout=30).status_code == 400
    uuid = emulator.credentials["device"]["uuid"]
    added = requests.post(hook, json={"target_port": 2222, "uuid": uuid, "port": 22222}, headers=emulator.admin_headers,
                          timeout=30)
    assert added.status_code == 201
    try:
        listed = requests.get(hook, headers=emulator.admin_headers, timeout=30).json()
        assert listed == [{"uuid": uuid, "port": 22222, "target_port": 2222}]
    finally:
        requests.delete(hook, headers=emulator.admin_headers, timeout=30)
