# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""Files only their owner may read (settings that hold a token, the cloudlink token file)."""

from __future__ import annotations

import os
import tempfile


def write_private_file(path, text, prefix=".tmp-"):
    """Write ``text`` to ``path`` with mode 0600, whole or not at all (through a temporary file in
    the same directory, which is created with mode 0700 when missing)."""
    directory = os.path.dirname(os.path.abspath(path))
    os.makedirs(directory, mode=0o700, exist_ok=True)
    handle, temporary = tempfile.mkstemp(prefix=prefix, dir=directory)
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as stream:
            stream.write(text)
        os.chmod(temporary, 0o600)
        os.replace(temporary, path)
    except BaseException:
        try:
            os.unlink(temporary)
        except OSError:
            pass
        raise
