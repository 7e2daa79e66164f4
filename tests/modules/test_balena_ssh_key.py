from __future__ import annotations

import base64
import struct

import pytest
import requests

from ansible_collections.balena.cloud.plugins.modules import balena_ssh_key

from .module_runner import api_requests, methods, run_module


def _wire(*fields):
    """Key data in the SSH wire format: each field a length-prefixed string."""
    return base64.b64encode(b"".join(struct.pack(">I", len(field)) + field for field in fields)).decode("ascii")


def _line(key_type, *fields):
    return "{0} {1} me@laptop".format(key_type, _wire(key_type.encode("ascii"), *fields))


KEY = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAICAgICAgICAgICAgICAgICAgICAgICAgICAgICAgIC"


def _auth(emulator):
    return {"api_url": emulator.url, "api_key": emulator.credentials["api_key"]}


def _served_keys(emulator):
    answer = requests.get(emulator.url + "/auth/v1/public-keys/demo", timeout=30,
                          headers={"Authorization": "Bearer " + emulator.credentials["api_key"]})
    answer.raise_for_status()
    return answer.text.splitlines()


def test_add_retitle_recomment_and_remove(fresh_emulator):
    auth = _auth(fresh_emulator)
    args = dict(auth, public_key=KEY + " jane@laptop", title="jane's laptop")

    fresh_emulator.clear_request_log()
    predicted = run_module(balena_ssh_key.main, args, check_mode=True, diff=True)
    assert predicted["changed"] and predicted["diff"]["before"] == {"state": "absent"}
    assert methods(api_requests(fresh_emulator)) == ["GET"]

    added = run_module(balena_ssh_key.main, args)
    assert added["changed"] and added["ssh_key"]["title"] == "jane's laptop" and added["ssh_key"]["user"] == "demo"
    assert KEY + " jane@laptop" in _served_keys(fresh_emulator)

    again = run_module(balena_ssh_key.main, dict(args, public_key="  " + KEY + "   jane@laptop\n"))
    assert not again["changed"] and again["ssh_key"]["id"] == added["ssh_key"]["id"]

    recommented = run_module(balena_ssh_key.main, dict(auth, public_key=KEY + " jane@desk", title="jane's desk"), diff=True)
    assert recommented["changed"] and recommented["ssh_key"]["id"] == added["ssh_key"]["id"]
    assert recommented["diff"]["after"] == {"public_key": KEY + " jane@desk", "title": "jane's desk"}
    assert KEY + " jane@desk" in _served_keys(fresh_emulator) and len(_served_keys(fresh_emulator)) == 2

    removed = run_module(balena_ssh_key.main, dict(auth, public_key=KEY, state="absent"))
    assert removed["changed"] and len(_served_keys(fresh_emulator)) == 1
    assert not run_module(balena_ssh_key.main, dict(auth, public_key=KEY, state="absent"))["changed"]


def test_title_defaults_to_the_comment_and_is_required_without_one(fresh_emulator):
    auth = _auth(fresh_emulator)
    fresh_emulator.clear_request_log()
    refused = run_module(balena_ssh_key.main, dict(auth, public_key=KEY), check_mode=True)
    assert refused["failed"] and refused["failure"]["parameter"] == "title"
    titled = run_module(balena_ssh_key.main, dict(auth, public_key=KEY + " ci@runner"))
    assert titled["changed"] and titled["ssh_key"]["title"] == "ci@runner"


def test_malformed_key_fails_before_any_request(fresh_emulator):
    fresh_emulator.clear_request_log()
    result = run_module(balena_ssh_key.main, dict(_auth(fresh_emulator), public_key="ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAAgDB x"))
    assert result["failed"] and result["failure"]["parameter"] == "public_key" and "not a key of type ssh-ed25519" in result["msg"]
    assert api_requests(fresh_emulator) == []


POINT = b"\x04" + b"\x11" * 64


@pytest.mark.parametrize("line, problem", [
    ("ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIKfR5uaSATulhmxL", "is incomplete"),
    (_line("ssh-ed25519", b"\x01" * 31), "31-byte ed25519 key"),
    (_line("ssh-ed25519", b"\x01" * 32, b"extra"), "has 2 field(s)"),
    (_line("ssh-rsa", b"\x01\x00\x01"), "is incomplete"),
    (_line("ssh-rsa", b"\x01\x00\x01", b""), "empty or zero number"),
    (_line("ecdsa-sha2-nistp256", b"nistp384", POINT), "names the curve 'nistp384'"),
    (_line("ecdsa-sha2-nistp256", b"nistp256", POINT[:40]), "40-byte point"),
    (_line("sk-ssh-ed25519@openssh.com", b"\x01" * 32), "is incomplete"),
    (_line("sk-ecdsa-sha2-nistp256@openssh.com", b"nistp256", POINT), "is incomplete"),
])
def test_incomplete_or_inconsistent_key_data_is_refused(fresh_emulator, line, problem):
    fresh_emulator.clear_request_log()
    result = run_module(balena_ssh_key.main, dict(_auth(fresh_emulator), public_key=line), check_mode=True)
    assert result["failed"] and result["failure"]["parameter"] == "public_key" and problem in result["msg"]
    assert api_requests(fresh_emulator) == []


@pytest.mark.parametrize("line", [
    _line("sk-ssh-ed25519@openssh.com", b"\x01" * 32, b"ssh:"),
    _line("sk-ecdsa-sha2-nistp256@openssh.com", b"nistp256", POINT, b"ssh:"),
    _line("ecdsa-sha2-nistp256", b"nistp256", POINT),
    _line("ssh-rsa", b"\x01\x00\x01", b"\x00" + b"\xc3" * 256),
])
def test_whole_keys_of_every_type_are_accepted(fresh_emulator, line):
    result = run_module(balena_ssh_key.main, dict(_auth(fresh_emulator), public_key=line), check_mode=True)
    assert result["changed"] and "failed" not in result
