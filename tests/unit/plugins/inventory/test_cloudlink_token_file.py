from __future__ import annotations

import os
import stat

from ansible_collections.balena.cloud.plugins.plugin_utils.inventory.cloudlink_token import write_connection_token_file, write_token_file


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


def test_each_connection_gets_a_private_file_of_its_own_named_without_the_token(tmp_path):
    first = write_connection_token_file("secret-token", str(tmp_path / "cloudlink"))
    second = write_connection_token_file("secret-token", str(tmp_path / "cloudlink"))
    assert first != second
    for path in (first, second):
        assert path.startswith(str(tmp_path / "cloudlink") + os.sep) and "secret-token" not in path
        assert open(path, encoding="utf-8").read() == "secret-token"
        assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
