from __future__ import annotations

import threading

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory import enrichment


class FakePine:
    def __init__(self):
        self.calls = []
        self._lock = threading.Lock()

    def get(self, params):
        with self._lock:
            self.calls.append(params)
        resource = params["resource"]
        field = "application" if resource.startswith("application") else "device"
        condition = params["options"]["$filter"]
        if "$and" in condition:
            condition = condition["$and"][0]
        wanted = condition[field]
        ids = wanted["$in"] if isinstance(wanted, dict) else [wanted]
        if resource == "image_install":
            return [{"device": {"__id": i}, "status": "Running", "download_progress": None,
                     "installs__image": [{"id": i * 10 + n, "is_a_build_of__service": [{"service_name": "main"}]}]}
                    for i in ids for n in (1, 2)]
        return [{field: {"__id": i}, "name": "FROM_" + field.upper(), "value": str(i)} for i in ids]


def test_batches_cover_every_device_with_one_request_each():
    records = [{"id": i, "fleet_id": 1000 + i % 3} for i in range(1, 601)]
    pine = FakePine()
    found = enrichment.fetch(pine, records, variables=True, services=True, concurrency=3)
    per_resource = {}
    for call in pine.calls:
        per_resource[call["resource"]] = per_resource.get(call["resource"], 0) + 1
    assert per_resource == {"device_environment_variable": 3, "device_config_variable": 3, "image_install": 3,
                            "application_environment_variable": 1, "application_config_variable": 1}
    assert found["env"]["5"] == {"FROM_DEVICE": "5", "FROM_APPLICATION": str(1000 + 5 % 3)}
    assert found["services"]["5"] == {"main": {"status": "Running", "download_progress": None}}
    assert len(found["config"]) == 600


def test_nothing_asked_nothing_read():
    pine = FakePine()
    assert enrichment.fetch(pine, [{"id": 1, "fleet_id": 2}]) == {}
    assert pine.calls == []
