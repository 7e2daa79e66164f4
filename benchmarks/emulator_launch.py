"""Starting an emulator from this checkout and calling it, for the benchmarks that drive Ansible."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]


def start_emulator(credentials: Path, *serve_args: str):
    """Starts `python -m emulator serve` with demo data and `serve_args` on a free loopback port;
    returns the process, its base URL and the credentials it wrote."""
    process = subprocess.Popen(  # pylint: disable=consider-using-with  # runs until the caller stops it
        [sys.executable, "-m", "emulator", "serve", "--host", "127.0.0.1", "--port", "0", "--seed", "demo",
         "--db", ":memory:", "--credentials-file", str(credentials), *serve_args],
        cwd=REPO, stdout=subprocess.PIPE, text=True,
    )
    url = process.stdout.readline().strip()
    if not url:
        process.kill()
        raise SystemExit("the emulator did not start")
    for _attempt in range(600):
        try:
            return process, url, json.loads(credentials.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            time.sleep(0.1)
    process.kill()
    raise SystemExit("the emulator wrote no credentials")


def stop_emulator(process) -> None:
    """Stops an emulator `start_emulator` started, and waits for it."""
    process.terminate()
    process.wait(timeout=30)
    process.stdout.close()


def call(url: str, token: str, method: str, path: str):
    """One request with a bearer token; the decoded JSON answer, or None for an empty one."""
    request = urllib.request.Request(url + path, method=method, headers={"Authorization": "Bearer " + token})
    with urllib.request.urlopen(request, timeout=120) as response:  # nosec - the local emulator
        body = response.read()
    return json.loads(body) if body else None


def stage_collection(workdir: Path) -> Path:
    """The collection as it ships (tools/stage-collection.sh); returns the collections path to use."""
    env_dir = Path(sys.executable).parent.parent
    subprocess.run([str(REPO / "tools" / "stage-collection.sh"), str(workdir / "stage")], check=True,
                   capture_output=True, env={**os.environ, "VENV": str(env_dir)})
    return workdir / "stage"
