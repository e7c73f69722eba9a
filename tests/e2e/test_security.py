"""Closed to strangers: the real servers with ASSISTANT_SECRET set, and loopback-only without it.

A second assistant runs with a secret (its own SQLite database, free ports,
started by tests/harness.py exactly as `make serve` starts it). Every check
goes through the network like a stranger's request would.
"""
from __future__ import annotations

import asyncio
import json
import os
import socket
import subprocess
import sys
import time
import uuid
from collections.abc import Iterator
from http.cookies import SimpleCookie
from pathlib import Path

import jwt
import pytest
import requests
import socketio

from preferences import tokens
from preferences.db import migrate
from preferences.store import PreferenceStore
from rasa_components.served import ROOT, RunningAssistant, free_port, run_async
from tests.e2e.socketio_client import Client

pytestmark = pytest.mark.e2e

SECRET = "e2e-secret-" + uuid.uuid4().hex
USER_BURST = 8


def new_user(prefix: str = "sec") -> str:
    return f"{prefix}-{uuid.uuid4().hex[:8]}"


@pytest.fixture(scope="session")
def secure_db(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('secure-db') / 'preferences.db'}"
    migrate(url)
    return url


@pytest.fixture(scope="session")
def secured(tmp_path_factory: pytest.TempPathFactory, secure_db: str) -> Iterator[RunningAssistant]:
    env = {"ASSISTANT_SECRET": SECRET, "RATE_LIMIT_USER_BURST": str(USER_BURST), "RATE_LIMIT_USER_PER_MINUTE": "6",
           "RATE_LIMIT_ADDRESS_BURST": "10000", "RATE_LIMIT_ADDRESS_PER_MINUTE": "60000"}
    running = RunningAssistant(tmp_path_factory.mktemp("secure-servers"), secure_db, extra_env=env).start()
    try:
        yield running
    finally:
        running.stop()


def post(assistant: RunningAssistant, body: object, token: str | None = None, **headers: str) -> requests.Response:
    if token is not None:
        headers["Authorization"] = f"Bearer {token}"
    data = body if isinstance(body, (bytes, str)) else json.dumps(body)
    return requests.post(f"{assistant.url}/webhooks/rest/webhook", data=data, headers=headers, timeout=60)


def texts(r: requests.Response) -> str:
    assert r.status_code == 200, r.text
    return " ".join(m.get("text", "") for m in r.json())


def assert_refused(r: requests.Response, status: int, error: str) -> dict:
    assert r.status_code == status, r.text
    body = r.json()
    assert isinstance(body, dict) and body["error"] == error and body["message"], body
    return body


# --- REST: who the user is --------------------------------------------------------------------------

def test_rest_without_a_token_is_refused(secured: RunningAssistant) -> None:
    r = post(secured, {"sender": "alice", "message": "what do you know about me?"})
    body = assert_refused(r, 401, "unauthorized")
    assert body["reason"] == "missing" and "Bearer" in r.headers["WWW-Authenticate"]


def _forged(kind: str) -> str:
    now = int(time.time())
    claims = {"sub": "alice", "iat": now, "exp": now + 600, "aud": tokens.CHAT_AUDIENCE}
    if kind == "other-secret":
        return tokens.mint("not-the-" + SECRET, "alice")
    if kind == "expired":
        return tokens.mint(SECRET, "alice", ttl=60, now=now - 3600)
    if kind == "alg-none":
        return jwt.encode(claims, None, algorithm="none")
    if kind == "raw-secret":  # signed with ASSISTANT_SECRET itself instead of the derived key
        return jwt.encode(claims, SECRET, algorithm="HS256")
    if kind == "api-token":  # a valid HTTP API token is no chat token
        return tokens.mint_api_token(SECRET)
    return "not.a.token"


@pytest.mark.parametrize("kind", ["other-secret", "expired", "alg-none", "raw-secret", "api-token", "garbage"])
def test_rest_with_a_forged_or_expired_token_is_refused(secured: RunningAssistant, kind: str) -> None:
    body = assert_refused(post(secured, {"sender": "alice", "message": "hi"}, _forged(kind)), 401, "unauthorized")
    assert body["reason"] in ("bad_signature", "expired", "bad_algorithm", "malformed")


def test_the_token_decides_the_user_not_the_body(secured: RunningAssistant, secure_db: str) -> None:
    alice, bob = new_user("alice"), new_user("bob")
    token = secured.token(alice)
    assert "you like jazz" in texts(post(secured, {"sender": bob, "message": "I really like jazz"}, token))
    with PreferenceStore(secure_db) as store:
        assert [p.value for p in store.get(alice, "genre")] == ["jazz"]
        assert store.get(bob, "genre") == [] and store.list(bob) == []
    # the conversation is alice's: her next turn uses it; bob's (with his own token) does not
    assert "since you told me you like it" in texts(post(secured, {"sender": bob, "message": "play some music"},
                                                         token))
    assert "since you told me" not in texts(post(secured, {"sender": alice, "message": "play some music"},
                                                 secured.token(bob)))
    tracker = requests.get(f"{secured.url}/conversations/{alice}/tracker", headers=secured.api_headers(),
                           timeout=30).json()
    assert "I really like jazz" in [e.get("text") for e in tracker["events"] if e["event"] == "user"]


def test_invalid_bodies_are_clear_client_errors(secured: RunningAssistant) -> None:
    token = secured.token(new_user())
    assert_refused(post(secured, "not json", token), 400, "bad_request")
    assert_refused(post(secured, ["a", "list"], token), 400, "bad_request")
    assert_refused(post(secured, {"message": 42}, token), 400, "bad_request")


def test_oversize_messages_are_refused_clearly(secured: RunningAssistant) -> None:
    token = secured.token(new_user())
    r = post(secured, {"message": "a" * 5000}, token)
    assert r.status_code == 200
    answer = r.json()
    assert len(answer) == 1 and "too long" in answer[0]["text"] and answer[0]["custom"]["error"] == "message_too_long"
    assert_refused(post(secured, {"message": "a" * 100_000}, token), 413, "body_too_large")


def test_rate_limit_per_user(secured: RunningAssistant) -> None:
    token = secured.token(new_user())
    statuses = [post(secured, {"message": "hi"}, token) for _ in range(USER_BURST + 3)]
    codes = [r.status_code for r in statuses]
    assert codes[0] == 200 and 429 in codes and not any(c >= 500 for c in codes), codes
    limited = next(r for r in statuses if r.status_code == 429)
    assert_refused(limited, 429, "rate_limited")
    assert int(limited.headers["Retry-After"]) >= 1
    # another user is not held back by this one
    assert post(secured, {"message": "hi"}, secured.token(new_user())).status_code == 200


def test_a_foreign_page_is_refused(secured: RunningAssistant) -> None:
    token = secured.token(new_user())
    assert_refused(post(secured, {"message": "hi"}, token, Origin="https://evil.example"), 403, "origin_not_allowed")
    assert post(secured, {"message": "hi"}, token, Origin="http://localhost:8080").status_code == 200


# --- socket.io -----------------------------------------------------------------------------------------

async def _socket_chat(url: str, auth: dict | None, ask_for: str, text: str,
                       headers: dict | None = None) -> tuple[str, str]:
    client = Client()
    answers: asyncio.Queue[str] = asyncio.Queue()
    confirmed: asyncio.Queue[str] = asyncio.Queue()
    client.on("session_confirm", lambda sid: confirmed.put_nowait(sid))
    client.on("bot_uttered", lambda data: answers.put_nowait(data.get("text", "")))
    await client.connect(url, transports=["polling"], socketio_path="/socket.io", auth=auth, headers=headers or {})
    try:
        await client.emit("session_request", {"session_id": ask_for})
        session = await asyncio.wait_for(confirmed.get(), 10)
        await client.emit("user_uttered", {"message": text, "session_id": ask_for, "customData": {}})
        return session, await asyncio.wait_for(answers.get(), 30)
    finally:
        await client.disconnect()


def test_socketio_without_a_token_cannot_connect(secured: RunningAssistant) -> None:
    for auth in (None, {"token": _forged("expired")}, {"token": _forged("alg-none")}):
        with pytest.raises(socketio.exceptions.ConnectionError):
            run_async(_socket_chat(secured.url, auth, "alice", "hi"))


def test_socketio_sender_is_the_token_subject(secured: RunningAssistant, secure_db: str) -> None:
    alice, bob = new_user("alice"), new_user("bob")
    session, answer = run_async(_socket_chat(secured.url, {"token": secured.token(alice)}, bob, "I love blues"))
    assert session == alice and "you like blues" in answer
    # the page's way: the token in the handshake query
    session, _ = run_async(_socket_chat(f"{secured.url}?token={secured.token(alice)}", None, bob, "hi"))
    assert session == alice
    with PreferenceStore(secure_db) as store:
        assert [p.value for p in store.get(alice, "genre")] == ["blues"]
        assert store.list(bob) == []


def test_socketio_foreign_page_cannot_connect(secured: RunningAssistant) -> None:
    with pytest.raises(socketio.exceptions.ConnectionError):
        run_async(_socket_chat(secured.url, {"token": secured.token("alice")}, "alice", "hi",
                               headers={"Origin": "https://evil.example"}))


# --- the action server and the HTTP API ------------------------------------------------------------------

def _action_call(user: str) -> dict:
    return {"next_action": "action_what_do_you_know", "sender_id": user, "version": "3.6.21",
            "tracker": {"sender_id": user, "slots": {}, "latest_message": {"text": "what do you know about me",
                        "intent": {"name": "ask_what_you_know"}, "entities": []}, "events": [],
                        "paused": False, "followup_action": None, "active_loop": {},
                        "latest_action_name": "action_listen"},
            "domain": {}}


def test_action_server_requires_the_shared_secret(secured: RunningAssistant) -> None:
    base = f"http://127.0.0.1:{secured.actions_port}"
    assert requests.get(f"{base}/health", timeout=10).status_code == 200
    for headers in ({}, {tokens.ACTIONS_HEADER: "guess"}, {tokens.ACTIONS_HEADER: tokens.actions_token("x" * 32)}):
        r = requests.post(f"{base}/webhook", json=_action_call("alice"), headers=headers, timeout=30)
        assert_refused(r, 401, "unauthorized")
    assert requests.get(f"{base}/actions", timeout=10).status_code == 401
    # with it (what Rasa sends), the call is served
    r = requests.post(f"{base}/webhook", json=_action_call(new_user()), headers=secured.actions_headers(), timeout=30)
    assert r.status_code == 200, r.text


def test_http_api_requires_a_token(secured: RunningAssistant) -> None:
    url = f"{secured.url}/conversations/x/tracker"
    assert requests.get(url, timeout=10).status_code == 401
    assert requests.get(f"{secured.url}/status", timeout=10).status_code == 401
    assert requests.get(url, headers={"Authorization": f"Bearer {secured.token('x')}"}, timeout=10).status_code == 401
    assert requests.get(url, headers=secured.api_headers(), timeout=10).status_code == 200
    own = tokens.mint_api_token(SECRET, username="x", role="user")
    assert requests.get(url, headers={"Authorization": f"Bearer {own}"}, timeout=10).status_code == 200
    other = f"{secured.url}/conversations/y/tracker"
    assert requests.get(other, headers={"Authorization": f"Bearer {own}"}, timeout=10).status_code == 403


def test_cors_is_the_pages_origin_only(secured: RunningAssistant) -> None:
    def allowed(origin: str) -> str | None:
        r = requests.options(f"{secured.url}/webhooks/rest/webhook", timeout=10, headers={
            "Origin": origin, "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization,content-type"})
        return r.headers.get("Access-Control-Allow-Origin")
    assert allowed("http://localhost:8080") == "http://localhost:8080"
    assert allowed("https://evil.example") in (None, "")


# --- where the servers listen -------------------------------------------------------------------------------

def _listening(port: int) -> set[str]:
    """Local addresses listening on `port` (from /proc/net/tcp{,6})."""
    found: set[str] = set()
    for name, width in (("tcp", 8), ("tcp6", 32)):
        path = Path(f"/proc/net/{name}")
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            fields = line.split()
            addr, hexport = fields[1].split(":")
            if int(hexport, 16) == port and fields[3] == "0A":
                if width == 8:
                    found.add(socket.inet_ntop(socket.AF_INET, bytes.fromhex(addr)[::-1]))
                else:
                    raw = b"".join(bytes.fromhex(addr[i:i + 8])[::-1] for i in range(0, 32, 8))
                    found.add(socket.inet_ntop(socket.AF_INET6, raw))
    return found


def _outside_address() -> str | None:
    """This machine's address on its default route, if it has one (no packet is sent)."""
    try:
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as s:
            s.connect(("192.0.2.1", 9))
            address = s.getsockname()[0]
    except OSError:
        return None
    return None if address.startswith("127.") else address


def assert_loopback_only(*ports: int) -> None:
    outside = _outside_address()
    for port in ports:
        assert _listening(port) == {"127.0.0.1"}, (port, _listening(port))
        if outside:
            with pytest.raises(OSError):
                socket.create_connection((outside, port), timeout=2).close()


def test_without_secret_servers_listen_on_loopback_only(assistant: RunningAssistant,
                                                         tmp_path: Path) -> None:
    assert_loopback_only(assistant.rasa_port, assistant.actions_port)
    # and unsigned local requests are answered as before
    assert assistant.say(new_user(), "hi")
    port = free_port()
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_SECRET"} | {"BIND_HOST": "0.0.0.0"}
    page = subprocess.Popen([sys.executable, "-m", "rasa_components.web_server", "--port", str(port)],
                            cwd=ROOT, env=env, stderr=subprocess.PIPE, text=True)
    try:
        note = page.stderr.readline() if page.stderr else ""
        assert "127.0.0.1" in note and "ASSISTANT_SECRET is not set" in note
        _wait_http(f"http://127.0.0.1:{port}/index.html")
        assert requests.get(f"http://127.0.0.1:{port}/token", timeout=5).json() == {"secured": False}
        assert_loopback_only(port)
    finally:
        page.terminate()
        page.wait(timeout=10)


def test_with_secret_and_default_bind_host_still_loopback(secured: RunningAssistant) -> None:
    assert_loopback_only(secured.rasa_port, secured.actions_port)


def test_unsigned_servers_refuse_to_listen_on_all_interfaces() -> None:
    env = {k: v for k, v in os.environ.items() if k != "ASSISTANT_SECRET"}
    for cmd in (["actions.server", "--host", "0.0.0.0"], ["rasa_components.web_server", "--host", "0.0.0.0"],
                ["rasa_components.launcher", "run", "-i", "0.0.0.0"]):
        done = subprocess.run([sys.executable, "-m", *cmd], cwd=ROOT, env=env, capture_output=True, text=True,
                              timeout=120)
        assert done.returncode != 0 and "refusing to listen on 0.0.0.0" in done.stderr, (cmd, done.stderr)


# --- the page server and the CLI -------------------------------------------------------------------------------

def _wait_http(url: str) -> None:
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            if requests.get(url, timeout=2).ok:
                return
        except requests.RequestException:
            pass
        time.sleep(0.2)
    raise TimeoutError(url)


def test_page_server_mints_a_token_for_the_browsers_own_user() -> None:
    port = free_port()
    env = dict(os.environ) | {"ASSISTANT_SECRET": SECRET, "WEB_TOKEN_TTL": "600"}
    page = subprocess.Popen([sys.executable, "-m", "rasa_components.web_server", "--port", str(port)],
                            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    base = f"http://127.0.0.1:{port}"
    try:
        _wait_http(f"{base}/index.html")
        browser = requests.Session()
        first = browser.get(f"{base}/token", timeout=5)
        body = first.json()
        assert body["secured"] and body["expires_in"] == 600
        assert tokens.verify(SECRET, body["token"]) == body["user"]
        cookie = first.headers["Set-Cookie"]
        assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
        again = browser.get(f"{base}/token", timeout=5).json()
        assert again["user"] == body["user"] and again["token"] != body["token"]  # stable id, fresh token
        # a cookie the server did not sign buys no identity: a new user is made instead
        jar = SimpleCookie()
        jar["assistant_user"] = f"alice.{'0' * 64}"
        forged = requests.get(f"{base}/token", headers={"Cookie": jar.output(header="").strip()}, timeout=5).json()
        assert forged["user"] not in ("alice", body["user"])
        # start over: only from the page itself (a header a cross-site form cannot send)
        assert browser.post(f"{base}/token/new", timeout=5).status_code == 403
        fresh = browser.post(f"{base}/token/new", headers={"X-Requested-With": "teachable-page"}, timeout=5).json()
        assert fresh["user"] != body["user"]
        assert browser.get(f"{base}/token", timeout=5).json()["user"] == fresh["user"]
        assert requests.get(f"{base}/node_modules/", timeout=5).status_code == 404  # no listings
    finally:
        page.terminate()
        page.wait(timeout=10)


def test_prefs_token_command() -> None:
    env = dict(os.environ) | {"ASSISTANT_SECRET": SECRET}
    done = subprocess.run([sys.executable, "-m", "preferences.cli", "token", "alice", "--ttl", "120"], cwd=ROOT,
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    token = done.stdout.strip()
    assert tokens.verify(SECRET, token) == "alice"
    claims = jwt.decode(token, options={"verify_signature": False})
    assert claims["exp"] - claims["iat"] == 120
    api = subprocess.run([sys.executable, "-m", "preferences.cli", "token", "--api"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert jwt.decode(api.stdout.strip(), tokens.http_api_key(SECRET), algorithms=["HS256"])["user"]["role"] == "admin"
    unset = {k: v for k, v in os.environ.items() if k != "ASSISTANT_SECRET"}
    refused = subprocess.run([sys.executable, "-m", "preferences.cli", "token", "alice"], cwd=ROOT, env=unset,
                             capture_output=True, text=True, timeout=120)
    assert refused.returncode == 2 and "ASSISTANT_SECRET is not set" in refused.stderr
    bad = subprocess.run([sys.executable, "-m", "preferences.cli", "token", "bad id"], cwd=ROOT, env=env,
                         capture_output=True, text=True, timeout=120)
    assert bad.returncode == 2 and "invalid user id" in bad.stderr
