"""Browser tests: the real assistant, the real page, headless Debian Chromium.

Nothing is downloaded: Playwright drives the system Chromium
(`/usr/bin/chromium`, or `$CHROMIUM`); if it is missing the tests fail
(scripts/test.sh installs it with apt when run as root). The page is web/
served by a static server on a free port, talking to a RunningAssistant
(its own SQLite database, free ports) over socket.io.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from preferences.db import migrate
from rasa_components.served import ROOT, RunningAssistant, free_port

WEB = ROOT / "web"
WIDGET = WEB / "node_modules" / "rasa-webchat" / "lib" / "index.js"
SHOTS = ROOT / "artifacts" / "browser"
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--disable-sync", "--no-first-run"]


def chromium_path() -> str:
    for candidate in (os.environ.get("CHROMIUM"), "/usr/bin/chromium", shutil.which("chromium")):
        if candidate and Path(candidate).exists():
            return candidate
    pytest.fail("Debian Chromium is not installed (apt-get install chromium; scripts/test.sh does it as root). "
                "The browser tests never download a browser.")


@pytest.fixture(scope="session")
def web_assistant(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningAssistant]:
    url = f"sqlite:///{tmp_path_factory.mktemp('browser-db') / 'preferences.db'}"
    migrate(url)
    running = RunningAssistant(tmp_path_factory.mktemp("browser-servers"), url).start()
    try:
        yield running
    finally:
        running.stop()


@pytest.fixture(scope="session")
def web_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """web/ on a free port, as `make web` serves it (python -m http.server)."""
    if not WIDGET.exists():
        pytest.fail(f"{WIDGET} is missing: the setup installs it (cd web && npm ci)")
    port = free_port()
    log = open(tmp_path_factory.mktemp("web-server") / "web.log", "wb")
    proc = subprocess.Popen([sys.executable, "-m", "http.server", str(port), "--bind", "127.0.0.1",
                             "--directory", str(WEB)], stdout=log, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    while True:
        try:
            if requests.get(f"{base}/index.html", timeout=2).ok:
                break
        except requests.RequestException:
            pass
        if time.monotonic() > deadline or proc.poll() is not None:
            proc.kill()
            pytest.fail("the static server for web/ did not start")
        time.sleep(0.2)
    try:
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)


@pytest.fixture(scope="session")
def page_url(web_server: str, web_assistant: RunningAssistant) -> str:
    return f"{web_server}/index.html?rasa={web_assistant.url}"


@pytest.fixture(scope="session")
def browser() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright

    path = chromium_path()
    with sync_playwright() as playwright:
        launched = playwright.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield launched
        finally:
            launched.close()


@pytest.fixture()
def shot() -> Any:
    """shot(page, "01-name"): a screenshot in artifacts/browser/."""
    SHOTS.mkdir(parents=True, exist_ok=True)

    def take(page: Any, name: str) -> Path:
        path = SHOTS / f"{name}.png"
        page.screenshot(path=str(path), full_page=False)
        return path

    return take
