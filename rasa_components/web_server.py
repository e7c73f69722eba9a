"""The web chat's page server: the static files of web/ and the browser's user token.

    python -m rasa_components.web_server [--port 8080] [--directory web]

* `GET /token`: with ASSISTANT_SECRET set, the token for this browser's user
  (`{"secured": true, "user": ..., "token": ..., "expires_in": ...}`). The
  user id is stable: it lives in a signed, HttpOnly, SameSite=Strict cookie
  the server set the first time ("web-<random>"), so a page can only ever get
  a token for its own id, never for an id it names. Without the secret:
  `{"secured": false}` and the page works as before (the session id is the
  user id).
* `POST /token/new` (header `X-Requested-With: teachable-page`, which a
  cross-site form cannot send): a new user id and its token ("Start over as
  a new user").
* `GET /insight/data[?since=DATE]`: the figures of the insight page
  (`web/insight.html`, also at `/insight`; docs/insight.md), computed by
  `preferences.selflearning.insight` from TRACKER_DB_URL and
  PREFERENCES_DB_URL and kept for INSIGHT_CACHE_SECONDS. With ASSISTANT_SECRET
  set it needs `Authorization: Bearer <admin HTTP API token>` (`prefs token
  --api`, the token Rasa's own HTTP API takes) and answers 401 otherwise;
  without it, only requests to a loopback address from this machine, and
  never from another site's page (Sec-Fetch-Site) or under a foreign Host
  name (DNS rebinding).
* Everything else: the files under `--directory`, without directory listings.

Listens on 127.0.0.1; with ASSISTANT_SECRET set, on BIND_HOST (default still
127.0.0.1) or `--host`. Standard library only (no Rasa import).
"""
from __future__ import annotations

import argparse
import ipaddress
import json
import sys
import threading
import time
import traceback
from collections.abc import Callable
from functools import partial
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from preferences import tokens
from preferences.settings import Settings, settings
from rasa_components.auth import LOOPBACK_HOSTS, RateLimiter, Refusal, bearer, serve_host, startup_note

COOKIE = "assistant_user"
COOKIE_MAX_AGE = 365 * 24 * 3600
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "teachable-page"
WEB_DIR = Path(__file__).resolve().parent.parent / "web"
INSIGHT_DATA = "/insight/data"
INSIGHT_CACHE_SECONDS = 30.0  # the figures are recomputed from the log at most this often (per `since`)
# The insight page loads nothing but its own files, and no page may frame it.
INSIGHT_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
               "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


class InsightCache:
    """The insight figures per `since`, computed by one thread at a time and reused for a while.

    Reading the whole log is the costly part (seconds on a large one); a page
    reloaded by several people, or a script polling it, must not read it
    again for every request.
    """

    MAX_ENTRIES = 16

    def __init__(self, compute: Callable[[float | None], dict[str, Any]], ttl: float = INSIGHT_CACHE_SECONDS
                 ) -> None:
        self.compute, self.ttl = compute, ttl
        self._lock = threading.Lock()
        self._entries: dict[float | None, tuple[float, dict[str, Any]]] = {}

    def get(self, since: float | None) -> dict[str, Any]:
        with self._lock:
            hit = self._entries.get(since)
            if hit is not None and time.monotonic() - hit[0] < self.ttl:
                return hit[1]
            data = self.compute(since)
            if len(self._entries) >= self.MAX_ENTRIES:
                self._entries.pop(next(iter(self._entries)))
            self._entries[since] = (time.monotonic(), data)
            return data


def insight_from_settings(s: Settings) -> Callable[[float | None], dict[str, Any]]:
    """The page server's figures: the tracker store and preference database this deployment uses."""
    from preferences.settings import default_tracker_url

    tracker = s.tracker_db_url or default_tracker_url()

    def compute(since: float | None) -> dict[str, Any]:
        # Imported when first asked: Dask and the catalogs are not needed to serve the chat page.
        from preferences.selflearning.insight import insight

        return insight(tracker, s.preferences_db_url, since)

    return compute


def admin_refusal(s: Settings, authorization: str | None) -> Refusal | None:
    """None if the header holds a valid admin HTTP API token (what `prefs token --api` mints, what Rasa's
    --jwt-secret API takes: HS256 only, signed with the http-api key, unexpired, role admin), else a 401."""
    hint = "send `Authorization: Bearer <token>` with an admin API token (`prefs token --api`)"
    try:
        tokens.verify_admin_token(s.assistant_secret, bearer(authorization))
    except tokens.TokenError as exc:
        if exc.reason == "not_admin":
            return Refusal(401, "unauthorized", f"This API token is not an admin token; {hint}.",
                           extra={"reason": "not_admin"})
        return Refusal(401, "unauthorized", f"An admin API token is required ({exc}); {hint}.",
                       extra={"reason": exc.reason})
    return None


def _loopback(address: str) -> bool:
    try:
        return ipaddress.ip_address(address.split("%", 1)[0]).is_loopback
    except ValueError:
        return False


def _host_name(host_header: str | None) -> str:
    host = (host_header or "").strip().lower()
    if host.startswith("["):  # [::1]:8080
        return host[1:].split("]", 1)[0]
    return host.rsplit(":", 1)[0] if host.count(":") == 1 else host


class PageHandler(SimpleHTTPRequestHandler):
    server_version = "TeachablePage"
    sys_version = ""
    settings: Settings
    limiter: RateLimiter
    insight_cache: InsightCache

    # --- tokens -----------------------------------------------------------------------------
    def _json(self, status: int, body: dict[str, Any], cookie: str | None = None,
              headers: dict[str, str] | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        if cookie:
            self.send_header("Set-Cookie", cookie)
        self.end_headers()
        self.wfile.write(data)

    def _cookie_user(self) -> str | None:
        raw = self.headers.get("Cookie")
        if not raw:
            return None
        try:
            jar = SimpleCookie(raw)
        except CookieError:
            return None
        morsel = jar.get(COOKIE)
        user = tokens.unsign_value(self.settings.assistant_secret, morsel.value) if morsel else None
        return user if tokens.valid_user_id(user) else None

    def _issue(self, user: str, set_cookie: bool) -> None:
        s = self.settings
        cookie = None
        if set_cookie:
            cookie = (f"{COOKIE}={tokens.sign_value(s.assistant_secret, user)}; Max-Age={COOKIE_MAX_AGE}; "
                      "Path=/; HttpOnly; SameSite=Strict")
        ttl = max(60, min(s.web_token_ttl, tokens.MAX_TTL))
        self._json(200, {"secured": True, "user": user, "token": tokens.mint(s.assistant_secret, user, ttl),
                         "expires_in": ttl}, cookie)

    def _limited(self, what: str = "token requests") -> bool:
        wait = self.limiter.take(self.client_address[0])
        if wait is None:
            return False
        self._json(429, {"status": 429, "error": "rate_limited", "message": f"Too many {what}.",
                         "retry_after": int(wait) + 1})
        return True

    # --- the insight page's data -----------------------------------------------------------------
    def _insight_refusal(self) -> Refusal | None:
        if self.settings.secured:
            return admin_refusal(self.settings, self.headers.get("Authorization"))
        # Without the secret the server listens on loopback only; these keep it to this machine's own pages:
        # another site's page (a browser says so) and a rebound DNS name (a foreign Host) are refused.
        if not _loopback(self.client_address[0]) or _host_name(self.headers.get("Host")) not in LOOPBACK_HOSTS:
            return Refusal(403, "forbidden", "Without ASSISTANT_SECRET the insight data is for this machine only "
                           "(open http://localhost:PORT/insight).")
        if self.headers.get("Sec-Fetch-Site") == "cross-site":
            return Refusal(403, "forbidden", "The insight data is not for other sites' pages.")
        return None

    def _insight(self) -> None:
        if self.settings.secured and self._limited("insight requests"):
            return
        refusal = self._insight_refusal()
        if refusal is not None:
            self._json(refusal.status, refusal.body(), headers=refusal.headers())
            return
        from preferences.selflearning.insight import parse_since

        since = (parse_qs(urlsplit(self.path).query).get("since") or [None])[0]
        try:
            start = parse_since(since)
        except ValueError as exc:
            self._json(400, {"status": 400, "error": "bad_since", "message": f"since: {exc}"})
            return
        try:
            data = self.insight_cache.get(start)
        except Exception:  # a bug, not an outage (insight() reports those in its sections): say so, log it
            self.log_error("insight data failed:\n%s", traceback.format_exc())
            self._json(500, {"status": 500, "error": "internal", "message": "The figures could not be computed; "
                             "the page server's log has the details."})
            return
        self._json(200, data)

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        route = self.path.split("?", 1)[0]
        if route == INSIGHT_DATA:
            self._insight()
            return
        if route in ("/insight", "/insight/"):
            self.send_response(HTTPStatus.FOUND)
            self.send_header("Location", "/insight.html")
            self.send_header("Content-Length", "0")
            self.end_headers()
            return
        if route == "/token":
            if not self.settings.secured:
                self._json(200, {"secured": False})
                return
            if self._limited():
                return
            user = self._cookie_user()
            self._issue(user or tokens.new_web_user(), set_cookie=user is None)
            return
        super().do_GET()

    def do_HEAD(self) -> None:  # noqa: N802
        if self.path.split("?", 1)[0].startswith(("/token", INSIGHT_DATA)):
            self.send_error(HTTPStatus.METHOD_NOT_ALLOWED)
            return
        super().do_HEAD()

    def do_POST(self) -> None:  # noqa: N802
        if self.path.split("?", 1)[0] != "/token/new":
            self.send_error(HTTPStatus.NOT_FOUND)
            return
        if not self.settings.secured:
            self._json(200, {"secured": False})
            return
        if self.headers.get(CSRF_HEADER) != CSRF_VALUE:
            self._json(403, {"status": 403, "error": "forbidden",
                             "message": f"send the header {CSRF_HEADER}: {CSRF_VALUE}"})
            return
        if self._limited():
            return
        self._issue(tokens.new_web_user(), set_cookie=True)

    # --- static files --------------------------------------------------------------------------
    def list_directory(self, path: Any) -> None:  # no listings (node_modules, ...)
        self.send_error(HTTPStatus.NOT_FOUND)
        return None

    def end_headers(self) -> None:
        if (self.path or "").split("?", 1)[0].startswith("/insight"):
            self.send_header("Content-Security-Policy", INSIGHT_CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        # The path without its query string: nothing secret-looking ever reaches the log.
        path = (self.path or "").split("?", 1)[0]
        self.log_message('"%s %s" %s', self.command or "-", path, str(getattr(code, "value", code)))


def make_server(s: Settings, port: int, directory: Path, host: str | None = None,
                insight: Callable[[float | None], dict[str, Any]] | None = None) -> ThreadingHTTPServer:
    """The page server; `insight` (since -> figures) defaults to the deployment's databases."""
    if s.secured:
        tokens.check_secret(s.assistant_secret)
    limiter = RateLimiter(s.rate_limit_address_per_minute, s.rate_limit_address_burst)
    cache = InsightCache(insight or insight_from_settings(s))
    handler = type("BoundPageHandler", (PageHandler,), {"settings": s, "limiter": limiter, "insight_cache": cache})
    return ThreadingHTTPServer((serve_host(s, host), port), partial(handler, directory=str(directory)))


def main(argv: list[str] | None = None) -> None:
    s = settings()
    parser = argparse.ArgumentParser(prog="python -m rasa_components.web_server", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=s.web_port)
    parser.add_argument("--host", default=None, help="only with ASSISTANT_SECRET set (default BIND_HOST)")
    parser.add_argument("--directory", type=Path, default=WEB_DIR)
    args = parser.parse_args(argv)
    if not s.secured and args.host not in (None, "127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"error: refusing to listen on {args.host}: ASSISTANT_SECRET is not set")
    try:
        server = make_server(s, args.port, args.directory, args.host)
    except ValueError as exc:
        raise SystemExit(f"error: {exc}") from None
    host, port = server.server_address[:2]
    print(startup_note("page server", host, port, s), file=sys.stderr, flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()


if __name__ == "__main__":
    main()
