"""OS images: sizes that agree with the bytes, ETag, Range and If-Range answers, unknown versions, and
a download cut short by the `drop` fault with `after_bytes`."""
from __future__ import annotations

import socket

import pytest
import requests

IMAGE = "/download?deviceType=raspberrypi3&version=5.1.20"


def test_an_image_is_a_few_mib_with_its_length_etag_and_ranges(api):
    answer = api.get(IMAGE)
    assert answer.status_code == 200
    size = len(answer.content)
    assert 2 * 1024 * 1024 <= size < 4 * 1024 * 1024
    assert int(answer.headers["Content-Length"]) == size
    assert answer.headers["Accept-Ranges"] == "bytes" and answer.headers["ETag"].startswith('"')
    assert api.get("/device-types/v1/raspberrypi3/images/5.1.20/download-size").json() == {"size": size}
    assert api.get("/device-types/v1/raspberrypi3/images/v5.1.20/download-size").json() == {"size": size}
    assert api.get("/download?deviceType=raspberrypi3&version=v5.1.20").headers["ETag"] == answer.headers["ETag"]
    other = api.get("/download?deviceType=raspberrypi3&version=6.0.1")
    assert other.headers["ETag"] != answer.headers["ETag"] and other.content != answer.content


def test_a_range_is_answered_with_206_and_a_stale_if_range_with_the_whole_image(api):
    whole = api.get(IMAGE)
    part = api.get(IMAGE, headers={"Range": "bytes=1000-", "If-Range": whole.headers["ETag"]})
    assert part.status_code == 206 and part.content == whole.content[1000:]
    assert part.headers["Content-Range"] == "bytes 1000-%d/%d" % (len(whole.content) - 1, len(whole.content))
    middle = api.get(IMAGE, headers={"Range": "bytes=10-19"})
    assert middle.status_code == 206 and middle.content == whole.content[10:20]
    stale = api.get(IMAGE, headers={"Range": "bytes=1000-", "If-Range": '"not-the-same"'})
    assert stale.status_code == 200 and stale.content == whole.content
    beyond = api.get(IMAGE, headers={"Range": "bytes=%d-" % len(whole.content)})
    assert beyond.status_code == 416 and beyond.headers["Content-Range"] == "bytes */%d" % len(whole.content)


def test_head_gives_the_headers_without_the_body(api):
    answer = requests.head(api.url + IMAGE, timeout=10)
    assert answer.status_code == 200 and answer.content == b""
    assert int(answer.headers["Content-Length"]) == len(api.get(IMAGE).content)


@pytest.mark.parametrize("query, message", [
    ("deviceType=raspberrypi3&version=1.0.0", "Device raspberrypi3 not found for 1.0.0 version"),
    ("deviceType=no-such-type&version=5.1.20", "Unknown device type no-such-type"),
])
def test_an_unknown_version_or_device_type_is_a_404_naming_it(api, query, message):
    answer = api.get("/download?" + query)
    assert answer.status_code == 404 and answer.json() == message


def test_a_drop_after_some_bytes_cuts_the_body_short(api):
    api.world.faults.add({"drop": True, "after_bytes": 5000, "path": "^/download", "times": 1})
    try:
        host, port = api.url.split("//")[1].split(":")
        with socket.create_connection((host, int(port)), timeout=10) as connection:
            connection.sendall(("GET %s HTTP/1.1\r\nHost: x\r\n\r\n" % IMAGE).encode())
            received = b""
            while True:
                chunk = connection.recv(65536)
                if not chunk:
                    break
                received += chunk
        head, body = received.split(b"\r\n\r\n", 1)
        assert b"200" in head.split(b"\r\n")[0] and len(body) == 5000
        assert b"Content-Length: %d" % len(api.get(IMAGE).content) in head
    finally:
        api.world.faults.clear()
    assert len(api.get(IMAGE).content) > 5000
