"""Password hashing for stored users (PBKDF2-SHA256, standard library)."""
from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

_SCHEME = "pbkdf2_sha256"
_ITERATIONS = 60_000


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = hashlib.pbkdf2_hmac("sha256", password.encode(), salt, _ITERATIONS)
    return "$".join((_SCHEME, str(_ITERATIONS), base64.b64encode(salt).decode(), base64.b64encode(digest).decode()))


def is_hashed(stored: str | None) -> bool:
    return bool(stored) and stored.startswith(_SCHEME + "$")


def verify_password(password: str, stored: str | None) -> bool:
    """True when `password` matches `stored`.

    A stored value that is not one of our hashes is compared as plain text, so that rows written
    directly (fixtures, hand-made databases) still log in; the login route then re-hashes it.
    """
    if not stored or not isinstance(password, str):
        return False
    if not is_hashed(stored):
        return hmac.compare_digest(password.encode(), stored.encode())
    try:
        _scheme, iterations, salt, digest = stored.split("$")
        computed = hashlib.pbkdf2_hmac("sha256", password.encode(), base64.b64decode(salt), int(iterations))
    except (ValueError, TypeError):
        return False
    return hmac.compare_digest(computed, base64.b64decode(digest))
