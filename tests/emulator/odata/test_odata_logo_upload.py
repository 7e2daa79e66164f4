"""An organization's logo is uploaded as a multipart file part: only an image is stored, and a body
cut off before its closing boundary creates nothing."""
from __future__ import annotations

import uuid

import pytest
import requests

TIMEOUT = 30
BOUNDARY = "logo-boundary"
PNG = b"\x89PNG\r\n\x1a\n" + b"\x00" * 16


@pytest.fixture(scope="module")
def emulator(suite_emulator):
    """Its own emulator, as these tests create organizations."""
    return suite_emulator("odata-logo-upload")


def _multipart(name: str, content_type: str, payload: bytes, closed: bool = True) -> bytes:
    parts = (
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"name\"\r\n\r\n{name}\r\n"
        f"--{BOUNDARY}\r\nContent-Disposition: form-data; name=\"logo_image\"; filename=\"logo\"\r\n"
        f"Content-Type: {content_type}\r\n\r\n"
    ).encode() + payload + b"\r\n"
    return parts + (f"--{BOUNDARY}--\r\n".encode() if closed else b"")


def _post(emulator, body: bytes):
    headers = {"Authorization": "Bearer " + emulator.credentials["api_key"],
               "Content-Type": f"multipart/form-data; boundary={BOUNDARY}"}
    return requests.post(emulator.url + "/v7/organization", data=body, headers=headers, timeout=TIMEOUT)


def _organizations_named(emulator, name: str) -> list:
    headers = {"Authorization": "Bearer " + emulator.credentials["admin_token"]}
    answer = requests.get(f"{emulator.url}/v7/organization?$select=id&$filter=name eq '{name}'", headers=headers,
                          timeout=TIMEOUT)
    return answer.json()["d"]


@pytest.mark.parametrize("content_type", ["image/png", "image/svg+xml"])
def test_an_image_logo_is_stored(emulator, content_type):
    name = f"logo-{uuid.uuid4().hex[:8]}"
    answer = _post(emulator, _multipart(name, content_type, PNG))
    assert answer.status_code == 201, answer.text
    assert answer.json()["logo_image"]["content_type"] == content_type


@pytest.mark.parametrize("content_type", ["text/html", "application/octet-stream", "image/x-icon"])
def test_a_logo_that_is_not_an_image_is_refused(emulator, content_type):
    name = f"logo-{uuid.uuid4().hex[:8]}"
    answer = _post(emulator, _multipart(name, content_type, b"<script>alert(1)</script>"))
    assert answer.status_code == 400
    assert answer.json().startswith("Invalid request: logo_image must be an image (image/png,")
    assert answer.json().endswith(f"not {content_type}")
    assert _organizations_named(emulator, name) == []


def test_a_truncated_multipart_body_is_refused(emulator):
    name = f"logo-{uuid.uuid4().hex[:8]}"
    answer = _post(emulator, _multipart(name, "image/png", PNG, closed=False))
    assert answer.status_code == 400
    assert "ends without its closing boundary" in answer.json()
    assert _organizations_named(emulator, name) == []


def test_a_multipart_body_without_its_boundary_is_refused(emulator):
    name = f"logo-{uuid.uuid4().hex[:8]}"
    answer = _post(emulator, f"name={name}".encode())
    assert answer.status_code == 400
    assert "no part starting with its boundary" in answer.json()
    assert _organizations_named(emulator, name) == []
