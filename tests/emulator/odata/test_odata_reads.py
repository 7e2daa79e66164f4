"""Reads through the engine against the stand-in schema: selection, shapes, filters, order, paging, rights."""
from __future__ import annotations

import pytest

from emulator.auth.caller import ANONYMOUS, Caller
from emulator.errors import ApiError
from odata_standin_schema import ADMIN_CALLER


def read(world, query, resource="device", caller=ADMIN_CALLER):
    return world.odata.read(caller, resource, query)


def names(rows):
    return [row["device_name"] for row in rows]


def test_wire_types_of_every_kind(world):
    (row,) = read(world, "$filter=device_name eq 'alpha'")
    assert list(row)[:3] == ["created_at", "modified_at", "id"]
    assert row["belongs_to__application"] == {"__id": world.ids["app1"]}
    assert row["is_online"] is True
    assert row["storage_size"] == "1000000000000"
    assert row["custom"] == {"n": 0}
    assert row["last_connectivity_event"] == "2024-01-01T10:00:00.000Z"
    assert row["overall_status"] == "idle"
    assert len(row["created_at"]) == 24 and row["created_at"].endswith("Z")


def test_select_star_and_list_and_null_fk(world):
    assert read(world, "$select=*&$top=1")[0].keys() == read(world, "$top=1")[0].keys()
    (row,) = read(world, "$select=slug,is_of__cpu_architecture&$filter=slug eq 'intel-nuc'", "device_type")
    assert row == {"slug": "intel-nuc", "is_of__cpu_architecture": None}


def test_unknown_field_or_navigation_is_a_400_naming_it(world):
    for query, message in (("$select=id,nope", "unknown field device.nope in $select"),
                           ("$filter=nope eq 1", "unknown field device.nope"),
                           ("$expand=nope", "unknown navigation device.nope in $expand"),
                           ("$orderby=nope asc", "unknown field device.nope"),
                           ("$filter=id eq 'abc'", "cannot compare id (number) with 'abc' (string)")):
        with pytest.raises(ApiError) as error:
            read(world, query)
        assert (error.value.status, error.value.body) == (400, f"Invalid request: {message}")


def test_expansions_are_lists_and_put_first(world):
    rows = read(world, "$select=id,device_name&$expand=belongs_to__application($select=slug),"
                       "is_of__device_type($select=slug;$expand=is_of__cpu_architecture($select=slug)),"
                       "device_tag($select=tag_key,value;$orderby=tag_key asc)&$orderby=id asc")
    first = rows[0]
    assert list(first) == ["belongs_to__application", "is_of__device_type", "device_tag", "id", "device_name"]
    assert first["belongs_to__application"] == [{"slug": "one/fleet-one"}]
    assert first["is_of__device_type"] == [{"slug": "raspberrypi4-64", "is_of__cpu_architecture": [{"slug": "aarch64"}]}]
    assert first["device_tag"] == [{"tag_key": "group", "value": "even"}, {"tag_key": "temp", "value": "3"}]
    (nuc,) = read(world, "$select=slug&$expand=is_of__cpu_architecture&$filter=slug eq 'intel-nuc'", "device_type")
    assert nuc["is_of__cpu_architecture"] == []


def test_expand_options_apply_per_parent(world):
    (app,) = read(world, f"$select=id&$expand=owns__device($select=device_name;$orderby=device_name asc;$top=2;$skip=1)"
                         f"&$filter=id eq {world.ids['app1']}", "application")
    assert names(app["owns__device"]) == ["alpha", "beta"]
    (app,) = read(world, f"$select=id&$expand=owns__device($select=id;$filter=is_online eq true)"
                         f"&$filter=id eq {world.ids['app1']}", "application")
    assert len(app["owns__device"]) == 2


def test_expand_counts_are_numbers(world):
    rows = read(world, "$select=app_name&$expand=owns__device/$count,application_tag/$count&$orderby=id asc", "application")
    assert [(row["app_name"], row["owns__device"], row["application_tag"]) for row in rows] == [
        ("fleet-one", 4, 1), ("fleet-two", 1, 0), ("public-os", 0, 0)]
    (row,) = read(world, f"$select=id&$expand=owns__device/$count($filter=is_online eq false)&$filter=id eq {world.ids['app1']}",
                  "application")
    assert row["owns__device"] == 2


@pytest.mark.parametrize("query, expected", [
    ("$filter=device_name eq 'O''Brien'", ["O'Brien"]),
    ("$filter=note eq null", ["beta", "delta"]),
    ("$filter=note ne null", ["alpha", "Gamma", "O'Brien"]),
    ("$filter=note ne 'note 0'", ["beta", "Gamma", "delta", "O'Brien"]),
    ("$filter=memory_usage gt 10 and memory_usage le 30", ["Gamma", "delta"]),
    ("$filter=memory_usage add 5 eq 15", ["beta"]),
    ("$filter=memory_usage mul 2 ge 60", ["delta", "O'Brien"]),
    ("$filter=memory_usage div 10 eq 2", ["Gamma"]),
    ("$filter=memory_usage mod 20 eq 10", ["beta", "delta"]),
    ("$filter=device_name eq 'alpha' or device_name eq 'beta' and is_online eq true", ["alpha"]),
    ("$filter=device_name eq 'alpha' or (device_name eq 'beta' and is_online eq true)", ["alpha"]),
    ("$filter=not is_online", ["beta", "delta"]),
    ("$filter=not(startswith(device_name,'a'))", ["beta", "Gamma", "delta", "O'Brien"]),
    ("$filter=id in (1, 2, 999)", ["alpha", "beta"]),
    ("$filter=device_name in ('Gamma', 'delta')", ["Gamma", "delta"]),
    ("$filter=note in ('note 0', null)", ["alpha", "beta", "delta"]),
    ("$filter=contains(device_name,'amm')", ["Gamma"]),
    ("$filter=substringof('amm',device_name)", ["Gamma"]),
    ("$filter=endswith(device_name,'ta')", ["beta", "delta"]),
    ("$filter=tolower(device_name) eq 'gamma'", ["Gamma"]),
    ("$filter=contains(toupper(device_name),'AMM')", ["Gamma"]),
    ("$filter=length(device_name) eq 7", ["O'Brien"]),
    ("$filter=indexof(device_name,'l') eq 1", ["alpha"]),
    ("$filter=substring(device_name,1) eq 'lpha'", ["alpha"]),
    ("$filter=substring(device_name,1,2) eq 'et'", ["beta"]),
    ("$filter=replace(device_name,'a','o') eq 'olpho'", ["alpha"]),
    ("$filter=trim(concat(' ',device_name)) eq 'beta'", ["beta"]),
    ("$filter=concat(device_name,'!') eq 'beta!'", ["beta"]),
    ("$filter=year(last_connectivity_event) eq 2024 and day(last_connectivity_event) eq 2", ["beta"]),
    ("$filter=month(last_connectivity_event) eq 1 and hour(last_connectivity_event) eq 10 and minute(last_connectivity_event) eq 0 and second(last_connectivity_event) eq 0 and day(last_connectivity_event) eq 1", ["alpha"]),
    ("$filter=date(last_connectivity_event) eq date'2024-01-03'", ["Gamma"]),
    ("$filter=time(last_connectivity_event) eq '10:00:00.000' and id eq 1", ["alpha"]),
    ("$filter=last_connectivity_event gt datetime'2024-01-04T00:00:00Z'", ["delta", "O'Brien"]),
    ("$filter=last_connectivity_event gt datetime'2024-01-04T11:00:00+02:00'", ["delta", "O'Brien"]),
    ("$filter=last_connectivity_event gt '2024-01-04T00:00:00.000Z'", ["delta", "O'Brien"]),
    ("$filter=last_connectivity_event lt now() sub duration'P1D' and last_connectivity_event gt mindatetime()",
     ["alpha", "beta", "Gamma", "delta", "O'Brien"]),
    ("$filter=last_connectivity_event add duration'P1D' eq datetime'2024-01-02T10:00:00Z'", ["alpha"]),
    ("$filter=last_connectivity_event gt maxdatetime()", []),
    ("$filter=round(memory_usage div 4) eq 2", ["beta"]),
    ("$filter=floor(memory_usage) eq 10 and ceiling(memory_usage) eq 10", ["beta"]),
    ("$filter=device_tag/any(t:t/tag_key eq 'temp')", ["alpha"]),
    ("$filter=device_tag/all(t:t/value eq 'odd')", ["beta", "delta"]),
    ("$filter=device_tag/any(t:(t/tag_key eq 'group') and (t/value eq 'even'))", ["alpha", "Gamma", "O'Brien"]),
    ("$filter=device_tag/$count gt 1", ["alpha"]),
    ("$filter=device_tag/$count($filter=tag_key eq 'temp') eq 0 and id le 2", ["beta"]),
    ("$filter=belongs_to__application/app_name eq 'fleet-two'", ["O'Brien"]),
    ("$filter=belongs_to__application/id eq 2", ["O'Brien"]),
    ("$filter=belongs_to__application/organization/handle eq 'one' and id eq 1", ["alpha"]),
    ("$filter=belongs_to__fleet/app_name eq 'fleet-two'", ["O'Brien"]),
    ("$filter=belongs_to__application/any(a:a/owns__device/any(d:d/device_name eq 'O''Brien'))", ["O'Brien"]),
    ("$filter=is_online", ["alpha", "Gamma", "O'Brien"]),
    ("$filter=1 eq 1 and id eq 1", ["alpha"]),
    ("$filter=overall_status eq 'offline'", ["beta", "delta"]),
    ("$filter=device_name eq @n&@n='beta'", ["beta"]),
])
def test_filters(world, query, expected):
    assert names(read(world, "$select=device_name&" + query + "&$orderby=id asc")) == expected


def test_lambda_through_reverse_navigation_and_nested(world):
    rows = read(world, "$select=app_name&$filter=owns__device/any(d:d/device_tag/any(t:t/tag_key eq 'temp'))", "application")
    assert [row["app_name"] for row in rows] == ["fleet-one"]
    rows = read(world, "$select=app_name&$filter=owns__device/all(d:d/is_online eq true)&$orderby=id asc", "application")
    assert [row["app_name"] for row in rows] == ["fleet-two", "public-os"]


def test_type_mismatches_are_400_naming_the_operands(world):
    for query, message in (
            ("$filter=device_name eq 1", "cannot compare device_name (string) with 1 (number)"),
            ("$filter=is_online eq 'x'", "cannot compare is_online (boolean) with 'x' (string)"),
            ("$filter=length(memory_usage) eq 1", "length(memory_usage) needs a text argument"),
            ("$filter=device_tag eq 1", "device.device_tag is a to-many navigation, not a value"),
            ("$filter=device_tag/tag_key eq 'x'", "device.device_tag is a to-many navigation: reach tag_key through"),
            ("$filter=device_name eq @missing", "unknown parameter alias @missing"),
            ("$filter=id in ('a')", "cannot compare id (number) with 'a' (string) in `in (...)`"),
            ("$filter=id add 'a' eq 1", "cannot add id (number) and 'a' (string)"),
            ("$filter=year(id) eq 1", "year(id) needs a datetime argument")):
        with pytest.raises(ApiError) as error:
            read(world, query)
        assert error.value.status == 400 and error.value.body.startswith(f"Invalid request: {message}")


def test_orderby(world):
    assert names(read(world, "$select=device_name&$orderby=device_name")) == ["delta", "beta", "alpha", "O'Brien", "Gamma"]
    assert names(read(world, "$select=device_name&$orderby=device_name asc")) == ["Gamma", "O'Brien", "alpha", "beta", "delta"]
    # Nulls sort as the largest value, as in PostgreSQL.
    assert names(read(world, "$select=device_name&$orderby=note desc,device_name asc")) == ["beta", "delta", "O'Brien", "Gamma", "alpha"]
    assert names(read(world, "$select=device_name&$orderby=note asc,id asc"))[-2:] == ["beta", "delta"]
    assert names(read(world, "$select=device_name&$orderby=device_tag/$count desc,id asc"))[0] == "alpha"
    assert names(read(world, "$select=device_name&$orderby=belongs_to__application/app_name desc,id asc"))[0] == "O'Brien"


def test_top_and_skip(world):
    assert names(read(world, "$select=device_name&$orderby=id asc&$top=2&$skip=1")) == ["beta", "Gamma"]
    assert names(read(world, "$select=device_name&$orderby=id asc&$skip=4")) == ["O'Brien"]
    assert read(world, "$select=id&$top=0") == []


def test_reads_are_filtered_by_grants(world):
    member = world.callers["member"]
    assert len(read(world, "$select=id", caller=member)) == 5
    outsider = Caller(kind="user", user_id=9)
    assert read(world, "$select=id", caller=outsider) == []
    assert [row["app_name"] for row in read(world, "$select=app_name", "application", outsider)] == ["public-os"]
    with pytest.raises(ApiError) as error:
        read(world, "$select=id", caller=ANONYMOUS)
    assert error.value.status == 401


def test_expansions_and_filters_only_see_readable_rows(world):
    outsider = Caller(kind="user", user_id=9)
    (app,) = read(world, "$select=app_name&$expand=owns__device($select=id),owns__device/$count", "application", outsider)
    assert app["app_name"] == "public-os"
    with pytest.raises(ApiError) as error:
        read(world, "$select=app_name&$expand=owns__device($select=id)", "application", ANONYMOUS)
    assert error.value.status == 401
    limited = Caller(kind="user", user_id=9, app_ids=frozenset([world.ids["app2"]]))
    (org_row,) = read(world, "$select=handle&$expand=application($select=app_name)&$filter=handle eq 'one'",
                      "organization", Caller(kind="user", user_id=9, org_ids=frozenset([world.ids["org1"]]),
                                             app_ids=frozenset([world.ids["app2"]])))
    assert org_row["application"] == [{"app_name": "fleet-two"}]
    assert read(world, "$select=id&$filter=owns__device/any(d:d/device_name eq 'alpha')", "application", limited) == []


def test_device_caller_sees_only_itself(world):
    device = Caller(kind="device", device_id=world.ids["beta"])
    assert names(read(world, "$select=device_name", caller=device)) == ["beta"]


def test_resource_aliases(world):
    assert len(read(world, "$select=id", "my_application")) == 3


def test_selecting_an_expanded_navigation(world):
    (app,) = read(world, "$select=owns__device&$expand=owns__device($select=id;$filter=id eq 1)&$filter=id eq 1", "application")
    assert app == {"owns__device": [{"id": 1}]}
    (device,) = read(world, "$select=belongs_to__application&$expand=belongs_to__application($select=id)&$filter=id eq 1")
    assert device == {"belongs_to__application": [{"id": 1}]}
    with pytest.raises(ApiError):
        read(world, "$select=owns__device&$filter=id eq 1", "application")


def test_expansions_are_checked_even_without_rows(world):
    for query in ("$expand=owns__device($select=nope)", "$expand=owns__device/$count($filter=nope eq 1)",
                  "$expand=owns__device($expand=nope)"):
        with pytest.raises(ApiError) as error:
            read(world, query + "&$filter=id eq 999", "application")
        assert error.value.status == 400 and "device.nope" in error.value.body
