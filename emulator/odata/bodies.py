"""Reads a write's body: JSON, form-encoded, or multipart/form-data (the SDK uploads logos that way)."""
from __future__ import annotations

import base64
from email import errors, policy
from email.parser import BytesParser

from ..errors import bad_request

IMAGE_FIELDS = ("logo_image",)
IMAGE_TYPES = ("image/png", "image/jpeg", "image/gif", "image/svg+xml", "image/webp")


def read_body(request):
    content_type = request.header("Content-Type") or ""
    if not content_type.lower().startswith("multipart/form-data"):
        return request.json()
    envelope = f"Content-Type: {content_type}\r\n\r\n".encode() + request.body
    message = BytesParser(policy=policy.HTTP).parsebytes(envelope)
    _check_framing(message)
    body = {}
    for part in message.iter_parts():
        name = part.get_param("name", header="content-disposition")
        if not name:
            continue
        payload = part.get_payload(decode=True) or b""
        filename = part.get_filename()
        if filename is None:
            body[name] = payload.decode(part.get_content_charset() or "utf-8", "replace")
        else:
            _check_file_type(name, part.get_content_type())
            body[name] = web_resource(filename, part.get_content_type(), payload)
    return body


def _check_framing(message) -> None:
    """A body whose boundaries are missing or cut off (a truncated upload) is refused, not half read."""
    if any(isinstance(defect, (errors.NoBoundaryInMultipartDefect, errors.StartBoundaryNotFoundDefect))
           for defect in message.defects):
        raise bad_request("Invalid request: the multipart/form-data body has no part starting with its boundary")
    if any(isinstance(defect, errors.CloseBoundaryNotFoundDefect) for defect in message.defects):
        raise bad_request("Invalid request: the multipart/form-data body ends without its closing boundary "
                          "(truncated?)")


def _check_file_type(name: str, content_type: str) -> None:
    if name in IMAGE_FIELDS and content_type not in IMAGE_TYPES:
        raise bad_request(f"Invalid request: {name} must be an image ({', '.join(IMAGE_TYPES)}), "
                          f"not {content_type}")


def web_resource(filename: str, content_type: str, payload: bytes) -> dict:
    """A file part as the API stores a file field (a WebResource). The file itself travels in `href`,
    as a data URL: the emulator keeps no file store."""
    encoded = base64.b64encode(payload).decode("ascii")
    return {"filename": filename, "href": f"data:{content_type};base64,{encoded}", "content_type": content_type,
            "content_disposition": "inline", "size": len(payload)}
