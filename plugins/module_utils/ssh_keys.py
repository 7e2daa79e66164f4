# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""SSH public keys in OpenSSH's one-line form: ``type base64 [comment]``.

Two lines are the same key when their type and base64 body are equal; the comment and the
whitespace around them do not count.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import struct

from .errors import ParameterError

KEY_TYPES = (
    "ssh-ed25519",
    "ssh-rsa",
    "ssh-dss",
    "ecdsa-sha2-nistp256",
    "ecdsa-sha2-nistp384",
    "ecdsa-sha2-nistp521",
    "sk-ssh-ed25519@openssh.com",
    "sk-ecdsa-sha2-nistp256@openssh.com",
)


class PublicKey:
    def __init__(self, key_type, body, comment):
        self.key_type = key_type
        self.body = body
        self.comment = comment

    @property
    def material(self):
        """What identifies the key: ``type base64``."""
        return "{0} {1}".format(self.key_type, self.body)

    @property
    def line(self):
        """The key as stored: ``type base64 comment`` with single spaces."""
        return self.material + (" " + self.comment if self.comment else "")


def parse(text, parameter="public_key"):
    """The key on one line of ``text``; a ParameterError naming what is wrong otherwise."""
    if not isinstance(text, str) or not text.strip():
        raise ParameterError(parameter, "is empty; give a line such as 'ssh-ed25519 AAAA... me@laptop'")
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if len(lines) > 1:
        raise ParameterError(parameter, "holds {0} lines; give one key per task".format(len(lines)))
    parts = lines[0].split(None, 2)
    shown = _short(lines[0])
    if parts[0] not in KEY_TYPES:
        raise ParameterError(parameter, "{0} does not start with a known key type ({1})".format(shown, ", ".join(KEY_TYPES)))
    if len(parts) < 2:
        raise ParameterError(parameter, "{0} has no key data after its type".format(shown))
    try:
        blob = base64.b64decode(parts[1].encode("ascii"), validate=True)
    except (binascii.Error, ValueError, UnicodeEncodeError):
        raise ParameterError(parameter, "{0}: the key data is not valid base64".format(shown)) from None
    if _blob_type(blob) != parts[0]:
        raise ParameterError(parameter, "{0}: the key data is not a {1} key".format(shown, parts[0]))
    return PublicKey(parts[0], parts[1], parts[2].strip() if len(parts) > 2 else "")


def parse_stored(text):
    """A key as the API returned it, or None when it cannot be read (it then matches nothing)."""
    try:
        return parse(text)
    except ParameterError:
        return None


def fingerprint(key):
    """``SHA256:...`` as ``ssh-keygen -l`` prints it."""
    digest = hashlib.sha256(base64.b64decode(key.body)).digest()
    return "SHA256:" + base64.b64encode(digest).decode("ascii").rstrip("=")


def _blob_type(blob):
    """The key type written at the start of the decoded key data (a length-prefixed string)."""
    if len(blob) < 4:
        return None
    length = struct.unpack(">I", blob[:4])[0]
    name = blob[4:4 + length]
    if len(name) != length:
        return None
    try:
        return name.decode("ascii")
    except UnicodeDecodeError:
        return None


def _short(line):
    """A key line shortened for a message (the data is public, but long)."""
    return repr(line if len(line) <= 60 else line[:40] + "..." + line[-12:])
