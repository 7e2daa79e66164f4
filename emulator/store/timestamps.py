"""The one stored form of a point in time: ISO 8601 UTC with milliseconds, `YYYY-MM-DDTHH:MM:SS.mmmZ`.

Text in this form sorts in time order, so SQL compares stored datetimes as plain strings.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta, timezone

_FRACTION = re.compile(r"(\d{2}:\d{2}:\d{2})\.(\d+)")
_DURATION = re.compile(
    r"^(-)?P(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$"
)


def format_instant(moment: datetime) -> str:
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    moment = moment.astimezone(timezone.utc)
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + f"{moment.microsecond // 1000:03d}Z"


def parse_instant(text: str) -> datetime | None:
    """Reads an ISO date or date-time with 0 to 9 fractional digits and any offset; None if not one."""
    text = text.strip()
    if not text:
        return None
    candidate = text.replace(" ", "T", 1) if re.match(r"^\d{4}-\d{2}-\d{2} \d", text) else text
    if candidate.endswith(("Z", "z")):
        candidate = candidate[:-1] + "+00:00"
    # fromisoformat before 3.11.? accepts only 3 or 6 fractional digits: pad or cut to 6.
    candidate = _FRACTION.sub(lambda m: f"{m.group(1)}.{(m.group(2) + '000000')[:6]}", candidate)
    try:
        parsed = datetime.fromisoformat(candidate)
    except ValueError:
        try:
            parsed = datetime.combine(date.fromisoformat(candidate), datetime.min.time())
        except ValueError:
            return None
    if parsed.tzinfo is None:
        parsed = parsed.replace(tzinfo=timezone.utc)
    return parsed


def normalise_instant(text: str) -> str | None:
    parsed = parse_instant(text)
    return None if parsed is None else format_instant(parsed)


def from_epoch_ms(milliseconds: float) -> str:
    return format_instant(datetime(1970, 1, 1, tzinfo=timezone.utc) + timedelta(milliseconds=milliseconds))


def parse_duration(text: str) -> float | None:
    """`[-]P[nD][T[nH][nM][n[.n]S]]` in seconds; None if malformed."""
    match = _DURATION.match(text.strip())
    if not match or text.strip() in ("P", "-P") or text.strip().endswith("T"):
        return None
    sign, days, hours, minutes, seconds = match.groups()
    total = (
        float(days or 0) * 86400 + float(hours or 0) * 3600 + float(minutes or 0) * 60 + float(seconds or 0)
    )
    return -total if sign else total


def shift_instant(stored: str | None, seconds: float) -> str | None:
    parsed = parse_instant(stored) if isinstance(stored, str) else None
    if parsed is None:
        return None
    return format_instant(parsed + timedelta(seconds=seconds))
