# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk import identifiers as ids
from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import DeviceNotFound, InvalidParameter
from ansible_collections.balena.cloud.plugins.module_utils.sdk.pine import compile_params

UUID32 = "a" * 32
UUID62 = "b" * 62


def compiled_filter(resource_filter):
    return compile_params({"resource": "x", "options": {"$filter": resource_filter}})[len("x?$filter="):]


@pytest.mark.parametrize("value, expected", [(1, True), (0, True), (True, False), ("1", False), (1.5, False), (None, False)])
def test_is_id(value, expected):
    assert ids.is_id(value) is expected


@pytest.mark.parametrize("value, expected", [(UUID32, True), (UUID62, True), ("a" * 7, False), ("a" * 33, False), (5, False)])
def test_is_full_uuid(value, expected):
    assert ids.is_full_uuid(value) is expected


def test_device_key_accepts_ids_and_full_uuids_only():
    assert ids.device_key(5) == 5
    assert ids.device_key(UUID62) == {"uuid": UUID62}
    with pytest.raises(InvalidParameter):
        ids.device_key("abc1234")
    with pytest.raises(InvalidParameter):
        ids.device_key("")
    with pytest.raises(DeviceNotFound):
        ids.device_key(None)


def test_organization_key():
    assert ids.organization_key(3) == 3
    assert ids.organization_key("acme") == {"handle": "acme"}
    with pytest.raises(InvalidParameter):
        ids.organization_key(None)


def test_fleet_filter_lower_cases_slug_and_uuid():
    assert compiled_filter(ids.application_filter("Acme/App")) == "(slug eq 'acme%2Fapp') or (uuid eq 'acme%2Fapp')"


def test_fleet_link_filter_by_id_and_by_slug():
    assert compiled_filter(ids.application_navigation_filter("belongs_to__application", 4)) == "belongs_to__application eq 4"
    assert compiled_filter(ids.application_navigation_filter("belongs_to__application", "o/a")) == (
        "belongs_to__application/any(a:(a/slug eq 'o%2Fa') or (a/uuid eq 'o%2Fa'))")


def test_device_link_filter_by_uuid():
    assert compiled_filter(ids.device_navigation_filter("device", UUID32)) == "device/any(d:d/uuid eq '%s')" % UUID32
    assert compiled_filter(ids.device_navigation_filter("device", 9)) == "device eq 9"


def test_release_filter_forms():
    assert ids.release_filter(10) == {"id": 10}
    assert ids.release_filter("abc") == {"commit": "abc"}
    assert compiled_filter(ids.release_filter({"application": 3, "raw_version": "1.0.0"})) == (
        "(raw_version eq '1.0.0') and (belongs_to__application eq 3)")
    with pytest.raises(InvalidParameter):
        ids.release_filter({"raw_version": "1.0.0"})


def test_device_type_filter_goes_through_aliases():
    assert compiled_filter(ids.device_type_filter("raspberry-pi2")) == (
        "device_type_alias/any(dta:dta/is_referenced_by__alias eq 'raspberry-pi2')")


def test_membership_key():
    assert ids.is_membership_key({"user": 1, "is_member_of__application": 2}, "is_member_of__application")
    assert not ids.is_membership_key({"user": 1}, "is_member_of__application")
