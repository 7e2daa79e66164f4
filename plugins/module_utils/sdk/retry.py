# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""When and how long to wait before sending a request again."""

from __future__ import annotations

import random
import time
from email.utils import parsedate_to_datetime

IDEMPOTENT_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "PUT", "PATCH", "DELETE"))
RETRIED_STATUSES = frozenset((502, 503, 504))
_BACKOFF_CAP_SECONDS = 30.0


def _number(value, default):
    try:
        return float(value)
    except (TypeError, ValueError):
        return default


def _flag(value):
    if isinstance(value, str):
        return value.strip().lower() in ("true", "1", "yes", "on")
    return bool(value)


class RetryPolicy:
    """Bounds read from the settings: ``max_retries`` and ``retry_backoff`` (ms) for idempotent
    requests on connection errors and 502/503/504; ``retry_rate_limited_request``,
    ``max_rate_limit_retries`` and ``max_rate_limit_wait`` (ms) for HTTP 429."""

    def __init__(self, max_retries=3, backoff=0.5, retry_rate_limited=True, max_rate_limit_retries=5, max_rate_limit_wait=60.0):
        self.max_retries = max(0, int(max_retries))
        self.backoff = max(0.0, backoff)
        self.retry_rate_limited = retry_rate_limited
        self.max_rate_limit_retries = max(0, int(max_rate_limit_retries))
        self.max_rate_limit_wait = max(0.0, max_rate_limit_wait)

    @classmethod
    def from_settings(cls, values):
        return cls(
            max_retries=_number(values.get("max_retries"), 3),
            backoff=_number(values.get("retry_backoff"), 500) / 1000.0,
            retry_rate_limited=_flag(values.get("retry_rate_limited_request", True)),
            max_rate_limit_retries=_number(values.get("max_rate_limit_retries"), 5),
            max_rate_limit_wait=_number(values.get("max_rate_limit_wait"), 60000) / 1000.0,
        )

    def backoff_delay(self, attempt, rand=random.random):
        """Exponential backoff with jitter: a random point in the upper half of ``backoff * 2**attempt``."""
        ceiling = min(_BACKOFF_CAP_SECONDS, self.backoff * (2 ** attempt))
        return ceiling / 2 + rand() * ceiling / 2


def parse_retry_after(value, now=None):
    """Seconds to wait from a ``Retry-After`` header (delta-seconds or an HTTP date), or None."""
    if value is None:
        return None
    text = str(value).strip()
    if not text:
        return None
    try:
        return max(0.0, float(text))
    except ValueError:
        pass
    try:
        moment = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if moment is None:
        return None
    current = time.time() if now is None else now
    return max(0.0, moment.timestamp() - current)
