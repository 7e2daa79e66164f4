# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""What makes two runs of one scenario comparable: values that are random per world become placeholders.

Ids are kept as they are. Both emulators start from the same seed and receive the same writes in the
same order, so they hand out the same ids, and a wrong id (a link to another fleet) is exactly
what parity must catch. What differs from world to world is replaced: the emulator's address,
API keys, session tokens, TOTP secrets, every timestamp, and the uuids the emulator draws for
fleets. Device uuids and commits of the demo world come from a fixed seed and are kept; the device
uuids the scenario registers are fixed strings.
"""

from __future__ import annotations

import json
import re

_JWT = re.compile(r"^[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}\.[A-Za-z0-9_-]{8,}$")
_ISO_TIME = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d(:\d\d(\.\d+)?)?(Z|[+-]\d\d:?\d\d)?")
# API keys: 32 letters and digits, not all lower-case hex (that would be a uuid or a commit).
_API_KEY = re.compile(r"^[A-Za-z0-9]{32}$")
_LOWER_HEX = re.compile(r"^[0-9a-f]+$")
_TIME_KEYS = {"timestamp", "createdAt", "created_at", "modified_at", "expiry_date", "expiryDate"}
_TIME_SUFFIXES = ("_timestamp", "_date", "_event", "__date")
_SECRET_KEYS = {"key", "api_key", "apiKey", "token", "deviceApiKey", "provisioningApiKey", "invitationToken"}


def normalise(value, api_url, replacements=None):
    """``value`` with everything random per world replaced, in a shape ``==`` can compare.

    ``replacements`` maps values known to be random per world (the uuids the emulator gives
    fleets) to stable labels; they are replaced wherever they appear, dictionary keys included.
    """
    return _walk(value, api_url, None, replacements or {})


def normalise_text(text, api_url, replacements=None):
    text = _replace_inside(text, replacements or {})
    text = text.replace(api_url, "<api>")
    text = _ISO_TIME.sub("<time>", text)
    return text


def unordered(items):
    """A list whose order the API does not define, in a canonical order."""
    if not isinstance(items, list):
        return items
    return sorted(items, key=lambda item: json.dumps(item, sort_keys=True, default=str))


def _walk(value, api_url, key, replacements):
    if isinstance(value, dict):
        return {replacements.get(name, name): _walk(inner, api_url, name, replacements)
                for name, inner in value.items()}
    if isinstance(value, (list, tuple)):
        return [_walk(inner, api_url, key, replacements) for inner in value]
    if isinstance(value, str):
        if value in replacements:
            return replacements[value]
        return _string(value, api_url, key, replacements)
    if isinstance(value, (int, float)) and not isinstance(value, bool) and _is_time_key(key):
        return "<time>"
    return value


def _replace_inside(value, replacements):
    for raw, label in replacements.items():
        if raw in value:
            value = value.replace(raw, label)
    return value


def _string(value, api_url, key, replacements):
    if _is_time_key(key) and value:
        return "<time>"
    if key in _SECRET_KEYS and value:
        return "<secret>"
    if _JWT.match(value):
        return "<jwt>"
    if _API_KEY.match(value) and not _LOWER_HEX.match(value):
        return "<secret>"
    return normalise_text(value, api_url, replacements)


def _is_time_key(key):
    if not isinstance(key, str):
        return False
    return key in _TIME_KEYS or key.endswith(_TIME_SUFFIXES)
