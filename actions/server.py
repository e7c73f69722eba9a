"""The action server: `python -m actions.server [--port 5055]`.

Replaces `python -m rasa_sdk --actions actions`, which listens on every
interface with no authentication: anyone who could reach :5055 could POST a
tracker naming another user and run `action_what_do_you_know` as them. This
module builds the same app with `rasa_sdk.endpoint.create_app(...)` and:

* listens on 127.0.0.1 (Rasa calls it there); with ASSISTANT_SECRET set,
  `--host` may name another interface, for an action server on its own
  machine (BIND_HOST is for the client-facing servers, not this one);
* with ASSISTANT_SECRET set, refuses every request but GET /health without
  the shared secret Rasa sends (header `X-Actions-Token`, derived from the
  secret; see rasa_components/launcher.py): 401 JSON;
* allows no browser origin (Rasa calls it server to server).
"""
from __future__ import annotations

import argparse
import logging
import sys

from rasa_sdk import utils
from rasa_sdk.endpoint import create_app
from rasa_sdk.plugin import plugin_manager
from sanic import Sanic, response
from sanic.request import Request
from sanic.response import HTTPResponse

from actions import jobs
from preferences import tokens
from preferences.settings import Settings, settings
from rasa_components.auth import serve_host, startup_note

logger = logging.getLogger(__name__)
OPEN_PATHS = ("/health",)
KEEP_ALIVE_SECONDS = 75  # longer than any client keeps an idle connection (aiohttp: 15 s)


def build_app(s: Settings, action_package: str = "actions") -> Sanic:
    """The rasa_sdk app, with the shared-secret check when the settings are secured."""
    app = create_app(action_package, cors_origins="")
    # Rasa reuses pooled connections for up to 15 s (aiohttp's keep-alive); Sanic closed them after 5 s, so under
    # load a call could be written to a connection the server was closing: "Cannot write to closing transport",
    # the turn lost (benchmarks/load.py). The server must keep an idle connection longer than the client does.
    app.config.KEEP_ALIVE_TIMEOUT = KEEP_ALIVE_SECONDS
    if s.secured:
        expected = tokens.actions_token(tokens.check_secret(s.assistant_secret))

        async def require_shared_secret(request: Request) -> HTTPResponse | None:
            if request.path in OPEN_PATHS:
                return None
            given = request.headers.get(tokens.ACTIONS_HEADER.lower()) or request.args.get("token")
            if tokens.same(given, expected):
                return None
            return response.json({"status": 401, "error": "unauthorized",
                                  "message": "The action server only answers the assistant's Rasa server "
                                             f"(it sends the {tokens.ACTIONS_HEADER} header)."},
                                 status=401, headers={"WWW-Authenticate": 'Bearer realm="actions"'})

        app.register_middleware(require_shared_secret, "request")
    return app


def main(argv: list[str] | None = None) -> None:
    s = settings()
    parser = argparse.ArgumentParser(prog="python -m actions.server", description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=s.actions_port)
    parser.add_argument("--host", default=None, help="only with ASSISTANT_SECRET set (default 127.0.0.1)")
    parser.add_argument("--actions", default="actions", help="the package of actions")
    utils.add_logging_level_option_arguments(parser)
    args = parser.parse_args(argv)
    if s.secured:
        try:
            tokens.check_secret(s.assistant_secret)
        except ValueError as exc:
            raise SystemExit(f"error: {exc}") from None
    elif args.host not in (None, "127.0.0.1", "localhost", "::1"):
        raise SystemExit(f"error: refusing to listen on {args.host}: ASSISTANT_SECRET is not set")
    host = serve_host(s, args.host or "127.0.0.1")
    utils.configure_colored_logging(args.loglevel)
    utils.update_sanic_log_level()
    app = build_app(s, args.actions)
    plugin_manager().hook.attach_sanic_app_extensions(app=app)
    print(startup_note("action server", host, args.port, s), file=sys.stderr, flush=True)
    jobs.start(s)  # mining and log retention on a schedule (once per round across instances)
    app.run(host, args.port, workers=utils.number_of_sanic_workers(), access_log=False)


if __name__ == "__main__":
    main()
