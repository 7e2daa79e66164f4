"""Reads a write's body: JSON, form-encoded, or multipart/form-data (the SDK uploads logos that way)."""
from __future__ import annotations

from email import policy
from email.parser import BytesParser


def read_body(request):
    content_type = request.header("Content-Type") or ""
    if not content_type.lower().startswith("multipart/form-data"):
        return request.json()
    envelope = f"Content-Type: {content_type}\r\n\r\n".encode() + request.body
    message = BytesParser(policy=policy.HTTP).parsebytes(envelope)
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
            # Stored files are out of scope: a file part is described, never kept.
            body[name] = {"filename": filename, "content_type": part.get_content_type(), "size": len(payload)}
    return body
