# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The private file through which the cloudlink helper gets the token (never a command line)."""

from __future__ import annotations

import os
import tempfile

from ansible_collections.balena.cloud.plugins.module_utils.sdk.private_file import write_private_file

from .cache_key import token_fingerprint

DEFAULT_DIRECTORY = os.path.join("~", ".ansible", "balena", "cloudlink")


def write_connection_token_file(token, directory=DEFAULT_DIRECTORY):
    """A new private file holding ``token`` for one connection, named by the token's fingerprint
    and a random part (connections that run side by side never share it), and its path."""
    directory = os.path.expanduser(directory)
    os.makedirs(directory, mode=0o700, exist_ok=True)
    handle, path = tempfile.mkstemp(prefix=token_fingerprint(token) + "-", suffix=".token", dir=directory)
    os.close(handle)
    write_private_file(path, token, prefix=".token-")
    return path


def write_token_file(path, token):
    """Write ``token`` to ``path`` with mode 0600 (directory 0700), atomically; skip if unchanged."""
    path = os.path.expanduser(path)
    try:
        with open(path, "r", encoding="utf-8") as handle:
            if handle.read().strip() == token and (os.stat(path).st_mode & 0o077) == 0:
                return path
    except OSError:
        pass
    write_private_file(path, token, prefix=".token-")
    return path
