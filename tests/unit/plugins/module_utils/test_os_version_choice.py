"""Which balenaOS release a version, range or keyword and a variant name, among releases as models.os lists them."""
from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.os_version_choice import choose_release


def _release(raw, stripped, variant, os_type="default", recommended=False):
    return {"raw_version": raw, "stripped_version": stripped, "variant": variant, "os_type": os_type,
            "is_recommended": recommended}


RELEASES = [   # newest first, the way balena's semver sorts them: ESR versions (20xx) above the default line
    _release("2024.1.3+dev", "2024.1.3", "dev", "esr"),
    _release("2024.1.3+prod", "2024.1.3", "prod", "esr", recommended=True),
    _release("6.0.13+dev", "6.0.13", "dev"),
    _release("6.0.13+prod", "6.0.13", "prod", recommended=True),
    _release("5.3.10+dev", "5.3.10", "dev"),
    _release("5.3.10+prod", "5.3.10", "prod"),
    _release("5.1.20+prod", "5.1.20", "prod"),
    _release("2.88.4+rev1.prod", "2.88.4+rev1", "prod"),
    _release("2.88.4+rev1.dev", "2.88.4+rev1", "dev"),
    _release("2.88.4+prod", "2.88.4", "prod"),
]


@pytest.mark.parametrize("version, variant, chosen", [
    ("recommended", None, "6.0.13+prod"),
    ("recommended", "dev", "6.0.13+dev"),
    ("latest", None, "6.0.13+prod"),
    ("latest", "dev", "6.0.13+dev"),
    ("6.0.13", None, "6.0.13+prod"),
    ("v6.0.13", "dev", "6.0.13+dev"),
    ("6.0.13+dev", None, "6.0.13+dev"),
    ("2.88.4+rev1", None, "2.88.4+rev1.prod"),
    ("2.88.4+rev1", "dev", "2.88.4+rev1.dev"),
    ("2.88.4+rev1.dev", None, "2.88.4+rev1.dev"),
    ("2.88.4", None, "2.88.4+prod"),
    ("^5.0.0", None, "5.3.10+prod"),
    ("^5.0.0", "dev", "5.3.10+dev"),
    ("~5.1.0", None, "5.1.20+prod"),
    ("5.x", None, "5.3.10+prod"),
    ("5.1.x", None, "5.1.20+prod"),
    (">=2.0.0 <5.0.0", None, "2.88.4+rev1.prod"),
    (">=2024.1.0", None, "2024.1.3+prod"),
    ("^5", None, "5.3.10+prod"),
    ("~5", None, "5.3.10+prod"),
    ("~5.1", None, "5.1.20+prod"),
    ("^5.1", None, "5.3.10+prod"),
    ("5", None, "5.3.10+prod"),
    ("5.1", None, "5.1.20+prod"),
    ("2024.1", None, "2024.1.3+prod"),
    (">=5 <6", None, "5.3.10+prod"),
    ("v5.1.x", None, "5.1.20+prod"),
])
def test_a_version_names_one_release(version, variant, chosen):
    assert choose_release(RELEASES, "raspberrypi3", version, variant)["raw_version"] == chosen


def test_keywords_mean_the_default_line_unless_another_is_asked_for():
    assert choose_release(RELEASES, "raspberrypi3", "recommended", os_type="esr")["raw_version"] == "2024.1.3+prod"


@pytest.mark.parametrize("version, variant, parameter", [
    ("1.0.0", None, "version"),
    ("^7.0.0", None, "version"),
    ("5.1.20", "dev", "variant"),
    ("6.0.13", "beta", "variant"),
])
def test_an_unknown_version_or_variant_names_the_option(version, variant, parameter):
    with pytest.raises(ParameterError) as raised:
        choose_release(RELEASES, "raspberrypi3", version, variant)
    assert raised.value.parameter == parameter
    assert (variant or version) in str(raised.value)
    if parameter == "version":
        assert "default line: 6.0.13+dev, 6.0.13+prod" in str(raised.value) and "esr line: 2024.1.3+dev" in str(raised.value)


@pytest.mark.parametrize("version", ["garbage!!", "^garbage", ">=5.x.y", "6.0.13.0.0"])
def test_a_malformed_version_says_it_is_not_a_version_or_range(version):
    with pytest.raises(ParameterError) as raised:
        choose_release(RELEASES, "raspberrypi3", version)
    assert raised.value.parameter == "version"
    assert "is not a valid version or range" in str(raised.value) and repr(version) in str(raised.value)


def test_a_device_type_without_releases_says_so():
    with pytest.raises(ParameterError, match="device type intel-edison has no balenaOS releases"):
        choose_release([], "intel-edison", "recommended")
