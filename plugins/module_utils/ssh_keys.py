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
    problem = _blob_problem(blob, parts[0])
    if problem:
        raise ParameterError(parameter, "{0}: the key data {1}".format(shown, problem))
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


# The fields after the type name in each key type's data (RFC 4253, 5656, 8709; OpenSSH PROTOCOL.u2f):
# "ed25519" a 32-byte key, "mpint" an integer, "curve" the curve's name, "point" an uncompressed point,
# "string" any string.
_LAYOUTS = {
    "ssh-ed25519": ("ed25519",),
    "ssh-rsa": ("mpint", "mpint"),
    "ssh-dss": ("mpint", "mpint", "mpint", "mpint"),
    "ecdsa-sha2-nistp256": ("curve", "point"),
    "ecdsa-sha2-nistp384": ("curve", "point"),
    "ecdsa-sha2-nistp521": ("curve", "point"),
    "sk-ssh-ed25519@openssh.com": ("ed25519", "string"),
    "sk-ecdsa-sha2-nistp256@openssh.com": ("curve", "point", "string"),
}
# Bytes of an uncompressed point (0x04, then x and y) on each curve.
_POINT_SIZES = {"nistp256": 65, "nistp384": 97, "nistp521": 133}


def _strings(blob):
    """The length-prefixed strings of ``blob``, and whether the last one is cut short."""
    fields, offset = [], 0
    while offset < len(blob):
        if offset + 4 > len(blob):
            return fields, True
        length = struct.unpack(">I", blob[offset:offset + 4])[0]
        value = blob[offset + 4:offset + 4 + length]
        if len(value) != length:
            return fields, True
        fields.append(value)
        offset += 4 + length
    return fields, False


def _blob_problem(blob, key_type):
    """What is wrong with the decoded key data of a ``key_type`` key, or None when it is whole."""
    fields, cut = _strings(blob)
    if not fields or fields[0] != key_type.encode("ascii"):
        return "is not a key of type {0}".format(key_type)
    layout = _LAYOUTS[key_type]
    if cut or len(fields) - 1 < len(layout):
        return "is incomplete (truncated?): a key of type {0} holds {1} field(s) after its type name".format(key_type, len(layout))
    if len(fields) - 1 > len(layout):
        return "has {0} field(s) after its type name where a key of type {1} has {2}".format(len(fields) - 1, key_type, len(layout))
    curve = next((name for name in _POINT_SIZES if name in key_type), None)
    for kind, value in zip(layout, fields[1:]):
        if kind == "ed25519" and len(value) != 32:
            return "holds a {0}-byte ed25519 key where one has 32 bytes".format(len(value))
        if kind == "mpint" and not value.strip(b"\0"):
            return "holds an empty or zero number"
        if kind == "curve" and value != curve.encode("ascii"):
            return "names the curve {0!r} where a key of type {1} uses {2}".format(value.decode("ascii", "replace"), key_type, curve)
        if kind == "point" and (len(value) != _POINT_SIZES[curve] or value[:1] != b"\x04"):
            return "holds a {0}-byte point where an uncompressed {1} point has {2}".format(len(value), curve, _POINT_SIZES[curve])
    return None


def _short(line):
    """A key line shortened for a message (the data is public, but long)."""
    return repr(line if len(line) <= 60 else line[:40] + "..." + line[-12:])
