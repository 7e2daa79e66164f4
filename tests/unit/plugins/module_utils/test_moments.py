"""`since`/`until` values: an ISO 8601 date or a duration back from now."""
from __future__ import annotations

import datetime

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.moments import epoch_ms, from_epoch_ms, moment

NOW = datetime.datetime(2030, 1, 31, 12, 0, 0, tzinfo=datetime.timezone.utc)


@pytest.mark.parametrize("text, back", [("30s", 30), ("15m", 900), ("2h", 7200), ("7d", 604800), ("1w", 604800)])
def test_durations_count_back_from_now(text, back):
    assert moment(text, "since", now=NOW) == NOW - datetime.timedelta(seconds=back)


def test_dates_are_read_in_utc():
    assert moment("2030-01-31T13:00:00+01:00", "since") == NOW
    assert moment("2030-01-31", "until") == NOW.replace(hour=0)


def test_anything_else_names_the_parameter():
    with pytest.raises(ParameterError) as raised:
        moment("yesterday", "until")
    assert raised.value.parameter == "until" and "duration back from now" in raised.value.problem


def test_epoch_milliseconds_round_trip():
    assert from_epoch_ms(epoch_ms(NOW) + 123) == "2030-01-31T12:00:00.123Z"
    assert from_epoch_ms(None) is None
