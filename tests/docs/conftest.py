"""Fixtures of the documentation site checks: the built site, served on loopback, and a headless
Chromium (Debian's chromium, installed by `tools/headless-chromium.sh install`, which CI runs)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from devtools import Chromium
from static_server import StaticServer

REPO_ROOT = Path(__file__).resolve().parents[2]
BUILD_TIMEOUT = 600


def _chromium_binary():
    found = subprocess.run([str(REPO_ROOT / "tools" / "headless-chromium.sh"), "path"],
                           capture_output=True, text=True, check=False)
    if found.returncode == 0:
        return found.stdout.strip()
    missing = "Chromium is not installed (tools/headless-chromium.sh install)"
    if os.environ.get("CI"):
        pytest.fail(missing)
    pytest.skip(missing)
    return None


@pytest.fixture(scope="session")
def browser(tmp_path_factory):
    binary = _chromium_binary()
    directory = tmp_path_factory.mktemp("chromium")
    chromium = Chromium(binary, directory / "profile", directory / "chromium.log")
    try:
        yield chromium
    finally:
        chromium.close()


@pytest.fixture(scope="session")
def built_site():
    """The site in build/docs: as `make docs` left it when $DOCS_SITE_BUILT is 1, else built now."""
    site = REPO_ROOT / "build" / "docs"
    if os.environ.get("DOCS_SITE_BUILT") != "1":
        environment = dict(os.environ, VENV=sys.prefix)
        build = subprocess.run([str(REPO_ROOT / "tools" / "build-docs.sh")], cwd=REPO_ROOT, env=environment,
                               capture_output=True, text=True, timeout=BUILD_TIMEOUT, check=False)
        assert build.returncode == 0, "make docs failed:\n" + build.stdout + build.stderr
    assert (site / "index.html").is_file(), "%s has no index.html: run make docs" % site
    return site


@pytest.fixture(scope="session")
def served_site(built_site):
    with StaticServer(built_site) as server:
        yield server.base_url
