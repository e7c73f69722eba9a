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
* Everything else: the files under `--directory`, without directory listings.

Listens on 127.0.0.1; with ASSISTANT_SECRET set, on BIND_HOST (default still
127.0.0.1) or `--host`. Standard library only (no Rasa import).
"""
from __future__ import annotations

import argparse
import json
import sys
from functools import partial
from http import HTTPStatus
from http.cookies import CookieError, SimpleCookie
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from typing import Any

from preferences import tokens
from preferences.settings import Settings, settings
from rasa_components.auth import RateLimiter, serve_host, startup_note

COOKIE = "assistant_user"
COOKIE_MAX_AGE = 365 * 24 * 3600
CSRF_HEADER = "X-Requested-With"
CSRF_VALUE = "teachable-page"
WEB_DIR = Path(__file__).resolve().parent.parent / "web"


class PageHandler(SimpleHTTPRequestHandler):
    server_version = "TeachablePage"
    sys_version = ""
    settings: Settings
    limiter: RateLimiter

    # --- tokens -----------------------------------------------------------------------------
    def _json(self, status: int, body: dict[str, Any], cookie: str | None = None) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
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

    def _limited(self) -> bool:
        wait = self.limiter.take(self.client_address[0])
        if wait is None:
            return False
        self._json(429, {"status": 429, "error": "rate_limited", "message": "Too many token requests.",
                         "retry_after": int(wait) + 1})
        return True

    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if self.path.split("?", 1)[0] == "/token":
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
        if self.path.split("?", 1)[0].startswith("/token"):
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
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        super().end_headers()

    def log_request(self, code: Any = "-", size: Any = "-") -> None:
        # The path without its query string: nothing secret-looking ever reaches the log.
        path = (self.path or "").split("?", 1)[0]
        self.log_message('"%s %s" %s', self.command or "-", path, str(getattr(code, "value", code)))


def make_server(s: Settings, port: int, directory: Path, host: str | None = None) -> ThreadingHTTPServer:
    if s.secured:
        tokens.check_secret(s.assistant_secret)
    limiter = RateLimiter(s.rate_limit_address_per_minute, s.rate_limit_address_burst)
    handler = type("BoundPageHandler", (PageHandler,), {"settings": s, "limiter": limiter})
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
