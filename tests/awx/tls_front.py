"""A TLS endpoint with a self-signed certificate in front of an emulator, as a test server would be."""
from __future__ import annotations

import contextlib
import select
import socket
import ssl
import threading
from urllib.parse import urlsplit

from tests.sdk.hostile_servers import self_signed_certificate

CHUNK = 65536
IDLE_TIMEOUT = 60


@contextlib.contextmanager
def tls_front(target_url, directory):
    """Yields an ``https://`` URL whose connections are relayed, decrypted, to ``target_url``."""
    target = urlsplit(target_url)
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*self_signed_certificate(directory))
    listener = socket.create_server(("127.0.0.1", 0))
    accepting = threading.Thread(target=_accept, args=(listener, context, (target.hostname, target.port)), daemon=True)
    accepting.start()
    try:
        yield "https://127.0.0.1:{0}".format(listener.getsockname()[1])
    finally:
        listener.close()
        accepting.join(timeout=5)


def _accept(listener, context, target):
    while True:
        try:
            client, _address = listener.accept()
        except OSError:
            return  # closed: the test is over
        threading.Thread(target=_relay, args=(client, context, target), daemon=True).start()


def _relay(client, context, target):
    try:
        secure = context.wrap_socket(client, server_side=True)
    except (ssl.SSLError, OSError):
        client.close()  # a client that refused the certificate
        return
    with secure, socket.create_connection(target) as upstream:
        try:
            _pump(secure, upstream)
        except OSError:
            pass


def _pump(secure, upstream):
    while True:
        if not secure.pending():
            readable, _writable, _failed = select.select([secure, upstream], [], [], IDLE_TIMEOUT)
            if not readable:
                return
        else:
            readable = [secure]
        if secure in readable:
            data = secure.recv(CHUNK)
            if not data:
                return
            upstream.sendall(data)
        if upstream in readable:
            data = upstream.recv(CHUNK)
            if not data:
                return
            secure.sendall(data)
