"""Shared pytest wiring for every test suite of the collection.

Makes ``ansible_collections.balena.cloud`` and ``emulator`` importable, and starts the balena API
emulator as a real subprocess through its command-line interface for tests that need one.
"""
from __future__ import annotations

import json
import os
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
import requests

REPO_ROOT = Path(__file__).resolve().parent.parent
COLLECTIONS_ROOT = REPO_ROOT / ".cache" / "collections"
START_TIMEOUT = 60.0
STOP_TIMEOUT = 10.0
HOOK_TIMEOUT = 30.0


def _link_collection():
    """Expose the checkout as ansible_collections/balena/cloud without copying it."""
    link = COLLECTIONS_ROOT / "ansible_collections" / "balena" / "cloud"
    if link.is_symlink() or link.exists():
        return
    link.parent.mkdir(parents=True, exist_ok=True)
    try:
        link.symlink_to(os.path.relpath(REPO_ROOT, link.parent), target_is_directory=True)
    except FileExistsError:
        pass  # a parallel test process created it first


def _extend_sys_path():
    for path in (str(REPO_ROOT), str(COLLECTIONS_ROOT)):
        if path in sys.path:
            sys.path.remove(path)
        sys.path.insert(0, path)


_link_collection()
_extend_sys_path()


class EmulatorProcess:
    """A running ``python -m emulator serve`` and the test hooks it offers to its admin."""

    def __init__(self, workdir, *serve_args):
        self._workdir = Path(workdir)
        self._workdir.mkdir(parents=True, exist_ok=True)
        self._credentials_file = self._workdir / "credentials.json"
        self._stderr_path = self._workdir / "emulator.stderr"
        self._serve_args = list(serve_args)
        self._process = None
        self.url = None
        self.credentials = None
        self.admin_headers = None

    def start(self):
        command = [
            sys.executable, "-m", "emulator", "serve",
            "--host", "127.0.0.1", "--port", "0",
            "--credentials-file", str(self._credentials_file),
            *self._serve_args,
        ]
        with open(self._stderr_path, "wb") as stderr:
            self._process = subprocess.Popen(  # pylint: disable=consider-using-with
                command, cwd=REPO_ROOT, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                stderr=stderr, text=True,
            )
        first_line = self._read_first_line()
        self.url = first_line.strip().rstrip("/")
        if not self.url.startswith("http://"):
            self._fail("printed %r instead of its base URL" % first_line)
        self.credentials = self._read_credentials()
        self.admin_headers = {"Authorization": "Bearer %s" % self.credentials["admin_token"]}
        return self

    def stop(self):
        if self._process is None or self._process.poll() is not None:
            return
        self._process.terminate()
        try:
            self._process.wait(timeout=STOP_TIMEOUT)
        except subprocess.TimeoutExpired:
            self._process.kill()
            self._process.wait()

    def request_log(self):
        """The emulator's request log: a list of entries with method, path, status, duration."""
        return self._hook("GET", "/_emulator/requests").json()

    def clear_request_log(self):
        self._hook("DELETE", "/_emulator/requests")

    def inject_fault(self, rule):
        """Add a fault rule (see the emulator's README section); returns the emulator's answer."""
        response = self._hook("POST", "/_emulator/faults", json=rule)
        return response.json() if response.content else None

    def clear_faults(self):
        self._hook("DELETE", "/_emulator/faults")

    def _hook(self, method, path, **kwargs):
        response = requests.request(
            method, self.url + path, headers=self.admin_headers, timeout=HOOK_TIMEOUT, **kwargs
        )
        response.raise_for_status()
        return response

    def _read_first_line(self):
        # Read in a thread so that a silent emulator cannot hang the test session.
        lines = queue.Queue()
        reader = threading.Thread(target=self._pump_stdout, args=(lines,), daemon=True)
        reader.start()
        try:
            line = lines.get(timeout=START_TIMEOUT)
        except queue.Empty:
            self.stop()
            self._fail("printed no base URL within %d s" % START_TIMEOUT)
        if line is None:
            self._fail("exited with status %s before printing its base URL" % self._process.wait())
        return line

    def _pump_stdout(self, lines):
        first = True
        for line in self._process.stdout:
            if first:
                lines.put(line)
                first = False
        if first:
            lines.put(None)

    def _read_credentials(self):
        deadline = time.monotonic() + START_TIMEOUT
        while time.monotonic() < deadline:
            try:
                return json.loads(self._credentials_file.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                if self._process.poll() is not None:
                    self._fail("exited with status %s" % self._process.returncode)
                time.sleep(0.05)
        self.stop()
        return self._fail("wrote no credentials file within %d s" % START_TIMEOUT)

    def _fail(self, what):
        self.stop()
        try:
            stderr = self._stderr_path.read_text(encoding="utf-8", errors="replace")[-4000:]
        except OSError:
            stderr = ""
        raise RuntimeError("emulator %s\n--- emulator stderr ---\n%s" % (what, stderr))


@pytest.fixture(scope="session")
def emulator(tmp_path_factory):
    """One emulator with the demo data for the whole session. Do not change its data."""
    process = EmulatorProcess(tmp_path_factory.mktemp("emulator"), "--seed", "demo", "--db", ":memory:")
    try:
        yield process.start()
    finally:
        process.stop()


@pytest.fixture(scope="session")
def suite_emulator(tmp_path_factory):
    """An emulator with the demo data that one suite keeps to itself, by name: for tests that compare
    the whole demo world and so must not see what other suites add to the shared one."""
    started = {}

    def get(name):
        if name not in started:
            started[name] = EmulatorProcess(tmp_path_factory.mktemp(name), "--seed", "demo", "--db", ":memory:")
            started[name].start()
        return started[name]

    try:
        yield get
    finally:
        for process in started.values():
            process.stop()


@pytest.fixture
def fresh_emulator(tmp_path):
    """An emulator with fresh demo data for one test, which may change anything."""
    process = EmulatorProcess(tmp_path / "emulator", "--seed", "demo", "--db", ":memory:")
    try:
        yield process.start()
    finally:
        process.stop()


@pytest.fixture
def emulator_factory(tmp_path):
    """Start emulators with custom ``serve`` arguments, e.g. ``emulator_factory("--seed", "empty")``."""
    started = []

    def start(*serve_args):
        process = EmulatorProcess(tmp_path / ("emulator-%d" % len(started)), *serve_args)
        started.append(process)
        return process.start()

    try:
        yield start
    finally:
        for process in started:
            process.stop()
