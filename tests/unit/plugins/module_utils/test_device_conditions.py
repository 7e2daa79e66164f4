"""What counts as a device having converged: release by commit or version, OS and supervisor versions
with or without their prefixes, online/offline, update finished."""
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.device_conditions import conditions_from, describe_conditions
from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError

COMMIT = "8a962e0acee69b0e59e2014d77392ebb"
ROW = {"is_online": True, "overall_status": "operational", "os_version": "balenaOS 6.0.13",
       "supervisor_version": "17.0.3",
       "is_running__release": [{"commit": COMMIT, "raw_version": "1.2.0+rev2", "semver": "1.2.0"}]}


def holds(row=None, **options):
    return all(condition.check(ROW if row is None else row) for condition in conditions_from(**options))


@pytest.mark.parametrize("release", [COMMIT, COMMIT[:7], "1.2.0+rev2", "1.2.0"])
def test_a_release_matches_by_commit_prefix_or_version(release):
    assert holds(release=release)


@pytest.mark.parametrize("release", [COMMIT[:6], "1.2.1", "8a962e0x"])
def test_a_short_prefix_or_another_version_does_not_match(release):
    assert not holds(release=release)


def test_no_running_release_matches_no_release():
    assert not holds(dict(ROW, is_running__release=[]), release=COMMIT)


@pytest.mark.parametrize("version", ["6.0.13", "balenaOS 6.0.13", "v6.0.13", "6.0.13+rev1"])
def test_os_versions_match_with_or_without_prefix_and_revision(version):
    assert holds(os_version=version)


def test_a_device_on_a_revision_does_not_match_another_revision():
    assert not holds(dict(ROW, os_version="balenaOS 6.0.13+rev1"), os_version="6.0.13+rev2")
    assert holds(dict(ROW, os_version="balenaOS 6.0.13+rev1"), os_version="6.0.13+rev1")
    assert not holds(os_version="6.0.1")


def test_supervisor_online_offline_and_update_finished():
    assert holds(supervisor_version="v17.0.3") and not holds(supervisor_version="17.0.4")
    assert holds(online=True) and not holds(online=False)
    assert holds(update_finished=True) and not holds(dict(ROW, overall_status="updating"), update_finished=True)
    assert holds(dict(ROW, overall_status="idle"), update_finished=True)


def test_conditions_are_described_in_words():
    conditions = conditions_from(online=True, release="1.2.0", os_version="balenaOS 6.0.13", update_finished=True)
    assert describe_conditions(conditions) == "online and running release 1.2.0 and on balenaOS 6.0.13 and update finished"


@pytest.mark.parametrize("options, parameter", [({"release": " "}, "release"), ({"os_version": "balenaOS "}, "os_version"),
                                                ({"supervisor_version": "v"}, "supervisor_version")])
def test_empty_values_are_refused_naming_the_parameter(options, parameter):
    with pytest.raises(ParameterError) as raised:
        conditions_from(**options)
    assert raised.value.parameter == parameter
