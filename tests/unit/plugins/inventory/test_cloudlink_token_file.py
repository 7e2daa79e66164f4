from __future__ import annotations

import os
import stat

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.cloudlink_token import default_path, write_token_file


def test_written_private_and_rewritten_only_when_changed(tmp_path):
    path = tmp_path / "dir" / "t.token"
    write_token_file(str(path), "one")
    assert path.read_text(encoding="utf-8") == "one"
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    before = path.stat().st_ino
    write_token_file(str(path), "one")
    assert path.stat().st_ino == before
    write_token_file(str(path), "two")
    assert path.read_text(encoding="utf-8") == "two"


def test_default_path_names_the_fingerprint_not_the_token():
    path = default_path("secret-token", "/somewhere")
    assert path.startswith("/somewhere" + os.sep) and "secret-token" not in path
