from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.hostnames import (
    DuplicateHostnames, pick_name, resolve_duplicates, unsafe_reason,
)


def _record(uuid, name="dev"):
    return {"uuid": uuid, "short_uuid": uuid[:7], "device_name": name}


def test_first_non_empty_choice_wins():
    record = _record("abcdef0123456789", name="")
    assert pick_name(record, ["device_name", "short_uuid"], None) == ""
    assert pick_name(record, ["short_uuid", "device_name"], None) == "abcdef0"
    assert pick_name(record, ["{{ x }}", "uuid"], lambda template: "  ") == "abcdef0123456789"
    assert pick_name(record, ["{{ x }}"], lambda template: "from-template") == "from-template"


def test_nothing_usable_falls_back_to_the_uuid():
    assert pick_name(_record("abcdef0123", name=None), ["device_name"], None) == ""


def test_unknown_choice_is_rejected():
    with pytest.raises(ValueError):
        pick_name(_record("a"), ["serial"], None)


def test_suffix_names_every_twin_and_leaves_others_alone():
    named = [("a", _record("1111111aaa")), ("b", _record("2222222bbb")), ("a", _record("3333333ccc"))]
    names, duplicates = resolve_duplicates(named, "suffix")
    assert names == ["a-1111111", "b", "a-3333333"]
    assert duplicates == {"a": ["1111111aaa", "3333333ccc"]}


def test_suffix_never_collides_with_another_plain_name():
    named = [("a", _record("1111111aaa")), ("a", _record("2222222bbb")), ("a-1111111", _record("3333333ccc"))]
    names, _duplicates = resolve_duplicates(named, "warn")
    assert len(set(names)) == 3
    assert names[0] == "a-1111111a"


def test_error_policy():
    with pytest.raises(DuplicateHostnames, match="a .1111111aaa, 2222222bbb"):
        resolve_duplicates([("a", _record("1111111aaa")), ("a", _record("2222222bbb"))], "error")
    with pytest.raises(ValueError):
        resolve_duplicates([], "ignore")


@pytest.mark.parametrize("name", ["localhost", "LocalHost", "127.0.0.1", "127.1.2.3", "::1", "[::1]", "0.0.0.0",
                                  "localhost.localdomain", "localhost.", "api.localhost", "ip6-localhost", "",
                                  "   ", "-x", "a b", "a,b", "a:b", "web*", "x?", "a[1]", "~re", "!x", "&x", "@f",
                                  "a'b", 'a"b', "a\\b", "tab\there"])
def test_unsafe_names(name):
    assert unsafe_reason(name) is not None


@pytest.mark.parametrize("name", ["lobby-screen", "line_1.gateway", "1e3f89c", "Lobby-Screen-2", "écran"])
def test_safe_names(name):
    assert unsafe_reason(name) is None
