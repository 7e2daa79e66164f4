from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.device_record import device_record
from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.hostvars import HostvarsError, exported_names, host_variables

ROW = {
    "id": 7, "uuid": "b05e5bba28df79d5eab5e1aa2c6300be", "device_name": "lobby", "ip_address": "1.2.3.4 5.6.7.8",
    "mac_address": None, "belongs_to__application": [{"id": 3, "slug": "o/f", "organization": [{"handle": "o"}]}],
    "is_of__device_type": [{"slug": "rpi"}], "device_tag": [{"tag_key": "k", "value": "v"}],
    "is_running__release": [], "should_be_running__release": [{"commit": "c", "raw_version": "1.0.0"}],
}


def test_device_record_flattens_the_expanded_row():
    record = device_record(ROW)
    assert record["fleet"] == "o/f" and record["organization"] == "o" and record["device_type"] == "rpi"
    assert record["ip_addresses"] == ["1.2.3.4", "5.6.7.8"] and record["mac_addresses"] == []
    assert record["tags"] == {"k": "v"} and record["release"] is None and record["target_release"] == "c"
    assert record["short_uuid"] == "b05e5bb"


def test_prefixed_names():
    record = device_record(ROW)
    names = exported_names(record, "balena_", {"tags", "name"})
    variables = host_variables(record, names)
    assert variables["balena_tags"] == {"k": "v"}
    assert all(name.startswith("balena_") for name in variables)


def test_reserved_or_invalid_names_are_refused():
    with pytest.raises(HostvarsError, match="tags"):
        exported_names(["tags", "uuid"], "", {"tags"})
    with pytest.raises(HostvarsError, match="1uuid"):
        exported_names(["uuid"], "1", set())
