"""`python -m emulator serve`: the command-line contract other tooling relies on."""
import json
import os
import signal
import stat
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[3]


class Served:
    def __init__(self, *arguments):
        self.process = subprocess.Popen(  # pylint: disable=consider-using-with  # stopped by stop()
            [sys.executable, "-m", "emulator", "serve", "--port", "0", *arguments],
            cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
        )
        self.url = self.process.stdout.readline().strip()
        if not self.url:
            self.process.kill()
            raise AssertionError(f"no URL printed: {self.process.stderr.read()}")

    def call(self, method, path, token=None, body=None):
        data = json.dumps(body).encode() if body is not None else None
        request = urllib.request.Request(self.url + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        if token:
            request.add_header("Authorization", f"Bearer {token}")
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return response.status, response.read()
        except urllib.error.HTTPError as error:
            return error.code, error.read()

    def stop(self, sig=signal.SIGTERM):
        self.process.send_signal(sig)
        try:
            return self.process.wait(timeout=10)
        finally:
            self.process.stdout.close()
            self.process.stderr.close()


@pytest.fixture
def served():
    started = []

    def start(*arguments):
        server = Served(*arguments)
        started.append(server)
        return server
    yield start
    for server in started:
        if server.process.poll() is None:
            server.process.kill()
            server.process.wait()


def test_prints_a_loopback_url_first_and_stops_cleanly_on_sigterm(served):
    server = served("--seed", "empty")
    assert server.url.startswith("http://127.0.0.1:")
    assert int(server.url.rsplit(":", 1)[1]) > 0
    assert server.stop() == 0


def test_stops_cleanly_on_sigint(served):
    server = served("--seed", "empty")
    assert server.stop(signal.SIGINT) == 0


def test_credentials_file_is_private_and_names_the_server(served, tmp_path):
    path = tmp_path / "credentials.json"
    server = served("--credentials-file", str(path), "--admin-token", "secret-token")
    credentials = json.loads(path.read_text())
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    assert credentials["api_url"] == server.url
    assert credentials["admin_token"] == "secret-token"
    for key in ("username", "email", "password", "api_key", "organization"):
        assert credentials.get(key), key


def test_test_hooks_need_the_admin_token(served):
    server = served("--seed", "empty", "--admin-token", "hook-token")
    assert server.call("GET", "/_emulator/requests")[0] == 401
    assert server.call("GET", "/_emulator/requests", token="wrong")[0] == 401
    assert server.call("POST", "/_emulator/faults", body={"status": 500})[0] == 401
    status, body = server.call("GET", "/_emulator/requests", token="hook-token")
    assert status == 200 and isinstance(json.loads(body), list)


def test_faults_from_the_command_line_apply(served):
    server = served("--seed", "empty", "--admin-token", "t", "--fault", "503:path=^/ping:times=1")
    assert server.call("GET", "/ping")[0] == 503
    assert server.call("GET", "/ping")[0] != 503
    rules = json.loads(server.call("GET", "/_emulator/faults", token="t")[1])
    assert rules[0]["fired"] == 1


def test_a_bad_fault_spec_is_a_usage_error():
    finished = subprocess.run(
        [sys.executable, "-m", "emulator", "serve", "--port", "0", "--fault", "429:colour=red"],
        cwd=REPO, capture_output=True, text=True, timeout=30, check=False,
    )
    assert finished.returncode == 2
    assert "colour" in finished.stderr and finished.stdout == ""


def test_a_database_file_keeps_token_credentials_and_data_across_restarts(served, tmp_path):
    database = tmp_path / "world.sqlite"
    first_file, second_file = tmp_path / "first.json", tmp_path / "second.json"
    first = served("--db", str(database), "--credentials-file", str(first_file))
    first_credentials = json.loads(first_file.read_text())
    login = {"username": first_credentials["username"], "password": first_credentials["password"]}
    status, session = first.call("POST", "/login_", body=login)
    assert status == 200
    assert first.stop() == 0
    second = served("--db", str(database), "--credentials-file", str(second_file), "--seed", "empty")
    second_credentials = json.loads(second_file.read_text())
    assert second_credentials.pop("api_url") == second.url
    first_credentials.pop("api_url")
    assert second_credentials == first_credentials
    assert second.call("GET", "/_emulator/requests", token=first_credentials["admin_token"])[0] == 200
    status, body = second.call("GET", "/user/v1/whoami", token=session.decode())
    assert status == 200 and json.loads(body)["username"] == first_credentials["username"]
    assert second.call("GET", "/user/v1/whoami", token=first_credentials["api_key"])[0] == 200
