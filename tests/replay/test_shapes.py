"""The shape comparison itself: it accepts the real server's own answers and flags real differences."""
from __future__ import annotations

import pytest

from . import recordings
from .shapes import differences

RECORDINGS = recordings.folder()
JSON_BODIES = [r for r in (recordings.exchanges(RECORDINGS) if RECORDINGS else [])
               if r["response_body_format"] == "json"]


@pytest.mark.skipif(not JSON_BODIES, reason=f"no recordings; set ${recordings.ENV_VARIABLE}")
def test_every_recorded_answer_has_its_own_shape():
    for record in JSON_BODIES:
        assert differences(record["response_body"], record["response_body"]) == [], record["seq"]


ROWS = {"d": [
    {"id": 1, "contract": {"media": {"defaultBoot": "sdcard"}, "tags": ["a"]}},
    {"id": 2, "contract": {"media": {"defaultBoot": "internal", "altBoot": ["sdcard"]}, "tags": ["b"]}},
]}


def test_nested_keys_may_vary_as_they_vary_between_recorded_rows():
    actual = {"d": [{"id": 3, "contract": {"media": {"defaultBoot": "x", "altBoot": ["y"]}, "tags": []}},
                    {"id": 4, "contract": {"media": {"defaultBoot": "x"}, "tags": ["z"]}}]}
    assert differences(ROWS, actual) == []


def test_nested_keys_no_row_has_or_every_row_has_are_checked():
    actual = {"d": [{"id": 3, "contract": {"media": {"bootOrder": 1}, "tags": [1]}}]}
    assert differences(ROWS, actual) == [
        "$.d[0].contract.media: missing keys ['defaultBoot']",
        "$.d[0].contract.media: unexpected keys ['bootOrder']",
        "$.d[0].contract.tags[0]: string expected, got number",
    ]
