from __future__ import annotations

from ansible_collections.balena.cloud.plugins.module_utils import parents


def test_identifiers_turn_digits_into_ids_but_keep_uuids_and_slugs():
    assert parents.identifier("42") == 42
    assert parents.identifier(7) == 7
    assert parents.identifier("org/app") == "org/app"
    assert parents.identifier("1" * 32) == "1" * 32
