"""The official SDK reacts to the emulator as it reacted to the real server.

After the replay, steps of the recorded SDK scenario (`open-balena-v7.steps.jsonl`) that raised
are run again with balena-sdk 17.3.0 against the same emulator: each must raise the same
exception class. Steps whose exchanges are excluded from the replay are not repeated here.
"""
from __future__ import annotations

import pytest
from balena import Balena

from . import recordings

RECORDINGS = recordings.folder()
RECORDED_STEPS = {(s["section"], s["step"]): s for s in recordings.steps(RECORDINGS)} if RECORDINGS else {}
DEVICE_A = "c8712e0f65389270d87b1030c6436f76f1c4f76b758e80c699ae83a085b7cb"
DEVICE_B = "186446ebed16c7dcfe47dded7d60af36975a2983d49f5b5526c6e2306a64d3"
MISSING_UUID = "0" * 32


def _client(url: str, token: str | None = None) -> Balena:
    client = Balena({"data_directory": False})
    client.settings.set("api_endpoint", url + "/")
    client.pine.api_prefix = url + "/v7/"
    if token:
        client.auth.login_with_token(token)
    return client


# (section, step) -> what to do, given (sdk logged in as the replay user, organization handle).
STEPS = {
    ("sdk-organization", "organization.get(nonexistent handle)"):
        lambda sdk, org: sdk.models.organization.get("no-such-org"),
    ("sdk-device-type", "device_type.get(nonexistent)"):
        lambda sdk, org: sdk.models.device_type.get("no-such-device-type"),
    ("sdk-device-type", "device_type.get_slug_by_name(nonexistent)"):
        lambda sdk, org: sdk.models.device_type.get_slug_by_name("Nope Board 9000"),
    ("sdk-application", "application.create(duplicate name)"):
        lambda sdk, org: sdk.models.application.create("recfleet-a-v1", "raspberrypi3", org),
    ("sdk-application", "application.create(bad device type)"):
        lambda sdk, org: sdk.models.application.create("recfleet-x-v1", "no-such-dt", org),
    ("sdk-application", "application.create(bad org)"):
        lambda sdk, org: sdk.models.application.create("recfleet-y-v1", "raspberrypi3", "no-such-org"),
    ("sdk-application", "application.get(nonexistent id)"):
        lambda sdk, org: sdk.models.application.get(999999),
    ("sdk-application", "application.get(nonexistent slug)"):
        lambda sdk, org: sdk.models.application.get(f"{org}/no-such-app"),
    ("sdk-application", "application.get_by_name(nonexistent)"):
        lambda sdk, org: sdk.models.application.get_by_name("no-such-app"),
    ("sdk-application", "application.env_var.set(invalid name)"):
        lambda sdk, org: sdk.models.application.env_var.set(f"{org}/recfleet-a-v1", "1BAD-NAME", "v"),
    ("sdk-application", "application.env_var.set(reserved BALENA_ name)"):
        lambda sdk, org: sdk.models.application.env_var.set(f"{org}/recfleet-a-v1", "BALENA_FOO", "v"),
    ("sdk-application", "application.config_var.set(no prefix)"):
        lambda sdk, org: sdk.models.application.config_var.set(f"{org}/recfleet-a-v1", "NOT_A_CONFIG_VAR", "1"),
    ("sdk-application", "application.is_tracking_latest_release(no releases)"):
        lambda sdk, org: sdk.models.application.is_tracking_latest_release(f"{org}/recapp-c2-v1"),
    ("sdk-application", "application.get_target_release_hash(no releases)"):
        lambda sdk, org: sdk.models.application.get_target_release_hash(f"{org}/recapp-c2-v1"),
    ("sdk-application", "application.remove(nonexistent)"):
        lambda sdk, org: sdk.models.application.remove(999999),
    ("sdk-device", "device.get(nonexistent uuid)"):
        lambda sdk, org: sdk.models.device.get(MISSING_UUID),
    ("sdk-device", "device.get(nonexistent id)"):
        lambda sdk, org: sdk.models.device.get(999999),
    ("sdk-device", "device.rename(nonexistent)"):
        lambda sdk, org: sdk.models.device.rename(MISSING_UUID, "x"),
    ("sdk-device", "device.remove(nonexistent)"):
        lambda sdk, org: sdk.models.device.remove(MISSING_UUID),
    ("sdk-device", "device.config_var.set(no prefix)"):
        lambda sdk, org: sdk.models.device.config_var.set(DEVICE_A, "PLAIN_NAME", "1"),
    ("sdk-device", "device.register(incompatible device type)"):
        lambda sdk, org: sdk.models.device.register(f"{org}/recfleet-a-v1", "1" * 32, "generic-amd64"),
    ("sdk-release", "release.get(nonexistent id)"):
        lambda sdk, org: sdk.models.release.get(999999),
    ("sdk-release", "release.get(nonexistent commit)"):
        lambda sdk, org: sdk.models.release.get("f" * 32),
    ("sdk-release", "image.get(nonexistent)"):
        lambda sdk, org: sdk.models.image.get(999999),
    ("sdk-release", "application.pin_to_release(nonexistent commit)"):
        lambda sdk, org: sdk.models.application.pin_to_release(f"{org}/recfleet-a-v1", "f" * 32),
    ("sdk-key", "key.get(nonexistent)"):
        lambda sdk, org: sdk.models.key.get(999999),
    ("sdk-logs", "logs.history(nonexistent device)"):
        lambda sdk, org: sdk.logs.history(MISSING_UUID),
}


@pytest.fixture(scope="module")
def sdk(replayed):
    credentials = replayed.emulator.credentials
    client = _client(replayed.emulator.url)
    client.auth.login(username=credentials["username"], password=credentials["password"])
    return client


def _recorded_error(key) -> str:
    step = RECORDED_STEPS[key]
    assert not step["ok"], step
    return step["error"].split(":")[0]


@pytest.mark.parametrize("key", sorted(STEPS), ids=[f"{s}:{t}" for s, t in sorted(STEPS)])
def test_same_exception_as_against_the_real_server(replayed, sdk, key):
    expected = _recorded_error(key)
    with pytest.raises(Exception) as raised:
        STEPS[key](sdk, replayed.emulator.credentials["organization"])
    got = f"{type(raised.value).__module__}.{type(raised.value).__name__}"
    assert got == expected, f"{key[1]}: recorded {expected}, got {got}: {raised.value!r}"


def test_wrong_password_is_login_failed(replayed):
    expected = _recorded_error(("sdk-auth", "auth.login (wrong password)"))
    with pytest.raises(Exception) as raised:
        _client(replayed.emulator.url).auth.login(
            username=replayed.emulator.credentials["username"], password="wrong-password")
    assert f"{type(raised.value).__module__}.{type(raised.value).__name__}" == expected


def test_logged_out_listing_is_a_request_error(replayed):
    expected = _recorded_error(("sdk-auth-token", "application.get_all (logged out)"))
    with pytest.raises(Exception) as raised:
        _client(replayed.emulator.url).models.application.get_all()
    assert f"{type(raised.value).__module__}.{type(raised.value).__name__}" == expected


def test_device_key_cannot_see_another_device(replayed):
    expected = _recorded_error(("sdk-auth-token", "device.get (device key, other device)"))
    device_key = replayed.replayer.keys.device[DEVICE_A]
    with pytest.raises(Exception) as raised:
        _client(replayed.emulator.url, device_key).models.device.get(DEVICE_B)
    assert f"{type(raised.value).__module__}.{type(raised.value).__name__}" == expected
