"""Start `python -m emulator serve` for a replay run (pytest or the command-line summary)."""
from __future__ import annotations

import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 60.0


class EmulatorProcess:
    """An emulator on a free loopback port, with `url`, `credentials` and `admin_headers`."""

    def __init__(self, *serve_args: str):
        self._workdir = tempfile.TemporaryDirectory(prefix="emulator-replay-")
        folder = Path(self._workdir.name)
        credentials_file = folder / "credentials.json"
        self._stdout = folder / "stdout.txt"
        self._stderr = folder / "stderr.txt"
        command = [sys.executable, "-m", "emulator", "serve", "--host", "127.0.0.1", "--port", "0",
                   "--db", ":memory:", "--credentials-file", str(credentials_file), *serve_args]
        # Files, not pipes: a chatty server must never block on a pipe nobody reads.
        with open(self._stdout, "w", encoding="utf-8") as out, open(self._stderr, "w", encoding="utf-8") as err:
            self._process = subprocess.Popen(  # pylint: disable=consider-using-with
                command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=out, stderr=err)
        self.url = self._wait(self._first_url, "print its base URL")
        self.credentials = self._wait(lambda: _json(credentials_file), "write its credentials file")
        self.admin_headers = {"Authorization": f"Bearer {self.credentials['admin_token']}"}

    def _first_url(self) -> str | None:
        for word in self._stdout.read_text(encoding="utf-8").split():
            if word.startswith("http://"):
                return word.rstrip("/")
        return None

    def _wait(self, probe, what: str):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            found = probe()
            if found:
                return found
            if self._process.poll() is not None:
                break
            time.sleep(0.05)
        stderr = self._stderr.read_text(encoding="utf-8")[-3000:]
        self.stop()
        raise RuntimeError(f"the emulator did not {what}; stderr:\n{stderr}")

    def stop(self) -> None:
        if self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        self._workdir.cleanup()


def _json(path: Path):
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
