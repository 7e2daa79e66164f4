"""The OData parser: every construct of the dialect, the malformed cases, and the SDK's compiled URLs."""
from __future__ import annotations

import pytest

from emulator.odata.expression import parse_filter, parse_orderby
from emulator.odata.options import parse_query
from emulator.odata.syntax import (
    AliasRef, Binary, Call, CountTail, In, InvalidQuery, LambdaTail, Literal, MalformedUrl, Not, Path,
)
from emulator.odata.target import parse_target


def field(name):
    return Path((name,))


def test_comparison_and_literals():
    assert parse_filter("a eq 'x'") == Binary("eq", field("a"), Literal("x", "string"))
    assert parse_filter("a ne null") == Binary("ne", field("a"), Literal(None, "null"))
    assert parse_filter("a gt -5") == Binary("gt", field("a"), Literal(-5, "integer"))
    assert parse_filter("a le 2.5") == Binary("le", field("a"), Literal(2.5, "real"))
    assert parse_filter("a eq true") == Binary("eq", field("a"), Literal(True, "boolean"))
    assert parse_filter("name eq 'O''Brien'").right == Literal("O'Brien", "string")


def test_and_or_share_one_precedence_read_left_to_right():
    a, b, c = (Binary("eq", field(n), Literal(1, "integer")) for n in "abc")
    assert parse_filter("a eq 1 or b eq 1 and c eq 1") == Binary("and", Binary("or", a, b), c)
    assert parse_filter("a eq 1 or (b eq 1 and c eq 1)") == Binary("or", a, Binary("and", b, c))


def test_arithmetic_binds_tighter_than_comparison():
    node = parse_filter("a add 1 mul 2 eq 3")
    assert node == Binary("eq", Binary("add", field("a"), Binary("mul", Literal(1, "integer"), Literal(2, "integer"))),
                          Literal(3, "integer"))
    for op in ("sub", "div", "mod"):
        assert parse_filter(f"a {op} 2 eq 1").left.op == op


def test_not_with_and_without_parentheses():
    assert parse_filter("not is_online") == Not(field("is_online"))
    assert parse_filter("not(startswith(a,'x'))") == Not(Call("startswith", (field("a"), Literal("x", "string"))))


def test_in_list():
    assert parse_filter("id in (1, 2, 3)") == In(field("id"), tuple(Literal(i, "integer") for i in (1, 2, 3)))
    assert parse_filter("uuid in ('a')") == In(field("uuid"), (Literal("a", "string"),))


def test_lambdas_nested_with_variable_paths():
    node = parse_filter("owns__device/any(d:d/device_tag/any(t:(t/tag_key eq 'g') and (t/value eq 'odd')))")
    assert node.names == ("owns__device",) and node.tail.kind == "any" and node.tail.var == "d"
    inner = node.tail.body
    assert inner.names == ("d", "device_tag") and inner.tail.var == "t"
    assert parse_filter("nav/all(r:r/s eq 'ok')").tail == LambdaTail("all", "r", Binary("eq", Path(("r", "s")), Literal("ok", "string")))
    assert parse_filter("nav/any(a:true)").tail.body == Literal(True, "boolean")
    assert parse_filter("nav/any()").tail == LambdaTail("any")


def test_navigation_paths_and_counts():
    assert parse_filter("is_member_of__organization/id eq 5").left == Path(("is_member_of__organization", "id"))
    assert parse_filter("nav/$count gt 1").left == Path(("nav",), CountTail())
    node = parse_filter("nav/$count($filter=is_online eq true) gt 1").left
    assert node.tail == CountTail(Binary("eq", field("is_online"), Literal(True, "boolean")))


def test_functions():
    for text in ("contains(name,'foo')", "startswith(a,'x')", "endswith(a,'x')", "substringof('x',a)",
                 "tolower(a) eq 'x'", "toupper(a) eq 'X'", "length(a) eq 3", "indexof(a,'x') eq 1",
                 "substring(a,1) eq 'x'", "substring(a,1,2) eq 'x'", "replace(a,'x','y') eq 'z'",
                 "trim(a) eq 'x'", "concat(a,'x') eq 'y'", "year(c) eq 2024", "month(c) eq 1", "day(c) eq 1",
                 "hour(c) eq 1", "minute(c) eq 1", "second(c) eq 1", "date(c) eq date'2024-01-01'",
                 "time(c) eq '10:00:00.000'", "c lt now()", "c lt maxdatetime()", "c gt mindatetime()",
                 "round(x) eq 1", "floor(x) eq 1", "ceiling(x) eq 1"):
        parse_filter(text)


def test_datetime_literals_normalise_to_the_stored_form():
    for text in ("2024-01-02T03:04:05Z", "2024-01-02T03:04:05.6Z", "2024-01-02T03:04:05.678Z",
                 "2024-01-02T03:04:05.678912Z", "2024-01-02T05:04:05.678+02:00"):
        stamp = parse_filter(f"c gt datetime'{text}'").right
        assert stamp.type == "datetime" and stamp.value.startswith("2024-01-02T03:04:05.")
    assert parse_filter("c gt datetime'2024-01-02T03:04:05.5Z'").right.value == "2024-01-02T03:04:05.500Z"


def test_durations():
    node = parse_filter("c gt now() sub duration'P1DT2H3M4.5S'")
    assert node.right.right == Literal(86400 + 7200 + 180 + 4.5, "duration")
    assert parse_filter("c gt duration'-PT1H'").right.value == -3600


def test_parameter_alias():
    assert parse_filter("a eq @p").right == AliasRef("p")
    assert parse_query("$filter=a eq @p&@p='x'").aliases == {"p": Literal("x", "string")}


@pytest.mark.parametrize("text", [
    "device_name eq", "foo bar baz", "frobnicate(device_name) eq 'x'", "a eq (1", "a eq 1)", "", "contains(a)",
    "a eq datetime'not a date'", "a eq duration'P'",
])
def test_malformed_filters(text):
    with pytest.raises(MalformedUrl):
        parse_filter(text)


def test_unterminated_string_is_a_server_error_as_on_the_real_server():
    with pytest.raises(InvalidQuery):
        parse_filter("device_name eq 'abc")


def test_orderby_defaults_to_descending():
    items = parse_orderby("a,b asc,c desc,nav/$count,nav/x asc")
    assert [item.descending for item in items] == [True, False, True, True, False]
    assert items[3].expr == Path(("nav",), CountTail())
    with pytest.raises(MalformedUrl):
        parse_orderby("device_name sideways")


def test_query_options_in_any_order_encoded_or_not():
    first = parse_query("$select=id,uuid&$filter=id%20eq%201&$top=5&$skip=2&$orderby=id%20asc")
    second = parse_query("$orderby=id asc&$skip=2&$top=5&$filter=id eq 1&$select=id,uuid")
    assert first == second
    assert first.select == ("id", "uuid") and first.top == 5 and first.skip == 2


def test_ignored_and_custom_options():
    options = parse_query("$format=json;metadata=full&$inlinecount=allpages&$count=true&foo=bar&returnResource=false")
    assert options.custom == {"foo": "bar", "returnResource": "false"}


@pytest.mark.parametrize("query", ["$top=abc", "$top=-1", "$skip=abc", "$skip=1.5", "$frobnicate=1",
                                   "$select=id,", "$expand=nav(", "$expand=nav($frob=1)"])
def test_malformed_options(query):
    with pytest.raises(MalformedUrl):
        parse_query(query)


def test_expand_nested_with_semicolons_or_ampersands():
    options = parse_query("$expand=owns__device($select=id,device_name;$filter=startswith(device_name,'a');"
                          "$orderby=device_name desc;$top=3;$skip=1;$expand=device_tag($select=tag_key,value))")
    (expand,) = options.expand
    assert expand.name == "owns__device" and not expand.count
    assert expand.options.select == ("id", "device_name") and expand.options.top == 3 and expand.options.skip == 1
    assert expand.options.expand[0].options.select == ("tag_key", "value")
    same = parse_query("$expand=owns__device($select=id,device_name&$top=3)")
    assert same.expand[0].options.top == 3


def test_expand_counts():
    options = parse_query("$expand=owns__device/$count,application_tag($select=tag_key),x/$count($filter=a eq 1)")
    assert [(e.name, e.count) for e in options.expand] == [("owns__device", True), ("application_tag", False), ("x", True)]
    assert options.expand[2].options.filter == Binary("eq", field("a"), Literal(1, "integer"))


# Compiled output of the official SDK's pine client (reference: wire §4.3).
SDK_URLS = [
    "$select=id", "$select=id,uuid", "$select=*", "$top=10&$skip=20", "$orderby=device_name asc",
    "$orderby=created_at desc", "$orderby=semver_major desc,a asc", "$orderby=owns__device/$count desc",
    "$expand=a", "$expand=a,b", "$expand=a($select=id)",
    "$expand=is_of__device_type($select=is_of__cpu_architecture;$expand=is_of__cpu_architecture($select=slug))",
    "$expand=owns__release($select=id;$top=1;$filter=(is_final eq true) and (status eq 'success');$orderby=created_at desc)",
    "$expand=owns__device($select=id),organization", "$expand=owns__device/$count",
    "$expand=owns__device/$count($filter=is_online eq true)",
    "$filter=device_name eq 'foo'", "$filter=(a eq 1) and (b eq 'x')", "$filter=(is_online eq true) and (note eq null)",
    "$filter=name ne null", "$filter=(c ge 1) and (c le 9)", "$filter=id in (1, 2, 3)", "$filter=uuid in ('a', 'b')",
    "$filter=(slug eq 'x') or (uuid eq 'x')", "$filter=(a eq 1) or ((b eq 2) and (c ne 3))", "$filter=not(a eq 1)",
    "$filter=not((a eq 1) or (b eq 2))", "$filter=nav/any(x:x/prop eq 5)", "$filter=nav/all(r:r/s eq 'ok')",
    "$filter=is_directly_accessible_by__user/any(dau:1 eq 1)",
    "$filter=service_install/any(si:(si/device eq 1) and (si/installs__service/any(is:is/service_name eq 'main')))",
    "$filter=is_member_of__organization/id eq 5", "$filter=contains(name,'foo')", "$filter=contains(tolower(name),'ab')",
    "$filter=tolower(app_name) eq 'foo'", "$filter=a eq b", "$filter=(a add 1) eq 3", "$filter=nav/$count gt 1",
    "$filter=nav/$count($filter=is_online eq true) gt 1", "$filter=(length(name) eq 3)",
    "$filter=(name eq ('a''b') and id gt (5))", "$filter=created_at ge datetime'2024-01-02T03:04:05.678Z'",
    "$filter=created_at ge datetime'2024-01-02T03:04:05.5Z'", "$filter=d eq duration'P1DT2H'",
    "$filter=name eq 'O''Brien%20%26%20co%2F1%20%C3%BC'",
]


@pytest.mark.parametrize("query", SDK_URLS)
def test_every_compiled_sdk_example_parses(query):
    parse_query(query)


def test_targets():
    assert parse_target("device").key is None
    assert parse_target("device(5)").key == Literal(5, "integer")
    assert parse_target("device('abc')").key == Literal("abc", "string")
    assert parse_target("device(@id)").key == AliasRef("id")
    key = parse_target("device_tag(device=1,tag_key='k')").key
    assert key == (("device", Literal(1, "integer")), ("tag_key", Literal("k", "string")))
    target = parse_target("application(65)/owns__device/$count")
    assert (target.resource, target.navigation, target.count) == ("application", "owns__device", True)
    assert parse_target("device/$count").count


@pytest.mark.parametrize("path", ["device(abc)", "application/", "device(1)/a/b", "/device", "device(uuid=)"])
def test_malformed_targets(path):
    with pytest.raises(MalformedUrl):
        parse_target(path)


def test_slashes_inside_key_strings():
    target = parse_target("application(slug='org/app')/owns__device")
    assert target.key == (("slug", Literal("org/app", "string")),) and target.navigation == "owns__device"
