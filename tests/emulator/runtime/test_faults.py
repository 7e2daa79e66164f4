"""Fault rules: parsing, validation, and which requests they hit."""
from email.utils import parsedate_to_datetime
from types import SimpleNamespace
import time

import pytest

from emulator.faults import FaultRuleError, FaultSet, parse_rule_spec


def request(method="GET", target="/v7/device"):
    return SimpleNamespace(method=method, raw_target=target)


def outcomes(faults, count, **kwargs):
    return [faults.pick(request(**kwargs)) for _ in range(count)]


@pytest.mark.parametrize("spec, rule", [
    ("429:retry_after=2:every=3", {"status": 429, "retry_after": "2", "every": "3"}),
    ("503:path=^/v7/device:times=2", {"status": 503, "path": "^/v7/device", "times": "2"}),
    ("drop:every=5", {"drop": True, "every": "5"}),
    ("latency_ms=200:method=GET", {"latency_ms": "200", "method": "GET"}),
    ("500:path=(?:a|b):c", {"status": 500, "path": "(?:a|b):c"}),
    ("429:retry_after=http-date+2", {"status": 429, "retry_after": "http-date+2"}),
])
def test_command_line_specs_read_as_rules(spec, rule):
    assert parse_rule_spec(spec) == rule


@pytest.mark.parametrize("spec", ["nonsense", "429:colour=red", "429::every=2"])
def test_unreadable_specs_are_refused(spec):
    with pytest.raises(FaultRuleError):
        parse_rule_spec(spec)


@pytest.mark.parametrize("rule", [
    {}, {"every": 2}, {"status": 200}, {"status": 429, "drop": True}, {"status": "x"},
    {"drop": True, "lose_answer": True}, {"lose_answer": "maybe"},
    {"latency_ms": -1}, {"status": 500, "every": 0}, {"status": 500, "path": "("}, {"colour": "red"},
    {"status": True}, [1, 2],
])
def test_invalid_rules_are_refused(rule):
    with pytest.raises(FaultRuleError):
        FaultSet().add(rule)


def test_every_nth_matching_request_is_hit():
    faults = FaultSet()
    faults.add({"status": 429, "retry_after": 2, "every": 3})
    statuses = [fault.status if fault else None for fault in outcomes(faults, 6)]
    assert statuses == [None, None, 429, None, None, 429]


def test_times_limits_the_hits_and_path_and_method_narrow_the_match():
    faults = FaultSet()
    faults.add({"status": 503, "path": "^/v7/device", "method": "get", "times": 2})
    assert faults.pick(request(target="/v7/application")) is None
    assert faults.pick(request(method="POST")) is None
    hits = [fault.status if fault else None for fault in outcomes(faults, 3)]
    assert hits == [503, 503, None]
    assert faults.rules()[0]["fired"] == 2


def test_path_is_matched_against_the_decoded_target():
    faults = FaultSet()
    faults.add({"status": 500, "path": r"\$filter=uuid eq 'ab'"})
    assert faults.pick(request(target="/v7/device?$filter=uuid%20eq%20%27ab%27")).status == 500


def test_latencies_add_up_and_the_oldest_failing_rule_decides():
    faults = FaultSet()
    faults.add({"latency_ms": 20})
    faults.add({"status": 502, "latency_ms": 5})
    faults.add({"drop": True})
    fault = faults.pick(request())
    assert (fault.latency_ms, fault.status, fault.drop) == (25, 502, False)


def test_a_429_answers_with_retry_after_in_seconds():
    faults = FaultSet()
    faults.add({"status": 429, "retry_after": "2"})
    response = faults.pick(request()).response()
    assert response.status == 429
    assert response.headers["Retry-After"] == "2"
    assert response.body == b"Too Many Requests"


def test_retry_after_as_an_http_date_lies_ahead():
    faults = FaultSet()
    faults.add({"status": 429, "retry_after": "http-date+3"})
    header = faults.pick(request()).response().headers["Retry-After"]
    assert header.endswith("GMT")
    ahead = parsedate_to_datetime(header).timestamp() - time.time()
    assert 2.5 < ahead <= 5


def test_a_5xx_answers_with_an_empty_body():
    faults = FaultSet()
    faults.add({"status": 503})
    response = faults.pick(request()).response()
    assert (response.status, response.body, response.headers) == (503, b"", {})


def test_rules_can_be_removed_one_by_one_or_cleared():
    faults = FaultSet()
    first = faults.add({"status": 500})
    faults.add({"status": 502})
    assert faults.remove(first["id"]) and not faults.remove(first["id"])
    assert [rule["status"] for rule in faults.rules()] == [502]
    faults.clear()
    assert faults.rules() == [] and faults.pick(request()) is None
