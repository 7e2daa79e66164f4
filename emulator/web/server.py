"""The threaded HTTP/1.1 server: reads a request, applies injected faults, dispatches, logs."""
from __future__ import annotations

import io
import socket
import sys
import time
import traceback
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from ..errors import ApiError
from .deadline_reader import DeadlineReader
from .framing import Refused, read_body
from .request import Request
from .response import Response

TEST_HOOK_PREFIX = "/_emulator/"
MAX_BODY_BYTES = 512 * 1024        # the real API's JSON body limit (then 413)
MAX_HEAD_BYTES = 16 * 1024         # Node's default limit for the request line and headers (then 431)
DEFAULT_READ_TIMEOUT = 30.0        # seconds a connection may stay silent, and a request's head or body take


class EmulatorServer(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True
    request_queue_size = 128

    def __init__(self, world, host: str = "127.0.0.1", port: int = 8080, read_timeout: float = DEFAULT_READ_TIMEOUT):
        self.world = world
        self.read_timeout = read_timeout or None   # 0: wait for ever
        super().__init__((host, port), _Handler)

    @property
    def base_url(self) -> str:
        host, port = self.server_address[:2]
        return f"http://{host}:{port}"


def _head_size(handler: BaseHTTPRequestHandler) -> int:
    return len(handler.requestline) + sum(len(name) + len(value) + 4 for name, value in handler.headers.items())


def _read_request(handler: BaseHTTPRequestHandler) -> tuple[Request, Response | None]:
    """The request, and the answer the real API's HTTP layer gives before any route sees it, if any
    (the connection is then closed, as the rest of the body is not read)."""
    request = Request(handler.command, handler.path, handler.headers)
    try:
        if _head_size(handler) > MAX_HEAD_BYTES:
            raise Refused(Response(431))
        handler.reader.start_body()
        request.body = read_body(handler.rfile, handler.headers, MAX_BODY_BYTES)
    except Refused as refused:
        handler.close_connection = True
        return request, refused.response
    return request, None


class _Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    disable_nagle_algorithm = True   # keep-alive answers otherwise wait for the client's delayed ACK
    server: EmulatorServer

    def log_message(self, format, *args):  # noqa: A002 - the base class names it so
        """Silence the default per-request stderr line; the request log records every request."""

    def setup(self) -> None:
        self.timeout = self.server.read_timeout   # the base class applies it to the socket
        super().setup()
        self.rfile.close()   # replaced by a reader that also keeps the request's deadlines
        self.reader = DeadlineReader(self.connection, self.timeout)
        self.rfile = io.BufferedReader(self.reader)

    def handle_one_request(self) -> None:
        self.reader.await_request()
        super().handle_one_request()

    def _dispatch(self) -> None:
        started = time.monotonic()
        world = self.server.world
        request, refused = _read_request(self)
        try:
            fault = None if request.path.startswith(TEST_HOOK_PREFIX) else world.faults.pick(request)
            if fault is not None and fault.latency_ms:
                time.sleep(fault.latency_ms / 1000.0)
            if fault is not None and fault.drop:
                world.request_log.record(request.method, request.raw_target, 0, time.monotonic() - started)
                self._drop_connection()
                return
            if refused is not None:
                response = refused
            elif fault is not None and fault.status:
                response = fault.response()
            else:
                response = self._handle(world, request)
            # Logged before answering, so a client that reads the log right after its call sees the call.
            world.request_log.record(request.method, request.raw_target, response.status, time.monotonic() - started)
            if fault is not None and fault.lose_answer:
                self._drop_connection()
                return
            self._send(response)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _handle(self, world, request: Request) -> Response:
        try:
            handler, params = world.router.match(request.method, request.path)
            if handler is None:
                return Response(404)
            request.params = params
            request.caller = world.authenticate(request)
            return handler(world, request)
        except ApiError as error:
            body, content_type = error.payload()
            return Response(error.status, body, content_type, dict(error.headers))
        except Exception:  # pylint: disable=broad-except  # any bug answers 500, as the real API does
            traceback.print_exc(file=sys.stderr)
            return Response(500)

    def _send(self, response: Response) -> None:
        self.send_response(response.status)
        if response.content_type:
            self.send_header("Content-Type", response.content_type)
        self.send_header("Cache-Control", "no-cache")
        for name, value in response.headers.items():
            self.send_header(name, str(value))
        takeover = getattr(response, "takeover", None)
        if takeover is not None:
            # A tunnel (CONNECT): after the answer the connection carries raw bytes until it closes.
            self.end_headers()
            self.close_connection = True
            self.reader.exempt()   # an open tunnel may carry nothing for long
            takeover(self.connection, self.rfile)
            return
        if response.stream is not None:
            self.send_header("Transfer-Encoding", "chunked")
            self.end_headers()
            self._send_chunks(response.stream)
            return
        self.send_header("Content-Length", str(len(response.body)))
        self.end_headers()
        if self.command != "HEAD" and response.body:
            self.wfile.write(response.body)

    def _send_chunks(self, chunks) -> None:
        try:
            for chunk in chunks:
                if chunk:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(chunk), chunk))
                    self.wfile.flush()
            self.wfile.write(b"0\r\n\r\n")
        finally:
            close = getattr(chunks, "close", None)
            if close:
                close()

    def _drop_connection(self) -> None:
        self.close_connection = True
        try:
            self.connection.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass

    do_GET = do_POST = do_PATCH = do_PUT = do_DELETE = do_MERGE = do_HEAD = do_OPTIONS = do_CONNECT = _dispatch
