"""The cloudlink tunnel: `CONNECT <uuid>.balena:<port>` answered as balena's proxy does, then relayed.

The client authenticates with `Proxy-Authorization: Basic base64(username:token)`: the token is a
session JWT or a user API key of the user with that username. The device must be in a fleet the
user may change (a fleet observer may look but not ssh in) and connected to the VPN.

Where the bytes go is chosen by tests through the admin hook `/_emulator/tunnel`, always a port on
127.0.0.1 (say, an sshd standing in for the device):
  POST   {"target_port": 2222}                                       every device, any port
  POST   {"target_port": 2222, "uuid": "<uuid>", "port": 22222}       one device (and port)
  GET    the current mappings;  DELETE  forget them all.
The most specific mapping wins. Without one, CONNECT answers 502.
"""
from __future__ import annotations

import base64
import binascii
import socket
import threading

from ..auth import jwt
from ..auth.caller import USER, USER_KEY
from ..auth.resolve import api_key_caller, session_caller
from ..errors import ApiError, bad_request
from ..web.response import Response, empty_response, json_response, text_response
from .per_world import attached
from .test_hooks import require_admin

ANY = "*"
CHUNK = 64 * 1024
CONNECT_TIMEOUT = 10.0
_PROXY_AUTHENTICATE = {"Proxy-Authenticate": 'Basic realm="balena"'}


class _Targets:
    """`(uuid or ANY, device port or ANY) -> local port`, shared by every request of a world."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._ports: dict = {}

    def set(self, uuid: str, port, target_port: int) -> None:
        with self._lock:
            self._ports[(uuid, port)] = target_port

    def clear(self) -> None:
        with self._lock:
            self._ports.clear()

    def find(self, uuid: str, port: int):
        with self._lock:
            for key in ((uuid, port), (uuid, ANY), (ANY, port), (ANY, ANY)):
                if key in self._ports:
                    return self._ports[key]
        return None

    def listing(self) -> list:
        with self._lock:
            return [{"uuid": uuid, "port": port, "target_port": target}
                    for (uuid, port), target in sorted(self._ports.items(), key=str)]


def _targets(world) -> _Targets:
    return attached(world, "tunnel_targets", _Targets)


def _refused(status: int, message: str, headers: dict | None = None) -> Response:
    response = text_response(message, status)
    response.headers.update(headers or {})
    return response


def _proxy_user(world, request):
    """The caller behind the Proxy-Authorization header, or None when it proves nothing."""
    scheme, _, encoded = (request.header("Proxy-Authorization") or "").strip().partition(" ")
    if scheme.lower() != "basic" or not encoded.strip():
        return None
    try:
        username, _, token = base64.b64decode(encoded.strip(), validate=True).decode("utf-8").partition(":")
    except (binascii.Error, UnicodeDecodeError):
        return None
    if not username or not token:
        return None
    try:
        caller = session_caller(world, token) if jwt.looks_like_jwt(token) else api_key_caller(world, token)
    except ApiError:
        return None
    if caller.kind not in (USER, USER_KEY):
        return None
    with world.store.transaction() as tx:
        user = tx.get("user", caller.user_id)
    if user is None or user.get("username") != username:
        return None
    return caller


def connect(world, request):
    uuid, port = request.params["uuid"], int(request.params["port"])
    caller = _proxy_user(world, request)
    if caller is None:
        return _refused(407, "Proxy Authentication Required", _PROXY_AUTHENTICATE)
    with world.store.transaction() as tx:
        devices = tx.find("device", uuid=uuid)
    device = devices[0] if devices else None
    if device is None or device.get("belongs_to__application") not in caller.app_ids:
        return _refused(404, "Device not found")
    if device.get("belongs_to__application") not in caller.writable_app_ids:
        return _refused(403, "Forbidden: you may not access this device")
    if not device.get("is_connected_to_vpn"):
        return _refused(503, "Device is not connected")
    target_port = _targets(world).find(uuid, port)
    if target_port is None:
        return _refused(502, "Nothing is listening for this device in the emulator (see /_emulator/tunnel)")
    try:
        upstream = socket.create_connection(("127.0.0.1", target_port), timeout=CONNECT_TIMEOUT)
    except OSError:
        return _refused(502, "Cannot reach the device")
    upstream.settimeout(None)
    response = empty_response(200)
    response.takeover = lambda connection, reader: _relay(connection, reader, upstream)
    return response


def _copy(read, write, done) -> None:
    try:
        while True:
            data = read()
            if not data:
                break
            write(data)
    except OSError:
        pass
    finally:
        done()


def _relay(connection, reader, upstream) -> None:
    """Copy bytes both ways until either side closes. `reader` may hold bytes already buffered."""
    def close_upstream_writes():
        try:
            upstream.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    def close_client_writes():
        try:
            connection.shutdown(socket.SHUT_WR)
        except OSError:
            pass

    to_device = threading.Thread(
        target=_copy, args=(lambda: reader.read1(CHUNK), upstream.sendall, close_upstream_writes), daemon=True)
    to_device.start()
    with upstream:
        _copy(lambda: upstream.recv(CHUNK), connection.sendall, close_client_writes)
        to_device.join()


def list_targets(world, request):
    require_admin(request)
    return json_response(_targets(world).listing())


def add_target(world, request):
    require_admin(request)
    body = request.json(default={})
    if not isinstance(body, dict):
        raise bad_request("a tunnel mapping is a JSON object")
    target = body.get("target_port")
    port = body.get("port", ANY)
    if not isinstance(target, int) or isinstance(target, bool) or not 0 < target < 65536:
        raise bad_request("target_port must be a TCP port number")
    if port != ANY and (not isinstance(port, int) or isinstance(port, bool)):
        raise bad_request("port must be a TCP port number")
    uuid = body.get("uuid") or ANY
    if not isinstance(uuid, str):
        raise bad_request("uuid must be a string")
    _targets(world).set(uuid, port, target)
    return json_response({"uuid": uuid, "port": port, "target_port": target}, 201)


def clear_targets(world, request):
    require_admin(request)
    _targets(world).clear()
    return empty_response(200)


def register(router) -> None:
    router.add("GET", "/_emulator/tunnel", list_targets)
    router.add("POST", "/_emulator/tunnel", add_target)
    router.add("DELETE", "/_emulator/tunnel", clear_targets)
    router.add("CONNECT", r"^(?P<uuid>[0-9a-f]+)\.balena:(?P<port>[0-9]{1,5})$", connect)
