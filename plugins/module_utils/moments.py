# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Points in time as users give them to ``since`` and ``until`` options: an ISO 8601 date, or a
duration back from now (``30s``, ``15m``, ``2h``, ``7d``)."""

from __future__ import annotations

import datetime
import re

from .errors import ParameterError
from .timestamps import canonical

_DURATION = re.compile(r"^\s*(\d+)\s*([smhdw])\s*$")
_UNIT_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def moment(value, parameter, now=None):
    """A timezone-aware UTC datetime for ``value``."""
    now = now or datetime.datetime.now(datetime.timezone.utc)
    duration = _DURATION.match(str(value))
    if duration:
        return now - datetime.timedelta(seconds=int(duration.group(1)) * _UNIT_SECONDS[duration.group(2)])
    try:
        text = canonical(value)
    except ValueError:
        raise ParameterError(parameter, "{0!r} is neither an ISO 8601 date (2030-01-31T12:00:00Z) nor a duration back "
                                        "from now (30s, 15m, 2h, 7d)".format(value)) from None
    return datetime.datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=datetime.timezone.utc)


def from_epoch_ms(value):
    """``YYYY-MM-DDTHH:MM:SS.mmmZ`` for milliseconds since the epoch; None stays None."""
    if value is None:
        return None
    moment_ = datetime.datetime.fromtimestamp(value / 1000.0, datetime.timezone.utc)
    return moment_.strftime("%Y-%m-%dT%H:%M:%S.") + "{0:03d}Z".format(moment_.microsecond // 1000)


def epoch_ms(value):
    return int(value.timestamp() * 1000)
