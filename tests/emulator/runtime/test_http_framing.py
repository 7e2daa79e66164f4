"""How the emulator reads a request body, through raw sockets: limits hold for chunked bodies as for
`Content-Length` ones, and malformed framing or JSON answers 400 instead of a closed connection or a 500."""
from __future__ import annotations

import pytest
from raw_http_client import open_socket, read_answer, read_until_closed

BODY_LIMIT = 512 * 1024


def _head(emulator, method, path, *headers):
    token = emulator.credentials["api_key"]
    lines = [f"{method} {path} HTTP/1.1", "Host: emulator", f"Authorization: Bearer {token}",
             "Content-Type: application/json", *headers]
    return ("\r\n".join(lines) + "\r\n\r\n").encode()


def test_a_large_chunked_body_is_refused_before_it_is_read(emulator):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Transfer-Encoding: chunked"))
        sock.sendall(b"%x\r\n" % (100 * 1024 * 1024) + b"[" * 1024)   # announces 100 MiB, sends 1 KiB
        status, body = read_answer(sock)
    assert status == 413 and b"PayloadTooLargeError" in body


def test_chunks_within_the_limit_are_read_and_chunks_adding_up_beyond_it_are_refused(emulator):
    body = b'{"device": 999999, "tag_key": "chunked", "value": "x"}'
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Transfer-Encoding: chunked")
                     + b"%x\r\n%s\r\n%x\r\n%s\r\n0\r\n\r\n" % (10, body[:10], len(body) - 10, body[10:]))
        assert read_answer(sock) == (409, b'"Foreign key constraint violated"')
    chunk = b" " * 65536
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Transfer-Encoding: chunked"))
        for _ in range(BODY_LIMIT // len(chunk) + 1):
            sock.sendall(b"%x\r\n%s\r\n" % (len(chunk), chunk))
        status, _ = read_answer(sock)
    assert status == 413


@pytest.mark.parametrize("header, problem", [
    ("Content-Length: abc", b"the Content-Length header 'abc' is not a whole number of bytes"),
    ("Content-Length: -5", b"the Content-Length header '-5' is not a whole number of bytes"),
    ("Content-Length: 1e3", b"the Content-Length header '1e3' is not a whole number of bytes"),
])
def test_a_malformed_content_length_answers_400(emulator, header, problem):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", header) + b"{}")
        status, body = read_answer(sock)
    assert status == 400 and body == b"Bad Request: " + problem


def test_conflicting_content_lengths_answer_400(emulator):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Content-Length: 2", "Content-Length: 3") + b"{}")
        status, body = read_answer(sock)
    assert status == 400 and body == b"Bad Request: the request has several different Content-Length headers"


def test_a_huge_content_length_answers_413(emulator):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Content-Length: " + "9" * 5000))
        status, _ = read_answer(sock)
    assert status == 413


@pytest.mark.parametrize("frame, problem", [
    (b"zz\r\n{}\r\n0\r\n\r\n", b"the chunk size 'zz' is not a hexadecimal number"),
    (b"-2\r\n{}\r\n0\r\n\r\n", b"the chunk size '-2' is not a hexadecimal number"),
    (b"2\r\n{}}}\r\n0\r\n\r\n", b"chunk data is longer than its size '2'"),
])
def test_a_malformed_chunk_answers_400(emulator, frame, problem):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Transfer-Encoding: chunked") + frame)
        status, body = read_answer(sock)
    assert status == 400 and body == b"Bad Request: " + problem


def _post_json(emulator, body: bytes):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", f"Content-Length: {len(body)}") + body)
        return read_answer(sock)


def test_deeply_nested_json_answers_400_and_json_nested_within_the_limit_is_read(emulator):
    refusal = (400, b"Bad Request: the JSON body nests more than 100 levels deep")
    for depth in (1000, 100_000):
        assert _post_json(emulator, b"[" * depth + b"]" * depth) == refusal
    value = b'{"a":' * 90 + b"1" + b"}" * 90
    accepted = _post_json(emulator, b'{"device": 999999, "tag_key": "deep", "value": "x", "ignored": ' + value + b"}")
    assert accepted == (409, b'"Foreign key constraint violated"')


SMUGGLED = b"GET /v7/whoami HTTP/1.1\r\nHost: emulator\r\n\r\n"


@pytest.mark.parametrize("headers, body, problem", [
    (("Content-Length: 200", "Transfer-Encoding: chunked"), b"0\r\n\r\n" + SMUGGLED,
     b"the request has both Content-Length and Transfer-Encoding headers"),
    (("Transfer-Encoding: xyz",), SMUGGLED, b"the Transfer-Encoding 'xyz' is not supported, only 'chunked'"),
    (("Transfer-Encoding: gzip, chunked",), b"0\r\n\r\n" + SMUGGLED,
     b"the Transfer-Encoding 'gzip, chunked' is not supported, only 'chunked'"),
    (("Transfer-Encoding: gzip", "Transfer-Encoding: chunked"), b"0\r\n\r\n" + SMUGGLED,
     b"the Transfer-Encoding 'gzip, chunked' is not supported, only 'chunked'"),
])
def test_ambiguous_framing_answers_400_and_closes_so_nothing_is_smuggled(emulator, headers, body, problem):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/application_tag", *headers) + body)
        received = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 400 ")
    assert received.count(b"HTTP/1.1 ") == 1
    assert received.endswith(b"Bad Request: " + problem)


def test_a_framing_error_closes_the_connection(emulator):
    with open_socket(emulator) as sock:
        sock.sendall(_head(emulator, "POST", "/v7/device_tag", "Transfer-Encoding: chunked")
                     + b"zz\r\n{}\r\n0\r\n\r\n" + SMUGGLED)
        received = read_until_closed(sock)
    assert received.startswith(b"HTTP/1.1 400 ") and received.count(b"HTTP/1.1 ") == 1
