"""RFC 6238 one-time codes (SHA-1, 30 s, 6 digits), as an authenticator app computes them."""
from __future__ import annotations

import base64
import hashlib
import hmac
import struct
import time


def code(secret: str, at: float | None = None) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = int((time.time() if at is None else at) // 30)
    digest = hmac.new(key, struct.pack(">Q", counter), hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return f"{value % 1_000_000:06d}"
