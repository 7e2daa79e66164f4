"""The request log keeps what was answered, bounded, and leaves the test hooks out."""
from emulator.request_log import RequestLog


def test_records_method_raw_target_status_and_duration():
    log = RequestLog()
    log.record("GET", "/v7/device?$filter=id%20eq%201", 200, 0.0123)
    assert log.entries() == [{"method": "GET", "path": "/v7/device?$filter=id%20eq%201", "status": 200,
                              "duration_ms": 12.3}]


def test_test_hook_calls_are_not_recorded_and_clear_empties():
    log = RequestLog()
    log.record("GET", "/_emulator/requests", 200, 0.001)
    log.record("POST", "/login_", 401, 0.001)
    assert [entry["path"] for entry in log.entries()] == ["/login_"]
    log.clear()
    assert log.entries() == []


def test_the_oldest_entries_make_room():
    log = RequestLog(capacity=3)
    for number in range(5):
        log.record("GET", f"/v7/device({number})", 200, 0)
    assert [entry["path"] for entry in log.entries()] == ["/v7/device(2)", "/v7/device(3)", "/v7/device(4)"]
