"""What every `prefs` command shares: the app, options, error handling and output.

`prefs`: look after the preference store from a shell.

Tables for people, `--json` for machines. Exit codes: 0 success, 1 bad
data or a refused confirmation, 2 bad arguments (including a malformed
`--db` URL), 3 database unreachable or not migrated. Errors are one line on
stderr, starting with "error:".
"""
from __future__ import annotations

import json

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
class CliOptions:
    db_url: str | None
    json: bool


@app.callback()
def main(ctx: typer.Context,
         db_url: Annotated[Optional[str], typer.Option(
             "--db", metavar="URL", help="Database URL (default: $PREFERENCES_DB_URL, else var/preferences.db).")
         ] = None,
         json_out: JsonOpt = False) -> None:
    ctx.obj = CliOptions(db_url, json_out)


def fail(message: str, code: int) -> typer.Exit:
    typer.echo(f"error: {message}", err=True)
    return typer.Exit(code)


def options(ctx: typer.Context, json_out: bool) -> CliOptions:
    s: CliOptions = ctx.obj or CliOptions(None, False)
    return CliOptions(s.db_url, s.json or json_out)


def url_of(settings: CliOptions) -> str:
    url = db.database_url(settings.db_url)
    try:
        make_url(url)
    except ArgumentError:
        raise fail("malformed database URL (expected e.g. sqlite:////path/prefs.db or "
                    "postgresql+psycopg2://user@host:5432/name)", EXIT_USAGE) from None
    return url


def open_store(settings: CliOptions, kind: type | None = None):
    """A store (PreferenceStore, or `kind`) on a reachable, migrated database, or exit 3 with the reason."""
    from preferences.store import PreferenceStore

    kind = kind or PreferenceStore

    url = url_of(settings)
    sa_url = make_url(url)
    if sa_url.get_backend_name() == "sqlite" and sa_url.database not in (None, "", ":memory:"):
        if not Path(sa_url.database).exists():
            raise fail(f"no database at {sa_url.database} (run `prefs migrate` to create it)", EXIT_DB)
    try:
        store = kind(url)
        current = db.current_revision(store.engine)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise fail(f"unsupported database URL {db.redact(url)}: {exc}", EXIT_USAGE) from None
    except (OperationalError, ProgrammingError) as exc:
        raise fail(f"cannot reach database {db.redact(url)}: {first_line(exc)}", EXIT_DB) from None
    if current != db.head_revision():
        store.close()
        raise fail(f"database {db.redact(url)} is not migrated (at {current or 'no revision'}); "
                    "run `prefs migrate`", EXIT_DB)
    return store


def first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


class Guard:
    """Turn library errors into one-line messages and exit codes."""

    def __enter__(self):
        return self

    def __exit__(self, exc_type, exc, tb):
        if exc is None or isinstance(exc, (typer.Exit, typer.Abort, SystemExit)):
            return False
        if isinstance(exc, PreferenceError):
            raise fail(str(exc), EXIT_DATA) from None
        if isinstance(exc, StoreUnavailable):
            raise fail(str(exc), EXIT_DB) from None
        if isinstance(exc, (OperationalError, ProgrammingError)):
            raise fail(f"database error: {first_line(exc)}", EXIT_DB) from None
        return False


def emit_json(data: Any) -> None:
    typer.echo(json.dumps(data, ensure_ascii=False, indent=2, default=str))


def console() -> Console:
    return Console(soft_wrap=False, highlight=False)


def cell(v: Any) -> Text:
    """Stored text is data: render it literally (no Rich markup interpretation)."""
    if v is None:
        return Text("-", style="dim")
    if isinstance(v, float):
        return Text(f"{v:.2f}")
    if isinstance(v, (dict, list)):
        return Text(json.dumps(v, ensure_ascii=False))
    return Text(str(getattr(v, "value", v)))


def table(title: str, *columns: str) -> Table:
    """A table that wraps long values instead of cutting them (what is stored is shown in full)."""
    t = Table(title=Text(title))
    for col in columns:
        t.add_column(col, overflow="fold")
    return t


def when(t) -> str:
    return t.strftime("%Y-%m-%d %H:%M") if t else "-"
