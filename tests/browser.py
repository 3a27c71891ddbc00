"""A headless Chromium for the tests: opens local pages and lists every request each page made.

Contract:
- :func:`find_chromium` gives the browser and its driver (``chromium`` or ``chromium-browser`` or
  ``google-chrome``, and ``chromedriver``) or None. :func:`require_chromium` returns them, or skips the
  test — except on CI (``CI`` set to ``true`` or ``1``), where a missing browser FAILS the test: the BIP page
  test must really run there (``scripts/setup.sh`` installs Debian's ``chromium`` and ``chromium-driver``).
- :class:`Browser` drives one browser session through chromedriver's WebDriver HTTP API (standard library
  only, on a free port of 127.0.0.1), with the DevTools performance log on. :meth:`Browser.visit` opens a
  URL and returns a :class:`Visit`: the page's title, ``lang``, ready state and the URL of every request
  the page itself made (``Network.requestWillBeSent``: the document, subresources, failed attempts too).
- Why not ``--dump-dom --log-net-log``: the net log also records the browser's own traffic (component
  updates, the time server, accounts — even with ``--disable-background-networking``), which says nothing
  about the page; the DevTools events belong to the page's tab only.
- Robust on a CI machine: the headless flag of the installed version (``--headless=new`` from Chromium 109,
  the only mode from 132), ``--no-sandbox`` (CI runs as root), a fresh temporary ``--user-data-dir`` (never a
  user's profile), no first-run, background networking, extensions or sync; a timeout on every request to
  the driver and on the page load; the driver and the browser are stopped however the test ends.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Any

import pytest

BROWSERS = ("chromium", "chromium-browser", "google-chrome")
DRIVER_PATHS = ("/usr/lib/chromium/chromedriver", "/usr/lib/chromium-browser/chromedriver")
TIMEOUT_S = 60  # one driver request or one page load; a hung browser fails the test instead of hanging CI
START_TIMEOUT_S = 30  # chromedriver answering /status
# URL schemes that are not a request leaving the machine: the page itself, inline data, the browser's own pages.
LOCAL_SCHEMES = ("file:", "data:", "about:", "blob:", "chrome:", "chrome-untrusted:", "devtools:")


def on_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() in ("true", "1")


def find_chromium() -> tuple[str, str] | None:
    """(browser, chromedriver) executables, or None if either is missing."""
    browser = next((found for name in BROWSERS if (found := shutil.which(name))), None)
    driver = shutil.which("chromedriver") or next((p for p in DRIVER_PATHS if Path(p).is_file()), None)
    return (browser, driver) if browser and driver else None


def require_chromium() -> tuple[str, str]:
    """The browser and driver; without them skip the test locally, fail it on CI."""
    found = find_chromium()
    if found is None:
        message = ("Chromium and chromedriver are not installed (Debian: apt install chromium chromium-driver; "
                   "scripts/setup.sh installs them)")
        if on_ci():
            pytest.fail(f"{message} — on CI the browser test must run, not skip", pytrace=False)
        pytest.skip(message)
    return found


def headless_flag(browser: str) -> str:
    """``--headless=new`` where the version has it (109+; the only mode from 132), else ``--headless``."""
    try:
        output = subprocess.run([browser, "--version"], capture_output=True, text=True, timeout=TIMEOUT_S).stdout
    except (OSError, subprocess.TimeoutExpired):
        output = ""
    match = re.search(r"(\d+)\.\d+\.\d+", output)
    return "--headless=new" if match is None or int(match.group(1)) >= 109 else "--headless"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@dataclass(frozen=True, slots=True)
class Visit:
    """What one page load showed: the page's own properties and the URL of every request it made."""

    url: str
    ready_state: str
    title: str
    lang: str
    requests: tuple[str, ...]

    @property
    def external(self) -> list[str]:
        """The requests that would leave the machine (anything but the local schemes)."""
        return sorted({url for url in self.requests if not url.startswith(LOCAL_SCHEMES)})


class Browser:
    """One headless Chromium session (a context manager); see the module docstring."""

    def __init__(self, browser: str, driver: str) -> None:
        self.browser, self.driver = browser, driver
        self.profile = tempfile.mkdtemp(prefix="paldocs-chromium-")
        self.base = f"http://127.0.0.1:{free_port()}"
        self.process: subprocess.Popen[bytes] | None = None
        self.session: str | None = None

    def __enter__(self) -> Browser:
        try:
            self._start()
        except BaseException:
            self.close()
            raise
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self.close()

    def _start(self) -> None:
        port = self.base.rsplit(":", 1)[1]
        self.process = subprocess.Popen([self.driver, f"--port={port}"], stdout=subprocess.DEVNULL,
                                        stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            try:
                self._call("GET", "/status")
                break
            except (OSError, urllib.error.URLError):
                if time.monotonic() > deadline or self.process.poll() is not None:
                    raise RuntimeError(f"chromedriver did not start ({self.driver})") from None
                time.sleep(0.1)
        args = [headless_flag(self.browser), "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                f"--user-data-dir={self.profile}", "--no-first-run", "--no-default-browser-check",
                "--disable-background-networking", "--disable-component-update", "--disable-extensions",
                "--disable-sync", "--disable-default-apps"]
        capabilities = {"browserName": "chrome", "goog:chromeOptions": {"binary": self.browser, "args": args},
                        "goog:loggingPrefs": {"performance": "ALL"},
                        "timeouts": {"pageLoad": TIMEOUT_S * 1000, "script": TIMEOUT_S * 1000}}
        self.session = self._call("POST", "/session", {"capabilities": {"alwaysMatch": capabilities}})["sessionId"]

    def _call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = None if body is None else json.dumps(body).encode("utf-8")
        request = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Content-Type": "application/json"})
        try:
            with urllib.request.urlopen(request, timeout=TIMEOUT_S) as response:
                return json.loads(response.read())["value"]
        except urllib.error.HTTPError as error:  # the driver's own error message, not just "500"
            raise RuntimeError(f"chromedriver {method} {path}: {error.read().decode(errors='replace')}") from None

    def _page_requests(self) -> list[str]:
        """URLs the tab requested since the last call (reading the performance log empties it)."""
        entries = self._call("POST", f"/session/{self.session}/se/log", {"type": "performance"})
        events = (json.loads(entry["message"])["message"] for entry in entries)
        return [event["params"]["request"]["url"] for event in events
                if event.get("method") == "Network.requestWillBeSent"]

    def visit(self, url: str) -> Visit:
        self._page_requests()  # drop what came before (the start page)
        self._call("POST", f"/session/{self.session}/url", {"url": url})
        state, title, lang = self._call("POST", f"/session/{self.session}/execute/sync", {
            "script": "return [document.readyState, document.title, document.documentElement.lang]", "args": []})
        return Visit(url, state, title, lang, tuple(self._page_requests()))

    def close(self) -> None:
        if self.session is not None:
            try:
                self._call("DELETE", f"/session/{self.session}")  # quits the browser
            except (OSError, RuntimeError, urllib.error.URLError):
                pass
            self.session = None
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
            self.process = None
        shutil.rmtree(self.profile, ignore_errors=True)
