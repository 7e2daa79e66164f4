"""/_emulator/ over HTTP: the request log and fault rules, for the admin token only."""
import threading
import time

import pytest
import requests

from emulator import app


@pytest.fixture(scope="module")
def server():
    world = app.build_world(app.MEMORY, admin_token="admin-secret")
    served = app.start_server(world, "127.0.0.1", 0)
    thread = threading.Thread(target=served.serve_forever, kwargs={"poll_interval": 0.1}, daemon=True)
    thread.start()
    yield world.base_url
    served.shutdown()
    served.server_close()
    world.store.close()


ADMIN = {"Authorization": "Bearer admin-secret"}


@pytest.fixture
def hooks(server):
    def call(method, path, **kwargs):
        return requests.request(method, server + "/_emulator/" + path, headers=ADMIN, timeout=10, **kwargs)
    yield call
    call("DELETE", "faults")
    call("DELETE", "requests")


@pytest.mark.parametrize("method, path", [
    ("GET", "requests"), ("DELETE", "requests"), ("GET", "faults"), ("POST", "faults"), ("DELETE", "faults"),
])
def test_every_hook_refuses_other_callers(server, method, path):
    for headers in ({}, {"Authorization": "Bearer nope"}):
        response = requests.request(method, f"{server}/_emulator/{path}", headers=headers, json={"status": 500},
                                    timeout=10)
        assert (response.status_code, response.content) == (401, b"")


def test_the_log_lists_raw_targets_with_status_and_duration_and_clears(server, hooks):
    hooks("DELETE", "requests")
    requests.get(server + "/v7/device_type?$filter=slug%20eq%20'raspberrypi3'&$select=id", timeout=10)
    requests.get(server + "/nowhere", timeout=10)
    entries = hooks("GET", "requests").json()
    assert [(e["method"], e["path"], e["status"]) for e in entries] == [
        ("GET", "/v7/device_type?$filter=slug%20eq%20'raspberrypi3'&$select=id", 200), ("GET", "/nowhere", 404)]
    assert all(isinstance(e["duration_ms"], float) and e["duration_ms"] >= 0 for e in entries)
    assert [e["path"] for e in hooks("GET", "requests", params={"path": "^/v7/"}).json()] == [entries[0]["path"]]
    assert hooks("DELETE", "requests").status_code == 200
    assert hooks("GET", "requests").json() == []


def test_a_429_every_second_request_with_retry_after(server, hooks):
    rule = hooks("POST", "faults", json={"status": 429, "retry_after": 2, "every": 2, "path": "^/ping"})
    assert rule.status_code == 201 and rule.json()["every"] == 2
    statuses = [requests.get(server + "/ping", timeout=10) for _ in range(4)]
    assert [r.status_code for r in statuses] == [200, 429, 200, 429]
    assert statuses[1].headers["Retry-After"] == "2"
    assert [e["status"] for e in hooks("GET", "requests").json()][-4:] == [200, 429, 200, 429]


def test_a_5xx_for_a_path_and_method_a_limited_number_of_times(server, hooks):
    hooks("POST", "faults", json={"status": 503, "path": "device_type", "method": "GET", "times": 1})
    assert requests.get(server + "/v7/device_type?$top=1", timeout=10).status_code == 503
    assert requests.get(server + "/v7/device_type?$top=1", timeout=10).status_code == 200
    assert hooks("GET", "faults").json()[0]["fired"] == 1


def test_a_dropped_connection(server, hooks):
    hooks("POST", "faults", json={"drop": True, "times": 1})
    with pytest.raises(requests.ConnectionError):
        requests.get(server + "/ping", timeout=10)
    assert requests.get(server + "/ping", timeout=10).status_code == 200


def test_a_lost_answer_is_served_then_the_connection_closes(server, hooks):
    hooks("POST", "faults", json={"lose_answer": True, "path": "^/ping", "times": 1})
    with pytest.raises(requests.ConnectionError):
        requests.get(server + "/ping", timeout=10)
    assert hooks("GET", "requests").json()[-1]["status"] == 200
    assert requests.get(server + "/ping", timeout=10).status_code == 200


def test_added_latency(server, hooks):
    hooks("POST", "faults", json={"latency_ms": 300, "path": "^/ping"})
    started = time.monotonic()
    assert requests.get(server + "/ping", timeout=10).status_code == 200
    assert time.monotonic() - started >= 0.3


def test_bad_rules_are_refused_with_a_reason(hooks):
    response = hooks("POST", "faults", json={"status": 429, "colour": "red"})
    assert response.status_code == 400 and "colour" in response.json()
    assert hooks("POST", "faults", data="not json").status_code == 400


def test_a_rule_can_be_removed_by_id(hooks):
    rule = hooks("POST", "faults", json={"status": 500, "path": "^/never"}).json()
    assert hooks("DELETE", f"faults/{rule['id']}").status_code == 200
    assert hooks("DELETE", f"faults/{rule['id']}").status_code == 404
    assert hooks("GET", "faults").json() == []
