# -*- coding: utf-8 -*-
"""Tiny local HTTP(S) servers that misbehave on purpose: redirecting elsewhere, trickling, untrusted TLS."""

from __future__ import annotations

import contextlib
import datetime
import http.server
import ipaddress
import ssl
import threading

from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import ec
from cryptography.x509.oid import NameOID


class Recorder:
    """What a server received: one ``(method, path, headers, body)`` per request."""

    def __init__(self):
        self.requests = []
        self._lock = threading.Lock()

    def add(self, handler, body):
        with self._lock:
            self.requests.append((handler.command, handler.path, dict(handler.headers), body))


def handler_class(answer, recorder):
    """A request handler calling ``answer(handler, body)`` for every method, after recording the request."""

    class Handler(http.server.BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def _handle(self):
            length = int(self.headers.get("Content-Length") or 0)
            body = self.rfile.read(length) if length else b""
            recorder.add(self, body)
            answer(self, body)

        do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = _handle

        def log_message(self, *args):  # keep the test output clean
            pass

    return Handler


def send(handler, status, body=b"", headers=None):
    handler.send_response(status)
    for name, value in (headers or {}).items():
        handler.send_header(name, value)
    handler.send_header("Content-Length", str(len(body)))
    handler.end_headers()
    handler.wfile.write(body)


@contextlib.contextmanager
def serving(answer, tls_files=None):
    """A server on 127.0.0.1 answering with ``answer``; yields ``(base_url, recorder)``."""
    recorder = Recorder()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler_class(answer, recorder))
    server.daemon_threads = True
    scheme = "http"
    if tls_files is not None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(*tls_files)
        server.socket = context.wrap_socket(server.socket, server_side=True)
        scheme = "https"
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield "{0}://127.0.0.1:{1}".format(scheme, server.server_address[1]), recorder
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def self_signed_certificate(directory):
    """A throwaway certificate for 127.0.0.1, signed by itself: ``(certificate_path, key_path)``."""
    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "127.0.0.1")])
    now = datetime.datetime.now(datetime.timezone.utc)
    certificate = (
        x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
        .serial_number(x509.random_serial_number())
        .not_valid_before(now - datetime.timedelta(minutes=5)).not_valid_after(now + datetime.timedelta(days=1))
        .add_extension(x509.SubjectAlternativeName([x509.IPAddress(ipaddress.ip_address("127.0.0.1"))]),
                       critical=False)
        .sign(key, hashes.SHA256())
    )
    certificate_path, key_path = directory / "server.crt", directory / "server.key"
    certificate_path.write_bytes(certificate.public_bytes(serialization.Encoding.PEM))
    key_path.write_bytes(key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                           serialization.NoEncryption()))
    return str(certificate_path), str(key_path)
