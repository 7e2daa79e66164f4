from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.timestamps import canonical, in_future, user_date


@pytest.mark.parametrize("given", ["2030-01-31", "2030-01-31T00:00:00Z", "2030-01-31T01:00:00+01:00", "2030-01-31T00:00:00.000Z"])
def test_one_moment_written_many_ways_is_one_value(given):
    assert user_date(given, "until") == "2030-01-31T00:00:00.000Z"


def test_none_stays_none():
    assert canonical(None) is None


def test_bad_and_past_dates_name_the_parameter():
    with pytest.raises(ParameterError) as bad:
        user_date("next tuesday", "support_access_until")
    assert bad.value.parameter == "support_access_until"
    with pytest.raises(ParameterError) as past:
        in_future("2001-01-01T00:00:00.000Z", "support_access_until")
    assert "past" in past.value.problem


@pytest.mark.parametrize("written", [
    "2030-01-31T10:20:30.12Z",             # two fraction digits: datetime.fromisoformat rejects it before Python 3.11
    "2030-01-31T10:20:30.120000000Z",      # nanoseconds, as some API fields carry them
    "2030-01-31T12:20:30.120+0200",        # an offset without a colon
    "2030-01-31T10:20:30.12z",
])
def test_the_api_iso_8601_forms_read_as_one_moment(written):
    assert canonical(written) == "2030-01-31T10:20:30.120Z"
