"""Session tokens: compact JWTs signed with HS256, built from the standard library only."""
from __future__ import annotations

import base64
import hashlib
import hmac
import json


class TokenError(Exception):
    """The text is not a JWT this emulator signed."""


class ExpiredToken(TokenError):
    """The JWT is genuine but its `exp` has passed."""


def _b64encode(raw: bytes) -> str:
    return base64.urlsafe_b64encode(raw).rstrip(b"=").decode("ascii")


def _b64decode(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def looks_like_jwt(token: str) -> bool:
    return token.count(".") == 2 and not token.startswith(".")


def encode(claims: dict, secret: bytes) -> str:
    header = _b64encode(json.dumps({"alg": "HS256", "typ": "JWT"}, separators=(",", ":")).encode())
    payload = _b64encode(json.dumps(claims, separators=(",", ":")).encode())
    signing_input = f"{header}.{payload}".encode("ascii")
    signature = hmac.new(secret, signing_input, hashlib.sha256).digest()
    return f"{header}.{payload}.{_b64encode(signature)}"


def decode(token: str, secret: bytes, now_seconds: float) -> dict:
    """The claims of a JWT whose HS256 signature matches `secret`; raises TokenError otherwise."""
    try:
        header_part, payload_part, signature_part = token.split(".")
        header = json.loads(_b64decode(header_part))
        claims = json.loads(_b64decode(payload_part))
        signature = _b64decode(signature_part)
    except (ValueError, TypeError) as exc:
        raise TokenError("not a JWT") from exc
    if not isinstance(header, dict) or header.get("alg") != "HS256" or not isinstance(claims, dict):
        raise TokenError("unsupported JWT")
    expected = hmac.new(secret, f"{header_part}.{payload_part}".encode("ascii"), hashlib.sha256).digest()
    if not hmac.compare_digest(signature, expected):
        raise TokenError("bad signature")
    exp = claims.get("exp")
    if isinstance(exp, (int, float)) and exp <= now_seconds:
        raise ExpiredToken("expired")
    return claims
