"""Start `rasa run` or `rasa shell` with the served configuration that ASSISTANT_SECRET calls for.

    python -m rasa_components.launcher run --model M --enable-api --port 5005 --endpoints E --credentials C
    python -m rasa_components.launcher shell --model M --endpoints E --conversation-id alice

Every script and the test harness start Rasa through this module, so the
rules below hold however the assistant is served:

* **Where it listens.** Without ASSISTANT_SECRET: 127.0.0.1, always; an
  explicit `-i` for another interface is refused. With it: BIND_HOST
  (default still 127.0.0.1) unless `-i` is given. `rasa shell` always listens
  on 127.0.0.1: its channel is Rasa's own cmdline channel, which talks to its
  server over loopback and carries no token.
* **The HTTP API.** With the secret and `--enable-api`, `--jwt-secret` is
  added (HS256, the key derived for the API; mint a token with
  `prefs token --api`).
* **CORS.** `--cors` defaults to the page's own origins (Settings.cors_origins,
  else http://localhost:WEB_PORT and http://127.0.0.1:WEB_PORT); with the
  secret, `*` is refused.
* **The action server's shared secret.** With the secret, Rasa reads a
  private copy of the endpoints file whose action_endpoint sends the header
  `X-Actions-Token: ${ASSISTANT_ACTIONS_TOKEN}`, and that variable is set in
  this process only (Rasa interpolates ${VARS} in endpoint files).

The derived keys are put into this process's own argument list and
environment, never on the command line that `ps` shows to other users, nor
in a file. Then Rasa's own command line entry point runs, in this process.
"""
from __future__ import annotations

import atexit
import os
import sys
import tempfile
import warnings
from pathlib import Path

import yaml

from preferences import tokens
from preferences.settings import Settings, settings
from rasa_components import action_failures
from rasa_components.auth import LOOPBACK_HOSTS, page_origins, serve_host, startup_note

ACTIONS_TOKEN_VAR = "ASSISTANT_ACTIONS_TOKEN"


class LaunchError(SystemExit):
    def __init__(self, message: str) -> None:
        super().__init__(f"error: {message}")


def _option(args: list[str], *names: str) -> str | None:
    for i, arg in enumerate(args):
        for name in names:
            if arg == name and i + 1 < len(args):
                return args[i + 1]
            if name.startswith("--") and arg.startswith(name + "="):
                return arg.split("=", 1)[1]
    return None


def _cors_values(args: list[str]) -> list[str] | None:
    """The origins after --cors (nargs="*"), or None if --cors is absent."""
    if "--cors" not in args:
        return None
    values = []
    for arg in args[args.index("--cors") + 1:]:
        if arg.startswith("-"):
            break
        values.append(arg)
    return values


def secured_endpoints(path: str) -> str:
    """A private copy of `path` whose action endpoint sends the shared secret header (by variable)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    action = data.get("action_endpoint")
    if not isinstance(action, dict) or not action.get("url"):
        return path
    headers = dict(action.get("headers") or {})
    headers[tokens.ACTIONS_HEADER] = "${%s}" % ACTIONS_TOKEN_VAR
    action["headers"] = headers
    fd, copy = tempfile.mkstemp(prefix="endpoints-", suffix=".yml")
    with os.fdopen(fd, "w", encoding="utf-8") as out:
        # default_style=None keeps the ${VAR} a plain scalar, which is what Rasa interpolates.
        yaml.safe_dump(data, out, default_flow_style=False, sort_keys=False)
    atexit.register(lambda: Path(copy).unlink(missing_ok=True))
    return copy


def rasa_arguments(argv: list[str], s: Settings) -> list[str]:
    """`argv` (a rasa subcommand and its options) with the security options the settings call for."""
    if not argv or argv[0] not in ("run", "shell"):
        raise LaunchError("usage: python -m rasa_components.launcher run|shell [rasa options]")
    command, args = argv[0], list(argv[1:])
    if s.secured:
        try:
            tokens.check_secret(s.assistant_secret)
        except ValueError as exc:
            raise LaunchError(str(exc)) from None

    interface = _option(args, "-i", "--interface")
    if command == "shell" or not s.secured:
        if interface is not None and interface not in LOOPBACK_HOSTS:
            why = "rasa shell's channel carries no token" if command == "shell" else "ASSISTANT_SECRET is not set"
            raise LaunchError(f"refusing to listen on {interface}: {why}; the server listens on 127.0.0.1 only")
        if interface is None:
            args += ["-i", "127.0.0.1"]
    elif interface is None:
        args += ["-i", serve_host(s)]

    if command == "run":
        cors = _cors_values(args)
        if cors is None:
            args += ["--cors", *page_origins(s)]
        elif s.secured and "*" in cors:
            raise LaunchError("--cors '*' is refused with ASSISTANT_SECRET set: name the page's origin "
                              "(CORS_ORIGINS)")
        if s.secured and "--enable-api" in args and not {"--jwt-secret", "--auth-token", "-t"} & set(args):
            args += ["--jwt-secret", tokens.http_api_key(s.assistant_secret), "--jwt-method", tokens.ALGORITHM]

    if s.secured:  # main() sets ACTIONS_TOKEN_VAR in this process
        endpoints = _option(args, "--endpoints")
        if endpoints:
            i = args.index("--endpoints")
            args[i + 1] = secured_endpoints(endpoints)
    return [command, *args]


# Warnings a person chatting in the terminal cannot act on (library deprecations and notices).
CHAT_SILENCED_WARNINGS: tuple[type[Warning], ...] = (DeprecationWarning, PendingDeprecationWarning,
                                                      FutureWarning, UserWarning)


def quiet_library_warnings() -> None:
    """Keep library warnings out of `rasa shell`'s terminal, after Rasa has set its own filters.

    PYTHONWARNINGS (scripts/chat.sh) does not hold: a library imported by
    Rasa's entry point replaces the filters, and Rasa's entry point then puts
    its own in front (rasa.utils.common._filter_warnings: "once" for
    UserWarning), so warnings raised while the parser is built and the model
    loads came through. So the filters go in after the imports and again
    after Rasa's. Errors and Rasa's log messages about the conversation still
    show.
    """
    import rasa.__main__ as entry

    def silence() -> None:
        for category in CHAT_SILENCED_WARNINGS:
            warnings.filterwarnings("ignore", category=category)

    configure = entry.configure_logging_and_warnings

    def configure_then_quiet(*args: object, **kwargs: object) -> None:
        configure(*args, **kwargs)
        silence()

    silence()

    entry.configure_logging_and_warnings = configure_then_quiet


def main(argv: list[str] | None = None) -> None:
    s = settings()
    args = rasa_arguments(list(sys.argv[1:] if argv is None else argv), s)
    os.environ.setdefault("RASA_TELEMETRY_ENABLED", "false")
    if s.secured:
        os.environ[ACTIONS_TOKEN_VAR] = tokens.actions_token(s.assistant_secret)
    host = _option(args, "-i", "--interface") or "127.0.0.1"
    port = int(_option(args, "-p", "--port") or 5005)
    if args[0] == "shell":
        note = f"Rasa (shell) listening on {host}:{port} only (rasa shell's own channel, no token; loopback always)"
    else:
        note = startup_note("Rasa", host, port, s)
    print(note, file=sys.stderr, flush=True)
    sys.argv = ["rasa", *args]
    if args[0] == "shell":
        quiet_library_warnings()
    from rasa_components import nlu_sender

    nlu_sender.install()  # the online rewriter's personal layer needs to know whose turn it is
    from rasa.__main__ import main as rasa_main

    action_failures.apply()  # a turn whose custom action cannot run apologises instead of saying nothing
    rasa_main()


if __name__ == "__main__":
    main()
