# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The cloudlink helper: an ssh ``ProxyCommand`` that reaches a device through balena's tunnel.

Run as ``python3 cloudlink_proxy.py [options] HOST PORT`` (ssh passes ``%h %p``, e.g.
``<uuid>.balena 22222``). It opens TLS to the tunnel host, asks for ``CONNECT HOST:PORT`` with
``Proxy-Authorization: Basic base64(username:token)``, then relays bytes between ssh (stdin and
stdout) and the tunnel. Standard library only, so any Python 3 on the controller can run it.

The token is read from ``--token-file`` (which must not be readable by group or others) or from
the ``BALENA_API_KEY``/``BALENA_API_TOKEN`` environment variables, never from the command line.
"""

from __future__ import annotations

import argparse
import base64
import os
import select
import socket
import ssl
import stat
import sys

CONNECT_TIMEOUT = 30.0
MAX_HEADER_BYTES = 64 * 1024
CHUNK = 64 * 1024
TOKEN_VARIABLES = ("BALENA_API_KEY", "BALENA_API_TOKEN")


class TunnelError(Exception):
    pass


def read_token(token_file=None, environ=None):
    environ = os.environ if environ is None else environ
    if token_file:
        try:
            with open(token_file, "r", encoding="utf-8") as handle:
                mode = os.fstat(handle.fileno()).st_mode
                if mode & (stat.S_IRWXG | stat.S_IRWXO):
                    raise TunnelError("{0} must only be readable by its owner (chmod 600)".format(token_file))
                token = handle.read().strip()
        except OSError as error:
            raise TunnelError("cannot read the token file {0}: {1}".format(token_file, error.strerror)) from None
    else:
        token = next((environ[name].strip() for name in TOKEN_VARIABLES if environ.get(name, "").strip()), "")
    if not token:
        raise TunnelError("no balena token: give --token-file or set BALENA_API_KEY")
    return token


def connect_request(host, port, username, token):
    credentials = base64.b64encode("{0}:{1}".format(username, token).encode("utf-8")).decode("ascii")
    target = "{0}:{1}".format(host, port)
    return ("CONNECT {0} HTTP/1.1\r\nHost: {0}\r\nProxy-Authorization: Basic {1}\r\n\r\n".format(target, credentials)
            .encode("ascii"))


def parse_status(head):
    """``(status, reason)`` of an HTTP response head (bytes up to the blank line)."""
    line = head.split(b"\r\n", 1)[0].decode("latin-1")
    parts = line.split(" ", 2)
    if len(parts) < 2 or not parts[0].startswith("HTTP/") or not parts[1].isdigit():
        raise TunnelError("the tunnel answered something that is not HTTP: {0!r}".format(line[:80]))
    return int(parts[1]), parts[2] if len(parts) > 2 else ""


def open_tunnel(options, token):
    """A socket relaying to the device, and any bytes the tunnel already sent past its answer."""
    try:
        raw = socket.create_connection((options.tunnel_host, options.tunnel_port), timeout=CONNECT_TIMEOUT)
    except OSError as error:
        raise TunnelError("cannot reach the tunnel {0}:{1}: {2}".format(
            options.tunnel_host, options.tunnel_port, error.strerror or error)) from None
    sock = raw
    if options.tls:
        context = ssl.create_default_context()
        if options.insecure:
            context.check_hostname = False
            context.verify_mode = ssl.CERT_NONE
        try:
            sock = context.wrap_socket(raw, server_hostname=options.tunnel_host)
        except (ssl.SSLError, OSError) as error:
            raw.close()
            raise TunnelError("TLS to {0} failed: {1}".format(options.tunnel_host, error)) from None
    sock.sendall(connect_request(options.host, options.port, options.username, token))
    received = b""
    while b"\r\n\r\n" not in received:
        data = sock.recv(CHUNK)
        if not data:
            raise TunnelError("the tunnel closed the connection before answering")
        received += data
        if len(received) > MAX_HEADER_BYTES:
            raise TunnelError("the tunnel's answer is too long")
    head, rest = received.split(b"\r\n\r\n", 1)
    status, reason = parse_status(head)
    if status != 200:
        raise TunnelError("the tunnel refused {0}:{1}: {2} {3}".format(options.host, options.port, status, reason).strip())
    sock.settimeout(None)
    return sock, rest


def _write_all(fd, data):
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def relay(sock, stdin_fd=0, stdout_fd=1, first=b""):
    """Copy bytes both ways until the tunnel closes."""
    if first:
        _write_all(stdout_fd, first)
    watching = [sock, stdin_fd]
    pending = getattr(sock, "pending", lambda: 0)
    while True:
        ready = [sock] if pending() else select.select(watching, [], [])[0]
        if sock in ready:
            data = sock.recv(CHUNK)
            if not data:
                return
            _write_all(stdout_fd, data)
        if stdin_fd in ready:
            data = os.read(stdin_fd, CHUNK)
            if data:
                sock.sendall(data)
            else:
                watching = [sock]
                if not isinstance(sock, ssl.SSLSocket):
                    sock.shutdown(socket.SHUT_WR)


def build_parser():
    parser = argparse.ArgumentParser(description="ssh ProxyCommand through the balena cloudlink tunnel")
    parser.add_argument("--tunnel-host", required=True)
    parser.add_argument("--tunnel-port", type=int, default=443)
    parser.add_argument("--no-tls", dest="tls", action="store_false", help="plain TCP to the tunnel (test servers)")
    parser.add_argument("--insecure", action="store_true", help="do not verify the tunnel's TLS certificate")
    parser.add_argument("--username", required=True, help="the balena username the token belongs to")
    parser.add_argument("--token-file", help="file holding the token (mode 0600); default: the environment")
    parser.add_argument("host", help="the device, <uuid>.balena")
    parser.add_argument("port", type=int, help="the port on the device (22222: host OS ssh)")
    return parser


def main(argv=None):
    options = build_parser().parse_args(argv)
    try:
        sock, first = open_tunnel(options, read_token(options.token_file))
        with sock:
            relay(sock, first=first)
    except TunnelError as error:
        sys.stderr.write("balena cloudlink: {0}\n".format(error))
        return 255
    except (BrokenPipeError, ConnectionResetError, KeyboardInterrupt):
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
