"""The insight page in headless Chromium, served by the real page server (`rasa_components.web_server`).

The page needs no Rasa: it reads the tracker store and the preference
database, so these tests start only the page server (twice: without and with
ASSISTANT_SECRET) on the log of tests/store/test_insight.py, which has
defects, a rewrite in force, a withdrawn one, an online rewrite and a
request that is a `<script>` tag. Screenshots: artifacts/browser/insight-*.png.
"""
from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
import requests

from preferences import tokens
from rasa_components.served import ROOT, free_port
from tests.store.test_insight import NO_MODEL, SCRIPT, build_everything

pytestmark = pytest.mark.browser

SECRET = "insight-test-secret-0123456789abcdef"
WAIT_MS = 30_000


@pytest.fixture(scope="module")
def databases(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, str]:
    return build_everything(tmp_path_factory.mktemp("insight-browser"))


def _serve(databases: tuple[str, str], log: Path, secret: str | None) -> Iterator[str]:
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_SECRET"}
    env.update(TRACKER_DB_URL=databases[0], PREFERENCES_DB_URL=databases[1], FAILURE_POINTS_MODEL=str(NO_MODEL))
    if secret:
        env["ASSISTANT_SECRET"] = secret
    port = free_port()
    out = open(log, "wb")
    proc = subprocess.Popen([sys.executable, "-m", "rasa_components.web_server", "--port", str(port)], cwd=ROOT,
                            env=env, stdout=out, stderr=subprocess.STDOUT)
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 30
    try:
        while True:
            try:
                if requests.get(f"{base}/insight.html", timeout=2).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline or proc.poll() is not None:
                pytest.fail(f"the page server did not start:\n{log.read_text()[-2000:]}")
            time.sleep(0.2)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=10)
        out.close()


@pytest.fixture(scope="module")
def open_server(databases: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(databases, tmp_path_factory.mktemp("insight-open") / "web.log", None)


@pytest.fixture(scope="module")
def secured_server(databases: tuple[str, str], tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    yield from _serve(databases, tmp_path_factory.mktemp("insight-secured") / "web.log", SECRET)


def expect(locator: Any) -> Any:
    """Playwright's assertions: they wait in Playwright's own script world, which the page's
    Content-Security-Policy (no eval) does not govern, unlike `wait_for_function`."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def _texts(page: Any, selector: str) -> list[str]:
    return [t.strip() for t in page.locator(selector).all_text_contents()]


def test_the_page_shows_what_was_learned_and_a_script_stays_text(open_server: str, browser: Any,
                                                                 shot: Any) -> None:
    context = browser.new_context(viewport={"width": 1100, "height": 1400})
    page = context.new_page()
    dialogs: list[str] = []
    page.on("dialog", lambda d: (dialogs.append(d.message), d.dismiss()))
    try:
        page.goto(f"{open_server}/insight")  # redirects to insight.html
        page.wait_for_selector("#content:not([hidden])", timeout=WAIT_MS)
        shot(page, "insight-01-open")
        summary = dict(zip(_texts(page, "#summary dt"), _texts(page, "#summary dd")))
        assert summary["requests"] == "10" and summary["defect rate"] == "50.0 %" and summary["users"] == "8"
        assert page.locator("#token-form").is_hidden()  # no secret: no token asked for
        # one bar per hour, 2/4, 1/2 and 2/4 of the requests failed
        bars = page.locator("#defects-chart rect.bar")
        assert bars.count() == 3 and "2 of 4 requests failed" in bars.first.locator("title").text_content()
        assert page.locator("#fp-chart rect.bar").count() >= 3 and page.locator("#fp-chart .legend li").count() == 6
        rewrites = _texts(page, "#rw-table tbody td")
        assert rewrites[:3] == ["play the beatels", "play the beatles", "4"] and "12 / 2" in rewrites
        assert "1 / 3" in rewrites and "85.7 %" in rewrites  # held out ok / failed, win rate 12/14
        withdrawn = _texts(page, "#wd-table tbody td")
        assert withdrawn[0] == "weather in portland" and withdrawn[3].startswith("no better than the original")
        assert _texts(page, "#top-table tbody tr:first-child td") == ["play maj and dragons", "2", "2", "100.0 %"]
        turns = _texts(page, "#turns-table tbody td")
        assert turns[:4] == ["by the precomputed table", "1", "1", "100.0 %"] and turns[8:10] == [
            "online (personal or global layer)", "1"]
        online = dict(zip(_texts(page, "#online dt"), _texts(page, "#online dd")))
        assert online["online index version"] == "1" and online["personal entries"] == "5"
        # The taught <script> is text in a cell, never an element, and never ran.
        assert SCRIPT in _texts(page, "#top-table td") and SCRIPT in page.inner_text("#fp-table")
        assert page.evaluate("document.scripts.length") == 1 and dialogs == []
        assert page.evaluate("[...document.scripts].every(s => s.src.endsWith('/insight.js'))")
        # Since a date after the log: no requests, an empty plot, the rewrites still there.
        page.fill("#since", "2026-01-02")
        page.click("#refresh")
        expect(page.locator("#summary dd").first).to_have_text("0", timeout=WAIT_MS)
        assert page.locator("#defects-chart rect.bar").count() == 0
        assert "no requests" in page.inner_text("#defects-chart") and "play the beatels" in page.inner_text("#rw-table")
        shot(page, "insight-02-since")
    finally:
        context.close()
    # The data call itself: local requests only, a bad date is a 400.
    assert requests.get(f"{open_server}/insight/data", timeout=30).json()["defects"]["defects"] == 5
    assert requests.get(f"{open_server}/insight/data?since=soon", timeout=30).status_code == 400
    foreign = requests.get(f"{open_server}/insight/data", headers={"Host": "evil.example"}, timeout=30)
    assert foreign.status_code == 403  # a rebound DNS name is not this machine
    assert requests.get(f"{open_server}/insight/data", headers={"Sec-Fetch-Site": "cross-site"},
                        timeout=30).status_code == 403


def test_with_the_secret_the_data_needs_an_admin_token(secured_server: str, browser: Any, shot: Any) -> None:
    data = f"{secured_server}/insight/data"
    refused = requests.get(data, timeout=30)
    assert refused.status_code == 401 and refused.json()["error"] == "unauthorized"
    assert "prefs token --api" in refused.json()["message"] and "Bearer" in refused.headers["WWW-Authenticate"]
    for wrong in (tokens.mint(SECRET, "alice"),  # a chat token is not an API token
                  tokens.mint_api_token(SECRET, username="alice", role="user"),  # not an admin
                  tokens.mint_api_token("another-secret-0123456789abcdef")):  # forged
        assert requests.get(data, headers={"Authorization": f"Bearer {wrong}"}, timeout=30).status_code == 401
    admin = tokens.mint_api_token(SECRET)
    allowed = requests.get(data, headers={"Authorization": f"Bearer {admin}"}, timeout=60)
    assert allowed.status_code == 200 and allowed.json()["defects"]["requests"] == 10

    context = browser.new_context(viewport={"width": 1100, "height": 900})
    page = context.new_page()
    try:
        page.goto(f"{secured_server}/insight.html")
        page.wait_for_selector("#token-form:not([hidden])", timeout=WAIT_MS)
        assert "admin API token is required" in page.inner_text("#token-message")
        assert page.locator("#content").is_hidden()
        shot(page, "insight-03-token-asked")
        page.fill("#token-input", tokens.mint(SECRET, "alice"))  # wrong kind: asked again
        page.click("#token-form button[type=submit]")
        expect(page.locator("#token-message")).to_contain_text("signature", timeout=WAIT_MS)
        assert page.locator("#content").is_hidden()
        page.fill("#token-input", admin)
        page.click("#token-form button[type=submit]")
        page.wait_for_selector("#content:not([hidden])", timeout=WAIT_MS)
        assert page.locator("#token-form").is_hidden() and "10" in _texts(page, "#summary dd")
        page.reload()  # the token is kept in this tab's sessionStorage
        page.wait_for_selector("#content:not([hidden])", timeout=WAIT_MS)
        assert page.evaluate("sessionStorage.getItem('teachable.insightToken')") == admin
        shot(page, "insight-04-with-token")
    finally:
        context.close()
