"""Time-based one-time passwords (RFC 6238 over RFC 4226 HOTP), standard library only."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets
import struct

STEP_SECONDS = 30
DIGITS = 6


def new_secret() -> str:
    """32 base32 characters (160 bits), the length authenticator apps and the SDK's tests expect."""
    return base64.b32encode(secrets.token_bytes(20)).decode("ascii")


def code_at(secret: str, unix_seconds: float, *, step: int = STEP_SECONDS, digits: int = DIGITS) -> str:
    key = base64.b32decode(secret.upper() + "=" * (-len(secret) % 8))
    counter = struct.pack(">Q", int(unix_seconds // step))
    digest = hmac.new(key, counter, hashlib.sha1).digest()
    offset = digest[-1] & 0x0F
    value = struct.unpack(">I", digest[offset:offset + 4])[0] & 0x7FFFFFFF
    return str(value % (10 ** digits)).zfill(digits)


def verify(secret: str, code, unix_seconds: float, *, window: int = 1) -> bool:
    """True when `code` matches the current step or one step either side (clock drift)."""
    candidate = str(code or "").strip()
    if not candidate.isdigit():
        return False
    return any(
        hmac.compare_digest(code_at(secret, unix_seconds + offset * STEP_SECONDS), candidate)
        for offset in range(-window, window + 1)
    )


def provisioning_uri(secret: str, account: str, issuer: str = "balena") -> str:
    """An otpauth:// URI in which `secret` is not the first query parameter (the SDK parses it so)."""
    from urllib.parse import quote
    return f"otpauth://totp/{quote(issuer)}:{quote(account)}?issuer={quote(issuer)}&secret={secret}"
