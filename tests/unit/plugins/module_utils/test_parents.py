from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils import parents
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.keyed_rows import TAGS


class FakeDevices:
    def __init__(self, known):
        self.known = known
        self.queries = []

    def get_all(self, options):
        self.queries.append(options)
        field, match = next(iter(options["$filter"].items()))
        wanted = match["$in"] if isinstance(match, dict) else [match]
        return [dict(row, device_tag=[]) for row in self.known if row[field] in wanted]


class FakeBalena:
    def __init__(self, known):
        self.models = type("Models", (), {})()
        self.models.device = FakeDevices(known)


def uuid(number):
    return "%032x" % number


def test_identifiers_turn_digits_into_ids_but_keep_uuids_and_slugs():
    assert parents.identifier("42") == 42
    assert parents.identifier(7) == 7
    assert parents.identifier("org/app") == "org/app"
    assert parents.identifier("1" * 32) == "1" * 32


def test_many_devices_are_read_in_chunks_in_the_order_given():
    known = [{"id": number, "uuid": uuid(number)} for number in range(1, 251)]
    balena = FakeBalena(known)
    wanted = [uuid(number) for number in range(250, 0, -1)] + ["3"]
    found = parents.devices(balena, TAGS["device"], wanted)
    assert len(balena.models.device.queries) == 4  # 3 chunks of uuids, 1 of ids
    assert [parent.id for parent in found][:2] == [250, 249]
    assert len(found) == 250  # device 3 was named twice


def test_missing_and_malformed_devices_are_reported_by_parameter():
    balena = FakeBalena([{"id": 1, "uuid": uuid(1)}])
    with pytest.raises(ParameterError, match="1 device.s. not found or not accessible: " + uuid(2)):
        parents.devices(balena, TAGS["device"], [uuid(1), uuid(2)])
    with pytest.raises(ParameterError, match="neither a device id nor a full"):
        parents.devices(balena, TAGS["device"], ["abc123"])
    with pytest.raises(ParameterError, match="lists no device"):
        parents.devices(balena, TAGS["device"], [])
