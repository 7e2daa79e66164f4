# -*- coding: utf-8 -*-
"""The OData compiler against pine-client 0.2.0's output, row by row of the reference grammar.

The expected strings were produced by pine-client 0.2.0 and are baked in, so this test does
not need pine-client.
"""

from __future__ import annotations

import datetime

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import PineCompileError, compile_params

NESTED_LAMBDA = {"service_install": {"$any": {"$alias": "si", "$expr": {"$and": [
    {"si": {"device": 1}},
    {"si": {"installs__service": {"$any": {"$alias": "is", "$expr": {"is": {"service_name": "main"}}}}}},
]}}}}

ROWS = [
    ({"resource": "device", "options": {"$filter": {"device_name": "foo"}}},
     "device?$filter=device_name eq 'foo'"),
    ({"resource": "device", "options": {"$filter": {"a": 1, "b": "x"}}},
     "device?$filter=(a eq 1) and (b eq 'x')"),
    ({"resource": "device", "options": {"$filter": {"is_online": True, "note": None}}},
     'device?$filter=(is_online eq true) and (note eq null)'),
    ({"resource": "device", "options": {"$filter": {"name": {"$ne": None}}}},
     'device?$filter=name ne null'),
    ({"resource": "device", "options": {"$filter": {"a": {"$gt": 5}}}},
     'device?$filter=a gt 5'),
    ({"resource": "device", "options": {"$filter": {"a": {"$ge": 5}}}},
     'device?$filter=a ge 5'),
    ({"resource": "device", "options": {"$filter": {"a": {"$lt": 5}}}},
     'device?$filter=a lt 5'),
    ({"resource": "device", "options": {"$filter": {"a": {"$le": 5}}}},
     'device?$filter=a le 5'),
    ({"resource": "device", "options": {"$filter": {"a": {"$eq": 5}}}},
     'device?$filter=a eq 5'),
    ({"resource": "device", "options": {"$filter": {"c": {"$ge": 1, "$le": 9}}}},
     'device?$filter=(c ge 1) and (c le 9)'),
    ({"resource": "device", "options": {"$filter": {"id": {"$in": [1, 2, 3]}}}},
     'device?$filter=id in (1, 2, 3)'),
    ({"resource": "device", "options": {"$filter": {"id": {"$in": [1]}}}},
     'device?$filter=id in (1)'),
    ({"resource": "device", "options": {"$filter": {"uuid": {"$in": ["a", "b"]}}}},
     "device?$filter=uuid in ('a', 'b')"),
    ({"resource": "device", "options": {"$filter": {"id": {"$in": 7}}}},
     'device?$filter=id eq 7'),
    ({"resource": "device", "options": {"$filter": {"$in": {"a": 1, "b": 2}}}},
     'device?$filter=(a eq 1) or (b eq 2)'),
    ({"resource": "device", "options": {"$filter": {"$or": {"slug": "x", "uuid": "x"}}}},
     "device?$filter=(slug eq 'x') or (uuid eq 'x')"),
    ({"resource": "device", "options": {"$filter": {"$or": [{"name": "x"}, {"slug": "x"}]}}},
     "device?$filter=(name eq 'x') or (slug eq 'x')"),
    ({"resource": "device", "options": {"$filter": {"$and": [{"a": 1}, {"b": 2}]}}},
     'device?$filter=(a eq 1) and (b eq 2)'),
    ({"resource": "device", "options": {"$filter": [{"a": 1}, {"b": 2}]}},
     'device?$filter=(a eq 1) or (b eq 2)'),
    ({"resource": "device", "options": {"$filter": {"$or": [{"a": 1}, {"$and": [{"b": 2}, {"c": {"$ne": 3}}]}]}}},
     'device?$filter=(a eq 1) or ((b eq 2) and (c ne 3))'),
    ({"resource": "device", "options": {"$filter": {"$not": {"a": 1}}}},
     'device?$filter=not(a eq 1)'),
    ({"resource": "device", "options": {"$filter": {"$not": {"$or": [{"a": 1}, {"b": 2}]}}}},
     'device?$filter=not((a eq 1) or (b eq 2))'),
    ({"resource": "device", "options": {"$filter": {"nav": {"$any": {"$alias": "x", "$expr": {"x": {"prop": 5}}}}}}},
     'device?$filter=nav/any(x:x/prop eq 5)'),
    ({"resource": "device", "options": {"$filter": {"nav": {"$all": {"$alias": "r", "$expr": {"r": {"s": "ok"}}}}}}},
     "device?$filter=nav/all(r:r/s eq 'ok')"),
    ({"resource": "device", "options": {"$filter": {"is_directly_accessible_by__user": {"$any": {"$alias": "dau", "$expr": {"1": 1}}}}}},
     'device?$filter=is_directly_accessible_by__user/any(dau:1 eq 1)'),
    ({"resource": "device", "options": {"$filter": NESTED_LAMBDA}},
     "device?$filter=service_install/any(si:(si/device eq 1) and (si/installs__service/any(is:is/service_name eq 'main')))"),
    ({"resource": "device", "options": {"$filter": {"is_member_of__organization": {"id": 5}}}},
     'device?$filter=is_member_of__organization/id eq 5'),
    ({"resource": "device", "options": {"$filter": {"name": {"$contains": "foo"}}}},
     "device?$filter=contains(name,'foo')"),
    ({"resource": "device", "options": {"$filter": {"name": {"$startswith": "foo"}}}},
     "device?$filter=startswith(name,'foo')"),
    ({"resource": "device", "options": {"$filter": {"name": {"$endswith": "foo"}}}},
     "device?$filter=endswith(name,'foo')"),
    ({"resource": "device", "options": {"$filter": {"$contains": [{"$tolower": {"$": "name"}}, "ab"]}}},
     "device?$filter=contains(tolower(name),'ab')"),
    ({"resource": "device", "options": {"$filter": {"$eq": [{"$tolower": {"$": "app_name"}}, "foo"]}}},
     "device?$filter=tolower(app_name) eq 'foo'"),
    ({"resource": "device", "options": {"$filter": {"a": {"$": "b"}}}},
     'device?$filter=a eq b'),
    ({"resource": "device", "options": {"$filter": {"$eq": [{"$add": [{"$": "a"}, 1]}, 3]}}},
     'device?$filter=(a add 1) eq 3'),
    ({"resource": "device", "options": {"$filter": {"nav": {"$count": {"$gt": 1}}}}},
     'device?$filter=nav/$count gt 1'),
    ({"resource": "device", "options": {"$filter": {"$gt": [{"nav": {"$count": {"$filter": {"is_online": True}}}}, 1]}}},
     'device?$filter=nav/$count($filter=is_online eq true) gt 1'),
    ({"resource": "device", "options": {"$filter": {"$raw": "length(name) eq 3"}}},
     'device?$filter=(length(name) eq 3)'),
    ({"resource": "device", "options": {"$filter": {"$raw": ["name eq $1 and id gt $2", "a'b", 5]}}},
     "device?$filter=(name eq ('a''b') and id gt (5))"),
    ({"resource": "device", "options": {"$filter": {"$raw": {"$string": "name eq $n", "n": "q"}}}},
     "device?$filter=(name eq ('q'))"),
    ({"resource": "device", "options": {"$filter": {"created_at": {"$ge": datetime.datetime(2024, 1, 2, 3, 4, 5, 678000)}}}},
     "device?$filter=created_at ge datetime'2024-01-02T03:04:05.678Z'"),
    ({"resource": "device", "options": {"$filter": {"d": {"$duration": {"days": 1, "hours": 2}}}}},
     "device?$filter=d eq duration'P1DT2H'"),
    ({"resource": "device", "options": {"$filter": {"a": [1, 2]}}},
     'device?$filter=a eq (1 or 2)'),
    ({"resource": "device", "options": {"$filter": {"name": {"$contains": {"$tolower": "Ab"}}}}},
     "device?$filter=name eq contains(tolower('Ab'))"),
    ({"resource": "device", "options": {"$filter": {"a": {"$in": [{"$tolower": "x"}, "y"]}}}},
     "device?$filter=tolower(a,'x') or (a eq 'y')"),
    ({"resource": "device", "options": {"$filter": {"name": "O'Brien & co/1 ü"}}},
     "device?$filter=name eq 'O''Brien%20%26%20co%2F1%20%C3%BC'"),
    ({"resource": "device", "options": {"$filter": {"1": 1}}},
     'device?$filter=1 eq 1'),
    ({"resource": "device", "options": {"$select": "id"}},
     'device?$select=id'),
    ({"resource": "device", "options": {"$select": ["id", "uuid"]}},
     'device?$select=id,uuid'),
    ({"resource": "device", "options": {"$select": "*"}},
     'device?$select=*'),
    ({"resource": "device", "options": {"$top": 10, "$skip": 20}},
     'device?$top=10&$skip=20'),
    ({"resource": "device", "options": {"$orderby": "device_name asc"}},
     'device?$orderby=device_name asc'),
    ({"resource": "device", "options": {"$orderby": {"created_at": "desc"}}},
     'device?$orderby=created_at desc'),
    ({"resource": "device", "options": {"$orderby": [{"semver_major": "desc"}, "a asc"]}},
     'device?$orderby=semver_major desc,a asc'),
    ({"resource": "device", "options": {"$orderby": {"owns__device": {"$count": {}}, "$dir": "desc"}}},
     'device?$orderby=owns__device/$count desc'),
    ({"resource": "device", "options": {"$expand": "a"}},
     'device?$expand=a'),
    ({"resource": "device", "options": {"$expand": ["a", "b"]}},
     'device?$expand=a,b'),
    ({"resource": "device", "options": {"$expand": {"a": {"$select": "id"}}}},
     'device?$expand=a($select=id)'),
    ({"resource": "device", "options": {"$expand": {"is_of__device_type": {
        "$select": "is_of__cpu_architecture", "$expand": {"is_of__cpu_architecture": {"$select": "slug"}}}}}},
     'device?$expand=is_of__device_type($select=is_of__cpu_architecture;$expand=is_of__cpu_architecture($select=slug))'),
    ({"resource": "device", "options": {"$expand": {"owns__release": {
        "$select": "id", "$top": 1, "$filter": {"is_final": True, "status": "success"}, "$orderby": "created_at desc"}}}},
     "device?$expand=owns__release($select=id;$top=1;$filter=(is_final eq true) and (status eq 'success');$orderby=created_at desc)"),
    ({"resource": "device", "options": {"$expand": [{"owns__device": {"$select": "id"}}, "organization"]}},
     'device?$expand=owns__device($select=id),organization'),
    ({"resource": "device", "options": {"$expand": {"owns__device": {"$count": {}}}}},
     'device?$expand=owns__device/$count'),
    ({"resource": "device", "options": {"$expand": {"owns__device": {"$count": {"$filter": {"is_online": True}}}}}},
     'device?$expand=owns__device/$count($filter=is_online eq true)'),
    ({"resource": "device", "options": {"$count": {"$filter": {"is_online": True}}}},
     'device/$count?$filter=is_online eq true'),
    ({"resource": "device", "options": {"foo": "bar", "$format": "json"}},
     'device?foo=bar&$format=json'),
    ({"resource": "device", "id": 123},
     'device(123)'),
    ({"resource": "device", "id": "abc"},
     "device('abc')"),
    ({"resource": "device", "id": {"uuid": "0123456789abcdef0123456789abcdef"}},
     "device(uuid='0123456789abcdef0123456789abcdef')"),
    ({"resource": "device", "id": {"application": 5, "name": "FOO"}},
     "device(application=5,name='FOO')"),
    ({"resource": "device", "id": {"user": 1, "is_member_of__application": 2}},
     'device(user=1,is_member_of__application=2)'),
    ({"resource": "device", "id": {"@": "u"}},
     'device(@u)'),
    ({"resource": "device", "id": {"@": "u"}, "options": {"@u": "abc"}},
     "device(@u)?@u='abc'"),

]


@pytest.mark.parametrize("params, expected", ROWS)
def test_compiles_like_pine_client(params, expected):
    assert compile_params(params) == expected


def test_raw_url_is_used_verbatim():
    assert compile_params({"url": "device?$select=id", "resource": "ignored"}) == "device?$select=id"


def test_resource_path_list_and_count_suffix():
    assert compile_params({"resource": ["application", "owns__device"]}) == "application/owns__device"
    assert compile_params({"resource": "device/$count"}) == "device/$count"


def test_datetime_quirks_are_kept():
    five_ms = datetime.datetime(2024, 1, 2, 3, 4, 5, 5000)
    assert compile_params({"resource": "d", "options": {"$filter": {"t": five_ms}}}) == "d?$filter=t eq datetime'2024-01-02T03:04:05.5Z'"
    aware = datetime.datetime(2024, 1, 2, 3, 0, 0, tzinfo=datetime.timezone(datetime.timedelta(hours=2)))
    assert compile_params({"resource": "d", "options": {"$filter": {"t": aware}}}) == "d?$filter=t eq datetime'2024-01-02T05:00:00.0Z'"


@pytest.mark.parametrize("options", [
    {"$select": []},
    {"$top": "1"},
    {"$bogus": 1},
    {"$orderby": {"a": "up"}},
    {"$orderby": [["a asc"]]},
    {"$orderby": "a/$count desc"},
    {"$expand": {"a": "b"}},
    {"$expand": {"$select": "x"}},
    {"$count": {}, "$top": 1},
    {"$expand": {"a": {"$count": {"$select": "x"}}}},
    {"$filter": [{"a": 1}]},
    {"$filter": {"a": {"$bogus": 1}}},
])
def test_rejects_what_pine_client_rejects(options):
    with pytest.raises(Exception):
        compile_params({"resource": "device", "options": options})


def test_missing_resource_is_an_error():
    with pytest.raises(PineCompileError):
        compile_params({})
