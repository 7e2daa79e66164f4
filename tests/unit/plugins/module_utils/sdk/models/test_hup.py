# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.sdk.exceptions import OsUpdateError
from ansible_collections.balena.cloud.plugins.module_utils.sdk.hup import get_hup_action_type


@pytest.mark.parametrize("current, target, action", [
    ("2.14.0+rev1", "2.16.0+rev1", "resinhup22"),
    ("2.88.4+rev1.prod", "2.108.0+rev2.prod", "resinhup22"),
    ("2.88.4+rev1.dev", "3.0.1+rev1.dev", "resinhup23"),
    ("2.88.4+rev1", "2.89.0", "resinhup22"),
])
def test_allowed_updates(current, target, action):
    assert get_hup_action_type("raspberrypi3", current, target) == action


@pytest.mark.parametrize("current, target, message", [
    ("not-a-version", "2.16.0", "Invalid current balenaOS version"),
    ("2.16.0", "x", "Invalid target balenaOS version"),
    (None, "2.16.0", "Invalid current balenaOS version"),
    ("2.16.0-beta", "2.20.0", "Updates cannot be performed on pre-release balenaOS versions"),
    ("2.16.0+rev1.prod", "2.20.0+rev1.dev", "Updates cannot be performed between development and production balenaOS variants"),
    ("2.20.0", "2.18.0", "OS downgrades are not allowed"),
    ("2.20.0+rev1", "2.20.0+rev1", "Current OS version matches Target OS version"),
    ("2.13.0", "2.20.0", "Current balenaOS version must be at least 2.14.0+rev1"),
    ("2.14.0", "2.15.9", "Target balenaOS version must be at least 2.16.0+rev1"),
])
def test_refused_updates(current, target, message):
    with pytest.raises(OsUpdateError) as raised:
        get_hup_action_type("raspberrypi3", current, target)
    assert raised.value.message == "OS update failed: " + message


def test_variant_is_only_checked_when_the_target_has_one():
    assert get_hup_action_type("intel-nuc", "2.20.0+rev1.dev", "2.30.0") == "resinhup22"
