"""Validators and version arithmetic, without a store."""
from __future__ import annotations

import pytest

from emulator.errors import ApiError
from emulator.hooks.device_rules import check_device_name, check_device_uuid, check_os_version_range, os_variant_of
from emulator.hooks.fleet_rules import check_app_name, check_fleet_uuid, slug_for
from emulator.hooks.organization import check_handle, handle_from_name
from emulator.hooks.release_versioning import derived_versions, parse_semver, split_revision
from emulator.hooks.tags import check_tag_key
from emulator.hooks.variables import check_config_var_name, check_env_var_name, check_value


def refused(call, *args) -> ApiError:
    with pytest.raises(ApiError) as caught:
        call(*args)
    return caught.value


@pytest.mark.parametrize("name", ["BAD-NAME", "1ABC", "bad name", "é"])
def test_env_var_name_format(name):
    error = refused(check_env_var_name, name)
    assert (error.status, error.body) == (
        400, "Environment variable names can only contain alphanumeric characters and underscores.")


def test_env_var_reserved_names_and_namespaces():
    assert refused(check_env_var_name, "USER").body == "Environment variables RESIN, BALENA, USER are reserved"
    assert refused(check_env_var_name, "RESIN_X").body == (
        "Environment variables beginning with RESIN_, BALENA_ are reserved.")
    assert refused(check_env_var_name, "BALENA_FOO").body == (
        "Environment variables beginning with RESIN_, BALENA_ are reserved.")
    for fine in ("REC_VAR", "_x", "a1", ""):
        check_env_var_name(fine)


def test_config_var_names():
    assert refused(check_config_var_name, "MY_CONFIG").body == (
        "Configuration variables must be part of one of the following namespaces: RESIN_, BALENA_")
    assert refused(check_config_var_name, ":RESIN_X").body == (
        "Configuration variable names can only contain alphanumeric characters, underscores or a colon")
    assert refused(check_config_var_name, "BALENA").body == "Configuration variables RESIN, BALENA, USER are reserved"
    for fine in ("RESIN_OVERRIDE_LOCK", "BALENA_HOST_CONFIG_gpu_mem", "RESIN_A:B", "BALENA_APP_ID"):
        check_config_var_name(fine)


def test_variable_values():
    assert refused(check_value, "a\nb", "device environment variable").body == (
        "Variable values cannot contain line break characters")
    assert refused(check_value, "x" * 100_001, "device environment variable").body == (
        "It is necessary that each device environment variable has a value that has a Length (Type) that is "
        "less than or equal to 100000.")
    check_value("x" * 100_000, "device environment variable")


def test_tag_keys():
    assert refused(check_tag_key, "", "device tag").body == (
        "It is necessary that each device tag has a tag key that has a Length (Type) that is greater than 0 and "
        "is less than or equal to 100.")
    assert refused(check_tag_key, "a key", "device tag").body == "Tag keys cannot contain whitespace."
    assert refused(check_tag_key, "io.balena.x", "device tag").body == (
        "Tag keys beginning with io.balena. are reserved.")
    assert refused(check_tag_key, "io.resin.x", "device tag").body == "Tag keys beginning with io.resin. are reserved."
    check_tag_key("x" * 164, "release tag", 164)


def test_app_names_and_slugs():
    assert refused(check_app_name, None).body == "Missing application name"
    assert refused(check_app_name, "bad name!/x").body == "App name may only contain [a-zA-Z0-9_-]."
    assert refused(check_app_name, "ab").body == (
        "It is necessary that each application has an app name that has a Length (Type) that is greater than or "
        "equal to 4 and is less than or equal to 100.")
    check_app_name("my-Fleet_1")
    assert slug_for("Admin", "My-Fleet") == "admin/my-fleet"
    assert refused(slug_for, None, "recbadfk").body == (
        "It is necessary that each application has a slug that has a Length (Type) that is greater than or equal "
        "to 6 and is less than or equal to 321.")


def test_fleet_uuid_must_be_v4_hex():
    check_fleet_uuid("3e874bf2cac5418dafb423ea8dceab27")
    message = "Application UUID must be a 32 character long lower case UUID version 4."
    assert refused(check_fleet_uuid, "3e874bf2cac5118dafb423ea8dceab27").body == message
    assert refused(check_fleet_uuid, "3E874BF2CAC5418DAFB423EA8DCEAB27").body == message
    assert refused(check_fleet_uuid, "abc").body == message


def test_device_uuid_and_name():
    check_device_uuid("a" * 32)
    check_device_uuid("0" * 62)
    message = "Device UUID must be a 32 or 62 character long lower case hex string."
    for bad in ("abc", "A" * 32, "a" * 40):
        assert refused(check_device_uuid, bad).body == message
    assert refused(check_device_uuid, 5).body == "Device UUID must be a string if provided."
    assert refused(check_device_name, "a\nb").body == "Device name cannot contain any newline characters."
    assert refused(check_device_name, 3).body == "Device name must be a string if provided."


def test_os_version_range_and_variant():
    check_os_version_range({"device_name": "d", "os_version": "balenaOS 2.50.1+rev1"}, ">=2.11.0")
    error = refused(check_os_version_range, {"device_name": "d", "os_version": "Resin OS 2.9.0"}, ">=2.11.0")
    assert (error.status, error.body) == (
        403, "Device d has OS version Resin OS 2.9.0 but needs to satisfy version range: >=2.11.0")
    error = refused(check_os_version_range, {"device_name": "d", "os_version": None, "supervisor_version": "1.0.0"},
                    ">=2.11.0")
    assert error.body == "Device d is too old to satisfy required version range: >=2.11.0"
    assert os_variant_of("balenaOS 2.50.1+rev1 (prod)") == "prod"
    assert os_variant_of("balenaOS 2.50.1+rev1.dev") == "dev"
    assert os_variant_of("balenaOS 2.50.1") is None


def test_org_handles():
    assert refused(check_handle, "my-org").body == "Handles can only contain alphanumeric characters and underscores"
    assert refused(check_handle, "MyOrg").body == "Handles must be lowercase"
    check_handle("my_org_2")
    assert handle_from_name("Second Org!") == "second_org_"


def test_semver_parsing():
    assert parse_semver("1.2.3-beta.1+build.5") == {
        "semver_major": 1, "semver_minor": 2, "semver_patch": 3,
        "semver_prerelease": "beta.1", "semver_build": "build.5"}
    for bad in ("1.2", "one", "1.2.3.4", None, "01.2.3"):
        assert refused(parse_semver, bad).body == "Invalid semver format"
    parts, revision = split_revision(parse_semver("1.2.3+rev4.x"))
    assert (parts["semver_build"], revision) == ("x", 4)


def _row(**overrides):
    row = {"semver_major": 0, "semver_minor": 0, "semver_patch": 0, "semver_prerelease": "", "semver_build": "",
           "variant": "", "revision": 0, "created_at": "2024-11-26T09:12:25.678Z"}
    row.update(overrides)
    return row


@pytest.mark.parametrize("overrides, raw", [
    ({}, "0.0.0"),
    ({"revision": 1}, "0.0.0+rev1"),
    ({"semver_major": 1, "semver_minor": 2, "semver_patch": 3, "semver_prerelease": "beta3", "revision": 1},
     "1.2.3-beta3+rev1"),
    ({"semver_major": 1, "variant": "dev"}, "1.0.0+dev"),
    ({"semver_major": 1, "variant": "dev", "revision": 1}, "1.0.0+rev1.dev"),
    ({"semver_build": "rev2.x", "revision": 2}, "0.0.0+rev2.x"),
    ({"revision": None}, "0.0.0-1732612345678"),
])
def test_raw_versions(overrides, raw):
    if overrides.get("revision", 0) is None:
        overrides = {**overrides, "created_at": "2024-11-26T09:12:25.678Z"}
    derived = derived_versions(_row(**overrides))
    assert derived["raw_version"] == raw
    assert derived["version"]["raw"] == raw


def test_version_object_of_a_draft():
    version = derived_versions(_row(revision=None, semver_prerelease="rc.1"))["version"]
    assert version["prerelease"] == ["rc", "1", 1732612345678]
    assert version["version"] == "0.0.0-rc.1.1732612345678"
    assert version["build"] == []


def test_optional_length_rule_wording():
    from emulator.hooks.messages import optional_length_rule
    assert optional_length_rule("api key", "name", 50).body == (
        "It is necessary that each api key that has a name, has a name that has a Length (Type) that is less "
        "than or equal to 50.")
