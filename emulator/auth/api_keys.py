"""Opaque API keys: generation, expiry dates, and storage in the `api_key` resource."""
from __future__ import annotations

import secrets
import string
from datetime import datetime, timezone

from ..errors import ApiError

_ALPHABET = string.ascii_letters + string.digits
KEY_LENGTH = 32
INVALID_EXPIRY = "Key expiry date should be a valid date"


def generate_key() -> str:
    return "".join(secrets.choice(_ALPHABET) for _ in range(KEY_LENGTH))


def to_iso(moment: datetime) -> str:
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_date(value) -> datetime | None:
    """A client date (ISO text or epoch milliseconds) as an aware datetime; None when unparseable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, (int, float)):
        try:
            return datetime.fromtimestamp(value / 1000.0, timezone.utc)
        except (OverflowError, OSError, ValueError):
            return None
    if not isinstance(value, str) or not value.strip():
        return None
    text = value.strip()
    if text.endswith("Z") or text.endswith("z"):
        text = text[:-1] + "+00:00"
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        return None
    return moment if moment.tzinfo else moment.replace(tzinfo=timezone.utc)


def expiry_from_body(body: dict, *, required: bool = False) -> str | None:
    """The stored form of `expiryDate`; null or absent means "never" unless the key is `required`."""
    if "expiryDate" not in body:
        if required:
            raise ApiError(400, INVALID_EXPIRY)
        return None
    value = body["expiryDate"]
    if value is None:
        return None
    moment = parse_date(value)
    if moment is None:
        raise ApiError(400, INVALID_EXPIRY)
    return to_iso(moment)


def is_expired(expiry_date: str | None, now: datetime) -> bool:
    if not expiry_date:
        return False
    moment = parse_date(expiry_date)
    return moment is not None and moment <= now


def create_key(tx, actor_id: int, *, name=None, description=None, expiry_date=None, key: str | None = None) -> str:
    """Stores a new key owned by `actor_id` and returns its text."""
    key = key or generate_key()
    values = {"key": key, "is_of__actor": actor_id, "name": name, "description": description,
              "expiry_date": expiry_date}
    tx.insert("api_key", values)
    return key
