"""Reads a write's body: JSON, form-encoded, or multipart/form-data (the SDK uploads logos that way)."""
from __future__ import annotations

import base64
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
            body[name] = web_resource(filename, part.get_content_type(), payload)
    return body


def web_resource(filename: str, content_type: str, payload: bytes) -> dict:
    """A file part as the API stores a file field (a WebResource). The file itself travels in `href`,
    as a data URL: the emulator keeps no file store."""
    encoded = base64.b64encode(payload).decode("ascii")
    return {"filename": filename, "href": f"data:{content_type};base64,{encoded}", "content_type": content_type,
            "content_disposition": "inline", "size": len(payload)}
