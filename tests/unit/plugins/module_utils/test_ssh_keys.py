from __future__ import annotations

import pytest

from ansible_collections.balena.cloud.plugins.module_utils.errors import ParameterError
from ansible_collections.balena.cloud.plugins.module_utils.ssh_keys import fingerprint, parse

ED25519 = "ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIAEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEBAQEB"
RSA = "ssh-rsa AAAAB3NzaC1yc2EAAAADAQABAAAAAgDB"


def test_type_and_data_identify_a_key_whatever_the_comment_and_spacing():
    plain = parse(ED25519)
    commented = parse("  " + ED25519.replace(" ", "\t") + "   jane@laptop  \n")
    assert plain.material == commented.material == ED25519
    assert commented.comment == "jane@laptop" and commented.line == ED25519 + " jane@laptop"
    assert plain.line == ED25519 and parse(RSA + " a b c").comment == "a b c"


def test_fingerprint_is_the_sha256_of_the_key_data_as_ssh_keygen_prints_it():
    # ssh-keygen -lf prints SHA256:RXm/ruZ0eTzRXKwi1AQEDynB0VgHQ2ac9KPSFdf/YnA for this key
    assert fingerprint(parse(ED25519)) == "SHA256:RXm/ruZ0eTzRXKwi1AQEDynB0VgHQ2ac9KPSFdf/YnA"


@pytest.mark.parametrize("text, problem", [
    ("", "is empty"),
    ("ssh-foo AAAA", "known key type"),
    ("ssh-ed25519", "no key data"),
    ("ssh-ed25519 not*base64", "not valid base64"),
    ("ssh-ed25519 AAAAB3NzaC1yc2EAAAADAQABAAAAAgDB", "not a key of type ssh-ed25519"),
    (ED25519 + "\n" + RSA, "2 lines"),
])
def test_malformed_keys_are_refused_naming_the_problem(text, problem):
    with pytest.raises(ParameterError) as raised:
        parse(text)
    assert raised.value.parameter == "public_key" and problem in raised.value.problem
