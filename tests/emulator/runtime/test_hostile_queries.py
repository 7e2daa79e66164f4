"""Queries built to exhaust the emulator answer 400 with a message, quickly, over real HTTP."""
from __future__ import annotations

from urllib.parse import quote

import pytest
import requests

NESTING = "nests more than 50 levels deep"


def _nested_any(levels: int) -> str:
    body = f"d{levels}/device_name eq 'none'"
    for level in range(levels - 1, -1, -1):
        body = f"d{level}/belongs_to__application/owns__device/any(d{level + 1}:{body})"
    return body.replace("d0/", "", 1)


def _get(emulator, target):
    return requests.get(emulator.url + target, headers={"Authorization": "Bearer " + emulator.credentials["api_key"]},
                        timeout=60)


def _filtered(emulator, expression, resource="device", extra=""):
    return _get(emulator, f"/v7/{resource}?$select=id{extra}&$filter=" + quote(expression, safe="()',/:$@"))


@pytest.mark.parametrize("expression", [
    "(" * 3000 + "id eq 1" + ")" * 3000,
    "not " * 2000 + "(id eq 1)",
    _nested_any(200),
    "length(" + "tolower(" * 1000 + "device_name" + ")" * 1000 + ") gt 1",
], ids=["3000 parentheses", "2000 not", "200 nested any()", "1000 nested tolower()"])
def test_deep_nesting_answers_400_naming_the_limit(emulator, expression):
    response = _filtered(emulator, expression)
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: the expression " + NESTING)


def test_deep_nesting_in_orderby_and_expand_answers_400(emulator):
    orderby = _get(emulator, "/v7/device?$select=id&$orderby=" + quote("(" * 2000 + "id" + ")" * 2000, safe="()"))
    assert orderby.status_code == 400 and NESTING in orderby.json()
    expand = _get(emulator, "/v7/application?$select=id&$expand=" + "owns__device($expand=" * 300 + "belongs_to__application"
                  + ")" * 300)
    assert expand.status_code == 400
    assert expand.json().startswith("Invalid request: $expand " + NESTING)


def test_text_growing_replace_answers_400_before_running_and_modest_growth_still_answers(emulator):
    growing = "device_name"
    for _ in range(8):
        growing = f"replace({growing},'a','aaaaaaaaaa')"
    response = _filtered(emulator, f"length({growing}) gt 1")
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: replace(...) could build a text of more than 262144 characters")
    modest = _filtered(emulator, "length(replace(replace(device_name,'e','ee'),'a','')) gt 0 and "
                                 "length(concat(device_name,concat(device_name,'!'))) gt 2")
    assert modest.status_code == 200 and modest.json()["d"]


def test_a_long_or_chain_answers_and_a_longer_one_is_refused(emulator):
    ids = [row["id"] for row in _get(emulator, "/v7/device?$select=id&$orderby=id asc").json()["d"]]
    chain = " or ".join(f"id eq {ids[index % len(ids)]}" for index in range(190))
    response = _filtered(emulator, chain, extra="&$orderby=id asc")
    assert response.status_code == 200
    assert [row["id"] for row in response.json()["d"]] == ids
    refused = _filtered(emulator, " or ".join(["id eq 1"] * 600))
    assert refused.status_code == 400
    assert refused.json().startswith("Invalid request: the expression is more than 200 operators")


def test_what_sqlite_cannot_parse_answers_400_not_500(emulator):
    response = _filtered(emulator, "id" + " add 1" * 150 + " eq 1")
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: the query is too complex for the database")


def test_a_costly_query_is_stopped_at_the_budget_and_others_still_answer(emulator_factory):
    emulator = emulator_factory("--devices", "2000", "--query-budget-ms", "50")
    response = _filtered(emulator, _nested_any(3))
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: the query was stopped after 50 ms of database time")
    cheap = _filtered(emulator, "device_name eq 'none'")
    assert (cheap.status_code, cheap.json()) == (200, {"d": []})


def test_an_expand_chain_that_multiplies_rows_answers_400(emulator):
    back_and_forth = "owns__device($select=id;$expand=belongs_to__application($select=id;$expand=" * 20
    response = _get(emulator, "/v7/application?$select=id&$expand=" + back_and_forth + "owns__device($select=id)"
                    + "))" * 20)
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: the answer would hold more than 1000000 rows")
    once = _get(emulator, "/v7/application?$select=id&$expand=" + back_and_forth[:back_and_forth.index("owns", 5)]
                + "owns__device($select=id)))")
    assert once.status_code == 200 and any(fleet["owns__device"] for fleet in once.json()["d"])


def test_a_text_the_database_would_build_beyond_its_limit_answers_400(fresh_emulator):
    uuid = fresh_emulator.credentials["device"]["uuid"]
    headers = {"Authorization": "Bearer " + fresh_emulator.credentials["api_key"]}
    written = requests.patch(f"{fresh_emulator.url}/v7/device(uuid='{uuid}')", json={"note": "a" * 40_000},
                             headers=headers, timeout=60)
    assert written.status_code == 200
    # Within the estimate for a value of ordinary length, but 10 MB from this long note.
    response = _filtered(fresh_emulator, f"uuid eq '{uuid}' and length(replace(note,'a','{'a' * 256}')) gt 1")
    assert response.status_code == 400
    assert response.json() == ("Invalid request: the query builds a text longer than the database allows (8 MiB); "
                               "simplify its string functions")
