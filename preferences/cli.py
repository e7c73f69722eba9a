"""`prefs`: look after the preference store from a shell.

Tables for people, `--json` for machines. Exit codes: 0 success, 1 bad
data or a refused confirmation, 2 bad arguments (including a malformed
`--db` URL), 3 database unreachable or not migrated. Errors are one line on
stderr, starting with "error:".
"""
from __future__ import annotations

import json
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, Optional

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError

from preferences import db
from preferences.records import PreferenceError, StoreUnavailable

EXIT_DATA, EXIT_USAGE, EXIT_DB = 1, 2, 3

app = typer.Typer(help="Inspect and manage the assistant's preference store.", no_args_is_help=True,
                  add_completion=False, pretty_exceptions_enable=False)

JsonOpt = Annotated[bool, typer.Option("--json", help="Machine-readable JSON on stdout.")]
UserArg = Annotated[str, typer.Argument(metavar="USER", help="User id, exactly as the channel sends it.")]
SlotArg = Annotated[str, typer.Argument(metavar="SLOT", help="Slot, e.g. genre, cuisine, home_city.")]


@dataclass
class Settings:
    db_url: str | None
    json: bool


@app.callback()
def main(ctx: typer.Context,
         db_url: Annotated[Optional[str], typer.Option(
             "--db", metavar="URL", help="Database URL (default: $PREFERENCES_DB_URL, else var/preferences.db).")
         ] = None,
         json_out: JsonOpt = False) -> None:
    ctx.obj = Settings(db_url, json_out)


def _fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def _settings(ctx: typer.Context, json_out: bool) -> Settings:
    s: Settings = ctx.obj or Settings(None, False)
    return Settings(s.db_url, s.json or json_out)


def _url(settings: Settings) -> str:
    url = db.database_url(settings.db_url)
    try:
        make_url(url)
    except ArgumentError:
        raise _fail("malformed database URL (expected e.g. sqlite:////path/prefs.db or "
                    "postgresql+psycopg2://user@host:5432/name)", EXIT_USAGE) from None
    return url


def _open(settings: Settings):
    """A store on a reachable, migrated database, or exit 3 with the reason."""
    from preferences.store import PreferenceStore

    url = _url(settings)
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite" and sa_url.database not in (None, "", ":memory:"):
        if not Path(sa_url.database).exists():
            raise _fail(f"no database at {sa_url.database} (run `prefs migrate` to create it)", EXIT_DB)
    try:
        store = PreferenceStore(url)
        current = db.current_revision(store.engine)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise _fail(f"unsupported database URL {db.redact(url)}: {exc}", EXIT_USAGE) from None
    except (OperationalError, ProgrammingError) as exc:
        raise _fail(f"cannot reach database {db.redact(url)}: {_first_line(exc)}", EXIT_DB) from None
    if current != db.head_revision():
        store.close()
        raise _fail(f"database {db.redact(url)} is not migrated (at {current or 'no revision'}); "
                    "run `prefs migrate`", EXIT_DB)
    return store


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class _Guard:
    """Turn library errors into one-line messages and exit codes."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None or isinstance(exc, (typer.Exit, typer.Abort, SystemExit)):
            return False
        if isinstance(exc, PreferenceError):
            raise _fail(str(exc), EXIT_DATA) from None
        if isinstance(exc, StoreUnavailable):
            raise _fail(str(exc), EXIT_DB) from None
        if isinstance(exc, (OperationalError, ProgrammingError)):
            raise _fail(f"database error: {_first_line(exc)}", EXIT_DB) from None
        return False


def _emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def _console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def _cell(v: Any) -> Text:
    """Stored text is data: render it literally (no Rich markup interpretation)."""
    if v is None:
        return Text("-", style="dim")
    if isinstance(v, float):
        return Text(f"{v:.2f}")
    if isinstance(v, (dict, list)):
        return Text(json.dumps(v, ensure_ascii=False))
    return Text(str(getattr(v, "value", v)))


def _table(title: str, *columns: str) -> Table:
    """A table that wraps long values instead of cutting them (what is stored is shown in full)."""
    t = Table(title=Text(title))
    for col in columns:
        t.add_column(col, overflow="fold")
    return t


def _when(t) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else "-"


@app.command()
def migrate(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Create or upgrade the database schema to the latest revision."""
    s = _settings(ctx, json_out)
    url = _url(s)
    try:
        shown = db.migrate(url)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise _fail(f"unsupported database URL {db.redact(url)}: {exc}", EXIT_USAGE) from None
    except (OperationalError, ProgrammingError) as exc:
        raise _fail(f"cannot reach database {db.redact(url)}: {_first_line(exc)}", EXIT_DB) from None
    head = db.head_revision()
    if s.json:
        _emit_json({"database": shown, "revision": head})
    else:
        typer.echo(f"{shown} is at revision {head} (head)")


@app.command("list")
def list_(ctx: typer.Context, user: UserArg, json_out: JsonOpt = False) -> None:
    """Everything known about USER: preferences, personal concepts and device states."""
    s = _settings(ctx, json_out)
    with _Guard(), _open(s) as store:
        prefs = store.list(user)
        concepts = store.list_concepts(user)
        devices = store.list_device_states(user)
    if s.json:
        _emit_json({"user": user, "preferences": [p.to_json() for p in prefs],
                    "concepts": [c.to_json() for c in concepts], "device_states": [d.to_json() for d in devices]})
        return
    con = _console()
    if not (prefs or concepts or devices):
        con.print(Text(f"Nothing is known about {user}."))
        return
    if prefs:
        t = _table(f"Preferences of {user}", "domain", "slot", "value", "polarity", "source", "confidence",
                   "evidence", "updated")
        for p in prefs:
            value = _cell(p.value) if p.recognized else Text(f"{p.value} (not in catalog)")
            t.add_row(_cell(p.domain), _cell(p.slot), value, _cell(p.polarity), _cell(p.source),
                      _cell(p.confidence), _cell(p.evidence), _cell(_when(p.updated_at)))
        con.print(t)
    if concepts:
        t = _table("Personal concepts", "name", "definition", "taught by", "updated")
        for c in concepts:
            t.add_row(_cell(c.name), _cell(c.definition), _cell(c.utterance), _cell(_when(c.updated_at)))
        con.print(t)
    if devices:
        t = _table("Device states", "device", "room", "state", "updated")
        for d in devices:
            t.add_row(_cell(d.device), _cell(d.room), _cell(d.state), _cell(_when(d.updated_at)))
        con.print(t)


@app.command()
def why(ctx: typer.Context, user: UserArg, slot: SlotArg,
        value: Annotated[Optional[str], typer.Argument(help="Only this value (normalised like stored values).")]
        = None,
        json_out: JsonOpt = False) -> None:
    """Why the assistant believes what it does about USER's SLOT: when and from what it learned it."""
    s = _settings(ctx, json_out)
    with _Guard(), _open(s) as store:
        entries = store.why(user, slot, value)
    if s.json:
        _emit_json([e.to_json() for e in entries])
        return
    con = _console()
    if not entries:
        con.print(Text(f"Nothing was learned about {user}'s {slot}" + (f" = {value}." if value else ".")))
        return
    t = _table(f"History of {user}'s {slot}", "when", "action", "value", "polarity", "source", "confidence",
               "from")
    for e in entries:
        t.add_row(_cell(_when(e.at)), _cell(e.action), _cell(e.value), _cell(e.polarity), _cell(e.source),
                  _cell(e.confidence), _cell(e.utterance))
    con.print(t)


@app.command()
def forget(ctx: typer.Context, user: UserArg,
           slot: Annotated[Optional[str], typer.Argument(help="Forget only this slot; omit to forget everything.")]
           = None,
           value: Annotated[Optional[str], typer.Option("--value", help="Forget only this value of SLOT.")] = None,
           yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask before forgetting everything.")]
           = False,
           json_out: JsonOpt = False) -> None:
    """Forget one preference, one slot, or (without SLOT) everything about USER, history included."""
    s = _settings(ctx, json_out)
    if value is not None and slot is None:
        raise _fail("--value needs a SLOT", EXIT_USAGE)
    with _Guard(), _open(s) as store:
        if slot is None:
            if not yes and not typer.confirm(f"Forget everything about {user}, history included?", default=False,
                                             err=True):
                raise _fail("nothing forgotten (not confirmed; use --yes)", EXIT_DATA)
            n = store.forget_user(user)
            what = "everything"
        else:
            n = store.forget(user, slot, value)
            what = f"{slot}={value}" if value is not None else slot
    if s.json:
        _emit_json({"user": user, "forgotten": what, "rows": n})
    else:
        typer.echo(f"Forgot {what} for {user} ({n} record{'s' if n != 1 else ''})." if n
                   else f"Nothing to forget for {user} ({what}).")


@app.command()
def export(ctx: typer.Context, user: UserArg,
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE, not stdout.")]
           = None) -> None:
    """Export everything about USER as JSON (the input format of `prefs import`)."""
    s = _settings(ctx, False)
    with _Guard(), _open(s) as store:
        data = store.export_user(user)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise _fail(f"cannot write {output}: {exc.strerror}", EXIT_DATA) from None
    typer.echo(f"Exported {len(data['preferences'])} preferences of {user} to {output}", err=True)


@app.command("import")
def import_(ctx: typer.Context,
            file: Annotated[str, typer.Argument(metavar="FILE", help="Export file ('-' for stdin).")],
            json_out: JsonOpt = False) -> None:
    """Import an export (or {"users": [...]}); each imported user's data replaces what was stored."""
    s = _settings(ctx, json_out)
    try:
        raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        data = json.loads(raw)
    except OSError as exc:
        raise _fail(f"cannot read {file}: {exc.strerror}", EXIT_DATA) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise _fail(f"{file} is not valid JSON: {exc}", EXIT_DATA) from None
    with _Guard(), _open(s) as store:
        counts = store.import_data(data)
    if s.json:
        _emit_json(counts)
    else:
        typer.echo("Imported " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()) + ".")


@app.command()
def stats(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Row counts, and preferences by domain, source and polarity."""
    s = _settings(ctx, json_out)
    with _Guard(), _open(s) as store:
        data = store.stats()
    if s.json:
        _emit_json(data)
        return
    con = _console()
    t = Table(title=Text(f"Preference store {data['database']}"))
    t.add_column("what")
    t.add_column("count", justify="right")
    for key in ("users", "preferences", "history_entries", "concepts", "device_states", "unrecognized_values"):
        t.add_row(key.replace("_", " "), str(data[key]))
    for group in ("by_domain", "by_source", "by_polarity"):
        for k, n in data[group].items():
            t.add_row(Text(f"{group.replace('_', ' ')}: {k}"), str(n))
    con.print(t)


@app.command()
def token(ctx: typer.Context,
          user: Annotated[Optional[str], typer.Argument(
              metavar="USER", help="The user the token proves (omit with --api for an admin API token).")] = None,
          ttl: Annotated[int, typer.Option("--ttl", metavar="SECONDS", help="Lifetime in seconds.")] = 3600,
          api: Annotated[bool, typer.Option(
              "--api", help="A token for Rasa's HTTP API instead: admin, or only USER's conversation.")] = False,
          json_out: JsonOpt = False) -> None:
    """Mint a signed token (needs ASSISTANT_SECRET): for USER's messages over REST
    (`Authorization: Bearer TOKEN`) and socket.io (auth {"token": TOKEN}), or with --api for the HTTP API."""
    from preferences import tokens
    from preferences.settings import from_environment

    s = _settings(ctx, json_out)
    secret = from_environment().assistant_secret
    if not secret:
        raise _fail("ASSISTANT_SECRET is not set (without it the servers listen on 127.0.0.1 only and need "
                    "no token)", EXIT_USAGE)
    if user is None and not api:
        raise _fail("name a USER (or use --api for an HTTP API token)", EXIT_USAGE)
    try:
        if api:
            minted = tokens.mint_api_token(secret, ttl, username=user or "admin", role="user" if user else "admin")
        else:
            minted = tokens.mint(secret, user, ttl)
    except ValueError as exc:
        raise _fail(str(exc), EXIT_USAGE) from None
    if s.json:
        _emit_json({"token": minted, "user": user, "api": api, "expires_in": ttl})
    else:
        typer.echo(minted)


if __name__ == "__main__":
    app()
