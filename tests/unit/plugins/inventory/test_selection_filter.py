from __future__ import annotations

from urllib.parse import unquote

import pytest

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.selection import SelectionError, device_filter, device_query, parse_tag
from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import compile_params


def _filter(selection):
    compiled = compile_params(device_query(selection))
    return unquote(compiled.split("$filter=", 1)[1]) if "$filter=" in compiled else None


def test_no_selection_means_no_filter():
    assert device_filter({}) is None
    assert device_filter({"fleets": [], "online_only": False, "filter": "  "}) is None
    assert _filter({}) is None


def test_fleets_by_id_slug_and_name():
    assert _filter({"fleets": [17, "12", "Demo/Signage", "sensors"]}) == (
        "belongs_to__application/any(a:(a/id in (12, 17)) or (a/slug eq 'demo/signage') or (a/app_name eq 'sensors'))")


def test_organizations_by_handle_or_id():
    assert _filter({"organizations": ["acme"]}) == "belongs_to__application/any(a:a/organization/any(o:o/handle eq 'acme'))"


def test_options_are_and_ed_and_values_or_ed():
    text = _filter({"device_types": ["a", "b"], "online_only": True, "overall_status": ["idle"]})
    assert text == "(is_of__device_type/any(t:t/slug in ('a', 'b'))) and (is_online eq true) and (overall_status eq 'idle')"


def test_os_versions_match_finer_versions():
    assert _filter({"os_versions": ["6.0"]}) == (
        "(os_version eq 'balenaOS 6.0') or startswith(os_version,'balenaOS 6.0.') or startswith(os_version,'balenaOS 6.0+')")


def test_tags_key_and_key_value():
    assert _filter({"tags": ["floor", "location=lobby"]}) == (
        "(device_tag/any(t:t/tag_key eq 'floor')) or (device_tag/any(t:(t/tag_key eq 'location') and (t/value eq 'lobby')))")
    assert parse_tag("a=b=c") == ("a", "b=c")
    assert parse_tag("k=") == ("k", "")
    with pytest.raises(SelectionError):
        parse_tag("=v")


def test_quotes_in_values_are_escaped():
    assert _filter({"tags": ["owner=o'brien"]}) == "device_tag/any(t:(t/tag_key eq 'owner') and (t/value eq 'o''brien'))"


def test_raw_filter_is_parenthesised_and_combined():
    assert _filter({"online_only": True, "filter": "a eq 1 or b eq 2"}) == "(is_online eq true) and (a eq 1 or b eq 2)"


def test_query_selects_only_needed_fields_and_orders_by_id():
    options = device_query({})["options"]
    assert "api_secret" not in options["$select"]
    assert options["$orderby"] == "id asc"
    assert set(options["$expand"]) == {
        "belongs_to__application", "is_of__device_type", "device_tag", "is_running__release", "should_be_running__release",
    }
