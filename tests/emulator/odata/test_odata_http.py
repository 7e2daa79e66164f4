"""The engine over HTTP through an in-process server: paths, status codes, bodies and headers."""
from __future__ import annotations

import pytest


def test_collection_keyed_and_count_shapes(api):
    assert api("GET", "/v7/device?$select=id&$top=2&$orderby=id asc").json() == {"d": [{"id": 1}, {"id": 2}]}
    assert api("GET", "/v7/device(2)?$select=id").json() == {"d": [{"id": 2}]}
    assert api("GET", "/v7/device(@id)?$select=id&@id=2").json() == {"d": [{"id": 2}]}
    assert api("GET", "/v7/device(999)?$select=id").json() == {"d": []}
    assert api("GET", f"/v7/device(uuid='{1:032x}')?$select=id").json() == {"d": [{"id": 2}]}
    assert api("GET", "/v7/device_tag(device=1,tag_key='temp')?$select=value").json() == {"d": [{"value": "3"}]}
    assert api("GET", "/v7/device_tag(tag_key='temp',device=1)?$select=value").json() == {"d": [{"value": "3"}]}
    assert api("GET", "/v7/device/$count").json() == {"d": 5}
    assert api("GET", "/v7/device/$count?$filter=is_online eq true").json() == {"d": 3}
    assert api("GET", "/v7/application(1)/owns__device/$count").json() == {"d": 4}
    assert api("GET", "/v7/application(1)/owns__device?$select=id&$top=2&$orderby=id asc").json() == {"d": [{"id": 1}, {"id": 2}]}
    assert api("GET", "/v7/device(2)/belongs_to__application?$select=app_name").json() == {"d": [{"app_name": "fleet-one"}]}


def test_percent_encoded_and_plain_queries_agree(api):
    plain = api("GET", "/v7/device?$select=id&$filter=device_name eq 'beta'").json()
    encoded = api("GET", "/v7/device?%24select=id&%24filter=device_name%20eq%20%27beta%27").json()
    assert plain == encoded == {"d": [{"id": 2}]}
    assert api("GET", "/v7/device?$select=id&$filter=device_name eq 'a%26b'").json() == {"d": []}


@pytest.mark.parametrize("target", [
    "/v7/device?$filter=device_name%20eq", "/v7/device?$filter=foo%20bar%20baz",
    "/v7/device?$filter=frobnicate(device_name)%20eq%20'x'", "/v7/device?$select=id&$orderby=device_name%20sideways",
    "/v7/device?$select=id&$top=abc", "/v7/device?$select=id&$top=-1", "/v7/device?$select=id&$skip=abc",
    "/v7/device?$select=id&$top=1&$frobnicate=1", "/v7/application/?$select=id&$top=1", "/v7/device(abc)",
])
def test_malformed_urls_answer_400_with_the_raw_target(api, target):
    response = api("GET", target)
    assert response.status_code == 400
    assert response.json() == f"Malformed url: '{target}'"


# The real API answers these with an empty 500; the emulator says what is wrong instead.
@pytest.mark.parametrize("target, message", [
    ("/v7/device?$filter=device_name%20eq%20'abc", "the string 'abc has no closing quote"),
    ("/v7/device?$filter=no_such_field%20eq%201", "unknown field device.no_such_field"),
    ("/v7/device?$select=id&$filter=id%20eq%20'abc'", "cannot compare id (number) with 'abc' (string)"),
    ("/v7/device?$select=id,no_such_field", "unknown field device.no_such_field in $select"),
    ("/v7/device?$select=id&$expand=no_such_nav&$top=1", "unknown navigation device.no_such_nav in $expand"),
    ("/v7/device?$select=id&$orderby=no_such_field%20asc", "unknown field device.no_such_field"),
    ("/v7/device_type('abc')", "device_type('abc'): an id must be an integer"),
    ("/v7/device(device_name='alpha')", "(device_name) is not a natural key of device: use (uuid) or (id)"),
    ("/v7/device_tag(dev=1,tag_key='temp')", "(dev, tag_key) is not a natural key of device_tag"),
    ("/v7/device?$select=id&$top=99999999999999999999", "the number 99999999999999999999 is out of range"),
    ("/v7/device?$select=id&$top=" + "9" * 5000, "(5000 digits) is out of range"),
    ("/v7/device?$filter=id%20eq%20-" + "9" * 5000, "(5000 digits) is out of range"),
    (f"/v7/device({'9' * 5000})", "(5000 digits) is out of range"),
], ids=lambda value: value[:80])
def test_unknown_names_and_type_mismatches_answer_400_saying_what_is_wrong(api, target, message):
    response = api("GET", target)
    assert response.status_code == 400
    assert response.json().startswith("Invalid request: ") and message in response.json()


def test_ignored_options(api):
    for query in ("$top=1&foo=bar", "$top=1&$count=true", "$top=1&$inlinecount=allpages", "$top=1&$format=json"):
        assert api("GET", f"/v7/device?$select=id&{query}&$orderby=id asc").json() == {"d": [{"id": 1}]}


def test_unknown_resources_and_the_root_are_401(api):
    for method, path in (("GET", "/v7/no_such_resource"), ("POST", "/v7/no_such_resource"), ("GET", "/v7/"),
                         ("GET", "/v7/$metadata")):
        response = api(method, path, json={"a": 1} if method == "POST" else None)
        assert (response.status_code, response.content) == (401, b"")


def test_no_read_grant_is_401_and_keyed_reads_of_invisible_rows_are_empty(api):
    assert api("GET", "/v7/device?$select=id", who=None).status_code == 401
    assert api("GET", "/v7/application(1)?$select=id", who=None).json() == {"d": []}
    assert api("GET", "/v7/application?$select=app_name", who=None).json() == {"d": [{"app_name": "public-os"}]}


def test_post(api):
    response = api("POST", "/v7/device_tag", json={"device": 2, "tag_key": "new", "value": "x", "junk": 1})
    assert response.status_code == 201
    body = response.json()
    assert body["device"] == {"__id": 2} and body["tag_key"] == "new" and "junk" not in body
    assert response.headers["Location"] == f"/v7/device_tag(@id)?@id={body['id']}"
    minimal = api("POST", "/v7/device_tag?returnResource=false", json={"device": 2, "tag_key": "n2"})
    assert minimal.status_code == 201 and set(minimal.json()) == {"id"}


@pytest.mark.parametrize("body, status, text", [
    ({"device": 2, "tag_key": "group"}, 409, '"device" and "tag_key" must be unique.'),
    ({"device": 999, "tag_key": "k"}, 409, "Foreign key constraint violated"),
    ({"device": {"__id": 2}, "tag_key": "k"}, 400, "Invalid request: device must be an integer id"),
    ({"device": 2}, 400, "It is necessary that each device_tag has a tag_key."),
    ([{"device": 2, "tag_key": "k"}], 400, "Invalid request: the body must be a JSON object"),
])
def test_post_errors(api, body, status, text):
    response = api("POST", "/v7/device_tag", json=body)
    assert response.status_code == status
    assert (response.json() if response.content else None) == text


def test_post_without_a_body_or_to_an_entity_is_400_with_a_message(api):
    response = api("POST", "/v7/device_tag")
    assert (response.status_code, response.json()) == (400, "POST needs a JSON object body")
    response = api("POST", "/v7/device(1)", json={"note": "x"})
    assert response.status_code == 400 and "send it to /device" in response.json()


def test_patch_put_merge_delete(api):
    assert (api("PATCH", "/v7/device(2)", json={"note": "p"}).status_code, api("PATCH", "/v7/device(2)", json={"note": "p"}).content) == (200, b"")
    assert api("MERGE", "/v7/device(3)", json={"note": "m"}).status_code == 200
    assert api("GET", "/v7/device?$select=note&$filter=id in (2, 3)&$orderby=id asc").json() == {"d": [{"note": "p"}, {"note": "m"}]}
    assert api("PATCH", f"/v7/device(uuid='{1:032x}')", json={"note": "by key"}).status_code == 200
    assert api("GET", "/v7/device(2)?$select=note").json() == {"d": [{"note": "by key"}]}
    assert api("PUT", "/v7/device_tag(6)", json={"device": 1, "tag_key": "temp"}).status_code == 200
    assert api("GET", "/v7/device_tag(6)?$select=value").json() == {"d": [{"value": ""}]}
    assert api("PATCH", "/v7/device?$filter=startswith(device_name,'d')", json={"note": "bulk"}).status_code == 200
    assert api("GET", "/v7/device?$select=device_name&$filter=note eq 'bulk'").json() == {"d": [{"device_name": "delta"}]}
    assert api("DELETE", "/v7/device_tag?$filter=device eq 1").status_code == 200
    assert api("GET", "/v7/device_tag/$count?$filter=device eq 1").json() == {"d": 0}
    assert api("DELETE", "/v7/device(1)").status_code == 200
    assert api("GET", "/v7/device(1)").json() == {"d": []}
    assert api("PATCH", "/v7/device(999)", json={"note": "x"}).status_code == 200
    assert api("DELETE", "/v7/device_tag(999)").status_code == 200


def test_bulk_delete_without_filter_takes_every_permitted_row(api):
    assert api("DELETE", "/v7/application_tag", who="member").status_code == 200
    assert api("GET", "/v7/application_tag/$count").json() == {"d": 0}


@pytest.mark.parametrize("body, status, text", [
    ({}, 400, "No fields to update"),
    ({"no_such_field": 1}, 400, "Invalid request: none of the fields sent can be changed on device "
                                "(unknown, computed or read-only): no_such_field"),
    ({"overall_status": "idle"}, 400, "Invalid request: none of the fields sent can be changed on device "
                                      "(unknown, computed or read-only): overall_status"),
    ({"device_name": "x" * 300}, 400, "Invalid request: device_name is 300 characters long, at most 255 are allowed"),
    ({"api_heartbeat_state": "sideways"}, 400, "Check constraint violated"),
])
def test_patch_errors(api, body, status, text):
    response = api("PATCH", "/v7/device(2)", json=body)
    assert response.status_code == status
    assert (response.json() if response.content else None) == text


def test_keyed_delete_not_found_text(api):
    response = api("DELETE", "/v7/application(999)")
    assert (response.status_code, response.json()) == (404, "Application(s) not found.")


def test_member_rights_over_http(api):
    assert api("POST", "/v7/device_tag", who="member", json={"device": 5, "tag_key": "t"}).status_code == 401
    assert api("POST", "/v7/device_tag", who="member", json={"device": 2, "tag_key": "t"}).status_code == 201
    assert api("PATCH", "/v7/device(5)", who="member", json={"note": "no"}).status_code == 200
    assert api("GET", "/v7/device(5)?$select=note").json() == {"d": [{"note": "note 4"}]}
    assert api("GET", "/v7/my_application/$count", who="member").json() == {"d": 3}


def test_can_access_action(api):
    assert api("POST", "/v7/device(2)/canAccess", who="member", json={"action": "update"}).json() == {"d": [{"id": 2}]}
    assert api("POST", "/v7/device(5)/canAccess", who="member", json={"action": "update"}).status_code == 401
    assert api("POST", "/v7/device(5)/canAccess", who="member", json={"action": "read"}).status_code == 200
    assert api("POST", "/v7/device(2)/canAccess", who=None, json={"action": "read"}).status_code == 401


def test_v6_is_served_by_the_same_engine(api):
    assert api("GET", "/v6/device(1)?$select=id").json() == {"d": [{"id": 1}]}
    assert api("POST", "/v6/device_tag", json={"device": 2, "tag_key": "v6"}).headers["Location"].startswith("/v6/device_tag(@id)")


def test_multipart_bodies(api):
    response = api("POST", "/v7/device_tag", data={"device": "2", "tag_key": "form"},
                   files={"value_file": ("logo.png", b"\x89PNG", "image/png")})
    assert response.status_code == 201 and response.json()["tag_key"] == "form"


@pytest.mark.parametrize("target, column", [
    ("/v7/device(2147483648)?$select=id", "(id)"),
    ("/v7/device(@id)?$select=id&@id=4294967296", "(id)"),
    ("/v7/device?$select=id&$filter=id eq 99999999999", "(id)"),
    ("/v7/device?$select=id&$filter=id ge -2147483649", "(id)"),
    ("/v7/device?$select=id&$filter=id in (1, 2147483648)", "(id)"),
    ("/v7/device?$select=id&$filter=belongs_to__application eq 2147483648", "(belongs_to__application)"),
    ("/v7/device?$select=id&$filter=belongs_to__application/id eq 2147483648", "(belongs_to__application/id)"),
    ("/v7/device?$select=id&$filter=memory_usage gt 9999999999", "(memory_usage)"),
    ("/v7/application?$select=id&$filter=owns__device/any(d:d/id eq 2147483648)", "(d/id)"),
    ("/v7/device_tag(device=2147483648,tag_key='temp')", "(device)"),
], ids=lambda value: value[:70])
def test_a_value_beyond_32_bits_for_an_integer_column_is_an_error_not_an_empty_answer(api, target, column):
    response = api("GET", target)
    assert response.status_code == 400, response.text
    message = response.json()
    assert message.startswith("Invalid request: value \"") and "is out of range for type integer" in message
    assert message.endswith(column)


def test_the_32_bit_range_itself_and_big_integer_columns_still_answer(api):
    assert api("GET", "/v7/device(2147483647)?$select=id").json() == {"d": []}
    assert api("GET", "/v7/device?$select=id&$filter=id ge -2147483648 and id eq 2").json() == {"d": [{"id": 2}]}
    assert api("GET", "/v7/device?$select=id&$filter=storage_size eq 99999999999").json() == {"d": []}
    assert api("GET", "/v7/device?$select=id&$top=2147483648&$filter=id eq 2").json() == {"d": [{"id": 2}]}
