"""Headless Chromium driven over the DevTools protocol, through the pipe of --remote-debugging-pipe.

Chromium reads commands on its file descriptor 3 and writes answers and events on 4, each a JSON
message ended by a NUL byte; nothing but the standard library is needed. One browser loads page
after page in one tab, which is much faster than a browser per page.
"""
from __future__ import annotations

import itertools
import json
import os
import select
import time
from dataclasses import dataclass, field
from urllib.parse import urlsplit

# Every host name except the loopback address fails to resolve: a page can reach nothing outside.
HOST_RESOLVER_RULES = "MAP * ~NOTFOUND, EXCLUDE 127.0.0.1"

PAGE_FACTS = """(() => {
  const ids = Array.from(document.querySelectorAll('[id]'), (element) => element.id);
  const names = Array.from(document.querySelectorAll('a[name]'), (element) => element.name);
  const examples = document.getElementById('examples');
  return {
    title: document.title,
    anchors: ids.concat(names),
    links: Array.from(document.querySelectorAll('a[href]'), (element) => element.href),
    examples: examples === null ? null
      : Array.from(examples.querySelectorAll('pre'), (element) => element.textContent).join('\\n'),
  };
})()"""


class DevToolsError(Exception):
    """The browser answered a command with an error, quit, or did not answer in time."""


@dataclass
class LoadedPage:
    """What one page load showed: the document's status, what failed, and facts read from the DOM."""

    url: str
    status: int | None = None
    failed_resources: list = field(default_factory=list)
    script_errors: list = field(default_factory=list)
    title: str = ""
    anchors: set = field(default_factory=set)
    links: list = field(default_factory=list)
    examples: str | None = None


class Chromium:
    """One headless Chromium process with one tab, for loading pages and reading their DOM."""

    def __init__(self, binary, profile_dir, log_path, timeout=60.0):
        self._timeout = timeout
        self._ids = itertools.count(1)
        self._buffer = b""
        self._events = []
        to_browser_read, self._to_browser = os.pipe()
        self._from_browser, from_browser_write = os.pipe()
        arguments = [
            binary, "--headless", "--remote-debugging-pipe", "--disable-gpu", "--no-first-run",
            "--no-default-browser-check", "--disable-extensions", "--disable-background-networking",
            "--disable-dev-shm-usage", "--host-resolver-rules=" + HOST_RESOLVER_RULES,
            "--user-data-dir=" + str(profile_dir),
        ]
        if os.geteuid() == 0:
            arguments.append("--no-sandbox")  # Chromium's sandbox refuses to run as root
        log_fd = os.open(str(log_path), os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        try:
            self.pid = os.posix_spawn(binary, arguments + ["about:blank"], dict(os.environ), file_actions=[
                (os.POSIX_SPAWN_OPEN, 0, os.devnull, os.O_RDONLY, 0),
                (os.POSIX_SPAWN_DUP2, log_fd, 1),
                (os.POSIX_SPAWN_DUP2, log_fd, 2),
                (os.POSIX_SPAWN_DUP2, to_browser_read, 3),
                (os.POSIX_SPAWN_DUP2, from_browser_write, 4),
            ])
        finally:
            for descriptor in (log_fd, to_browser_read, from_browser_write):
                os.close(descriptor)
        self._session = None
        try:
            target = self.call("Target.createTarget", {"url": "about:blank"})["targetId"]
            self._session = self.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
            for domain in ("Page", "Network", "Runtime"):
                self.call(domain + ".enable", session=self._session)
        except Exception:
            self.close()
            raise

    def close(self):
        for descriptor in (self._to_browser, self._from_browser):
            try:
                os.close(descriptor)
            except OSError:
                pass
        try:
            os.kill(self.pid, 15)
        except ProcessLookupError:
            pass
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if os.waitpid(self.pid, os.WNOHANG) != (0, 0):
                return
            time.sleep(0.05)
        os.kill(self.pid, 9)
        os.waitpid(self.pid, 0)

    def call(self, method, params=None, session=None):
        """Send one command and return its result, keeping the events that arrive meanwhile."""
        message_id = next(self._ids)
        message = {"id": message_id, "method": method, "params": params or {}}
        if session:
            message["sessionId"] = session
        os.write(self._to_browser, json.dumps(message).encode("utf-8") + b"\0")
        deadline = time.monotonic() + self._timeout
        while True:
            answer = self._receive(deadline, method)
            if answer.get("id") == message_id:
                if "error" in answer:
                    raise DevToolsError("%s failed: %s" % (method, answer["error"].get("message")))
                return answer.get("result", {})
            self._events.append(answer)

    def load(self, url):
        """Load url in the tab and wait for its load event; tell what it loaded and what failed."""
        self._events = []
        navigation = self.call("Page.navigate", {"url": url}, session=self._session)
        page = LoadedPage(url=url)
        if navigation.get("errorText"):
            page.failed_resources.append((url, navigation["errorText"]))
            return page
        self._wait_for_event("Page.loadEventFired", time.monotonic() + self._timeout)
        facts = self.call("Runtime.evaluate", {"expression": PAGE_FACTS, "returnByValue": True},
                          session=self._session)["result"]["value"]
        self._read_network_events(page, navigation.get("loaderId"))
        page.title = facts["title"]
        page.anchors = set(facts["anchors"])
        page.links = facts["links"]
        page.examples = facts["examples"]
        return page

    def _read_network_events(self, page, loader_id):
        """Fill in the page's status and failures from the events of its own load (the browser's
        request for a favicon, which no page asked for, and requests of earlier pages left out)."""
        requests = {}
        for event in self._events:
            method, params = event.get("method"), event.get("params", {})
            if method == "Network.requestWillBeSent":
                url = params["request"]["url"]
                if params.get("loaderId") == loader_id and urlsplit(url).path != "/favicon.ico":
                    requests[params["requestId"]] = url
            elif method == "Network.responseReceived" and params["requestId"] in requests:
                response = params["response"]
                if params.get("type") == "Document":
                    page.status = response["status"]
                elif response["status"] >= 400:
                    page.failed_resources.append((response["url"], "HTTP %d" % response["status"]))
            elif method == "Network.loadingFailed" and params["requestId"] in requests and not params.get("canceled"):
                page.failed_resources.append((requests[params["requestId"]], params.get("errorText")))
            elif method == "Runtime.exceptionThrown":
                details = params["exceptionDetails"]
                page.script_errors.append(details.get("exception", {}).get("description") or details.get("text"))

    def _wait_for_event(self, name, deadline):
        while not any(event.get("method") == name for event in self._events):
            self._events.append(self._receive(deadline, name))

    def _receive(self, deadline, waiting_for):
        while b"\0" not in self._buffer:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise DevToolsError("no answer from Chromium in %.0f s (waiting for %s)" % (self._timeout, waiting_for))
            readable, _, _ = select.select([self._from_browser], [], [], remaining)
            if readable:
                chunk = os.read(self._from_browser, 1 << 16)
                if not chunk:
                    raise DevToolsError("Chromium closed its DevTools pipe (waiting for %s)" % waiting_for)
                self._buffer += chunk
        message, self._buffer = self._buffer.split(b"\0", 1)
        return json.loads(message)
