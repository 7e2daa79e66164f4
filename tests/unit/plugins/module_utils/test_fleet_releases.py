from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.fleet_releases import is_version, release_match


def test_a_short_number_is_an_id():
    assert release_match("117") == {"id": 117}


@pytest.mark.parametrize("reference", ["1.2.0", "8a962e0acee69b0e59e2014d77392ebb"])
def test_commits_and_versions_are_matched_on_both_fields(reference):
    assert release_match(reference) == {"$or": [{"commit": reference}, {"raw_version": reference}]}


@pytest.mark.parametrize("reference, expected", [
    ("1.2.0", True), ("1.2.0+rev1", True), ("117", False),
    ("8a962e0acee69b0e59e2014d77392ebb", False), ("8a962e0acee69b0e59e2014d77392ebb8a962e0a", False),
])
def test_only_versions_need_a_fleet(reference, expected):
    assert is_version(reference) is expected
