# -*- coding: utf-8 -*-
# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""A throw-away emulator with the demo world, for the parity test and the SDK benchmark.

Both need several fresh worlds in one run (one per SDK and settings mode) and the benchmark needs
``--latency-ms``, so this starts ``python -m emulator serve`` itself rather than through pytest.
"""

from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import requests

REPO_ROOT = Path(__file__).resolve().parents[3]
START_TIMEOUT = 60.0
HOOK_TIMEOUT = 30.0


class Emulator:
    """``with Emulator(latency_ms=50) as emulator:`` -- ``url``, ``credentials`` and the request log."""

    def __init__(self, latency_ms=0):
        self.latency_ms = latency_ms
        self.url = None
        self.credentials = None
        self._process = None
        self._directory = None
        self._hooks = requests.Session()

    def __enter__(self):
        self._directory = tempfile.TemporaryDirectory(prefix="parity-emulator-")
        credentials_path = os.path.join(self._directory.name, "credentials.json")
        command = [sys.executable, "-m", "emulator", "serve", "--host", "127.0.0.1", "--port", "0",
                   "--seed", "demo", "--db", ":memory:", "--credentials-file", credentials_path]
        if self.latency_ms:
            command += ["--latency-ms", str(self.latency_ms)]
        self._process = subprocess.Popen(  # pylint: disable=consider-using-with  # stopped by __exit__
            command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
            stderr=subprocess.DEVNULL, text=True,
        )
        try:
            self.url = self._first_line().strip().rstrip("/")
            self.credentials = self._credentials(credentials_path)
        except Exception:
            self.__exit__(None, None, None)
            raise
        return self

    def __exit__(self, *exc_info):
        if self._process is not None and self._process.poll() is None:
            self._process.terminate()
            try:
                self._process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self._process.kill()
                self._process.wait()
        if self._process is not None and self._process.stdout is not None:
            self._process.stdout.close()
        if self._directory is not None:
            self._directory.cleanup()
        self._hooks.close()

    @property
    def admin_headers(self):
        return {"Authorization": "Bearer " + self.credentials["admin_token"]}

    def request_log(self):
        """The API requests answered so far (the hooks themselves are never logged)."""
        answer = self._hooks.get(self.url + "/_emulator/requests", headers=self.admin_headers, timeout=HOOK_TIMEOUT)
        answer.raise_for_status()
        body = answer.json()
        return body["requests"] if isinstance(body, dict) else body

    def settled_request_log(self, pause=0.02):
        """The log once it stops growing: an entry is written just after its answer went out."""
        previous = self.request_log()
        while True:
            time.sleep(pause)
            current = self.request_log()
            if len(current) == len(previous):
                return current
            previous = current

    def clear_request_log(self):
        self._hooks.delete(self.url + "/_emulator/requests", headers=self.admin_headers,
                           timeout=HOOK_TIMEOUT).raise_for_status()

    def _first_line(self):
        lines = queue.Queue()
        threading.Thread(target=lambda: lines.put(self._process.stdout.readline()), daemon=True).start()
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            raise RuntimeError("the emulator printed no base URL within %d s" % START_TIMEOUT) from None
        if not line.startswith("http://"):
            raise RuntimeError("the emulator printed %r instead of its base URL" % line)
        return line

    def _credentials(self, path):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                with open(path, encoding="utf-8") as handle:
                    return json.load(handle)
            except (OSError, ValueError):
                if self._process.poll() is not None:
                    raise RuntimeError("the emulator exited with status %s" % self._process.returncode) from None
                time.sleep(0.05)
        raise RuntimeError("the emulator wrote no credentials file within %d s" % START_TIMEOUT)
