# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Dates as the user writes them and as the API returns them, in one comparable form."""

from __future__ import annotations

import datetime

from .errors import ParameterError

try:
    from dateutil.parser import isoparse
    HAS_DATEUTIL = True
    DATEUTIL_IMPORT_ERROR = None
except ImportError as import_error:  # pragma: no cover - exercised by the sanity import test
    isoparse = None
    HAS_DATEUTIL = False
    DATEUTIL_IMPORT_ERROR = import_error


def _parse(text):
    # isoparse reads every ISO 8601 form the API writes (any number of fraction digits, offsets
    # with or without a colon) alike on every Python; datetime.fromisoformat does not before 3.11.
    value = text.strip()
    if value.endswith("z"):
        value = value[:-1] + "Z"
    moment = isoparse(value)
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=datetime.timezone.utc)
    return moment.astimezone(datetime.timezone.utc)


def canonical(value):
    """``YYYY-MM-DDTHH:MM:SS.mmmZ`` (UTC) for a date the API returned; None stays None."""
    if value is None:
        return None
    moment = _parse(str(value))
    return moment.strftime("%Y-%m-%dT%H:%M:%S.") + "{0:03d}Z".format(moment.microsecond // 1000)


def user_date(value, parameter):
    """A date the user gave (ISO 8601, ``Z`` or an offset, or just a day) in canonical form."""
    try:
        return canonical(value)
    except ValueError:
        raise ParameterError(parameter, "{0!r} is not an ISO 8601 date such as 2030-01-31 or 2030-01-31T12:00:00Z".format(value)) from None


def in_future(value, parameter):
    moment = _parse(value)
    if moment <= datetime.datetime.now(datetime.timezone.utc):
        raise ParameterError(parameter, "{0} is in the past; give a later date".format(value))
    return value
