"""`prefs` commands for the preference store: migrate, list, why, forget, export, import, stats, token."""
from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.table import Table
from rich.text import Text
from sqlalchemy.exc import ArgumentError, NoSuchModuleError, OperationalError, ProgrammingError

from preferences import db
from preferences.cli.common import (EXIT_DATA, EXIT_DB, EXIT_USAGE, Guard, JsonOpt, SlotArg, UserArg, app, cell, console, emit_json, fail, first_line, open_store, options, table, url_of, when)


@app.command()
def migrate(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Create or upgrade the database schema to the latest revision."""
    s = options(ctx, json_out)
    url = url_of(s)
    try:
        shown = db.migrate(url)
    except (NoSuchModuleError, ArgumentError, ImportError) as exc:
        raise fail(f"unsupported database URL {db.redact(url)}: {exc}", EXIT_USAGE) from None
    except (OperationalError, ProgrammingError) as exc:
        raise fail(f"cannot reach database {db.redact(url)}: {first_line(exc)}", EXIT_DB) from None
    head = db.head_revision()
    if s.json:
        emit_json({"database": shown, "revision": head})
    else:
        typer.echo(f"{shown} is at revision {head} (head)")


@app.command("list")
def list_(ctx: typer.Context, user: UserArg, json_out: JsonOpt = False) -> None:
    """Everything known about USER: preferences, personal concepts and device states."""
    s = options(ctx, json_out)
    with Guard(), open_store(s) as store:
        prefs = store.list(user)
        concepts = store.list_concepts(user)
        devices = store.list_device_states(user)
    if s.json:
        emit_json({"user": user, "preferences": [p.to_json() for p in prefs],
                    "concepts": [c.to_json() for c in concepts], "device_states": [d.to_json() for d in devices]})
        return
    con = console()
    if not (prefs or concepts or devices):
        con.print(Text(f"Nothing is known about {user}."))
        return
    if prefs:
        t = table(f"Preferences of {user}", "domain", "slot", "value", "polarity", "source", "confidence",
                   "evidence", "updated")
        for p in prefs:
            value = cell(p.value) if p.recognized else Text(f"{p.value} (not in catalog)")
            t.add_row(cell(p.domain), cell(p.slot), value, cell(p.polarity), cell(p.source),
                      cell(p.confidence), cell(p.evidence), cell(when(p.updated_at)))
        con.print(t)
    if concepts:
        t = table("Personal concepts", "name", "definition", "taught by", "updated")
        for c in concepts:
            t.add_row(cell(c.name), cell(c.definition), cell(c.utterance), cell(when(c.updated_at)))
        con.print(t)
    if devices:
        t = table("Device states", "device", "room", "state", "updated")
        for d in devices:
            t.add_row(cell(d.device), cell(d.room), cell(d.state), cell(when(d.updated_at)))
        con.print(t)


@app.command()
def why(ctx: typer.Context, user: UserArg, slot: SlotArg,
        value: Annotated[Optional[str], typer.Argument(help="Only this value (normalised like stored values).")]
        = None,
        json_out: JsonOpt = False) -> None:
    """Why the assistant believes what it does about USER's SLOT: when and from what it learned it."""
    s = options(ctx, json_out)
    with Guard(), open_store(s) as store:
        entries = store.why(user, slot, value)
    if s.json:
        emit_json([e.to_json() for e in entries])
        return
    con = console()
    if not entries:
        con.print(Text(f"Nothing was learned about {user}'s {slot}" + (f" = {value}." if value else ".")))
        return
    t = table(f"History of {user}'s {slot}", "when", "action", "value", "polarity", "source", "confidence",
               "from")
    for e in entries:
        t.add_row(cell(when(e.at)), cell(e.action), cell(e.value), cell(e.polarity), cell(e.source),
                  cell(e.confidence), cell(e.utterance))
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
    s = options(ctx, json_out)
    if value is not None and slot is None:
        raise fail("--value needs a SLOT", EXIT_USAGE)
    with Guard(), open_store(s) as store:
        if slot is None:
            if not yes and not typer.confirm(f"Forget everything about {user}, history included?", default=False,
                                             err=True):
                raise fail("nothing forgotten (not confirmed; use --yes)", EXIT_DATA)
            n = store.forget_user(user)
            what = "everything"
        else:
            n = store.forget(user, slot, value)
            what = f"{slot}={value}" if value is not None else slot
    if s.json:
        emit_json({"user": user, "forgotten": what, "rows": n})
    else:
        typer.echo(f"Forgot {what} for {user} ({n} record{'s' if n != 1 else ''})." if n
                   else f"Nothing to forget for {user} ({what}).")


@app.command()
def export(ctx: typer.Context, user: UserArg,
           output: Annotated[Optional[Path], typer.Option("--output", "-o", help="Write to FILE, not stdout.")]
           = None) -> None:
    """Export everything about USER as JSON (the input format of `prefs import`)."""
    s = options(ctx, False)
    with Guard(), open_store(s) as store:
        data = store.export_user(user)
    text = json.dumps(data, ensure_ascii=False, indent=2)
    if output is None:
        typer.echo(text)
        return
    try:
        output.write_text(text + "\n", encoding="utf-8")
    except OSError as exc:
        raise fail(f"cannot write {output}: {exc.strerror}", EXIT_DATA) from None
    typer.echo(f"Exported {len(data['preferences'])} preferences of {user} to {output}", err=True)


@app.command("import")
def import_(ctx: typer.Context,
            file: Annotated[str, typer.Argument(metavar="FILE", help="Export file ('-' for stdin).")],
            json_out: JsonOpt = False) -> None:
    """Import an export (or {"users": [...]}); each imported user's data replaces what was stored."""
    s = options(ctx, json_out)
    try:
        raw = sys.stdin.read() if file == "-" else Path(file).read_text(encoding="utf-8")
        data = json.loads(raw)
    except OSError as exc:
        raise fail(f"cannot read {file}: {exc.strerror}", EXIT_DATA) from None
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise fail(f"{file} is not valid JSON: {exc}", EXIT_DATA) from None
    with Guard(), open_store(s) as store:
        counts = store.import_data(data)
    if s.json:
        emit_json(counts)
    else:
        typer.echo("Imported " + ", ".join(f"{n} {k.replace('_', ' ')}" for k, n in counts.items()) + ".")


@app.command()
def stats(ctx: typer.Context, json_out: JsonOpt = False) -> None:
    """Row counts, and preferences by domain, source and polarity."""
    s = options(ctx, json_out)
    with Guard(), open_store(s) as store:
        data = store.stats()
    if s.json:
        emit_json(data)
        return
    con = console()
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

    s = options(ctx, json_out)
    secret = from_environment().assistant_secret
    if not secret:
        raise fail("ASSISTANT_SECRET is not set (without it the servers listen on 127.0.0.1 only and need "
                    "no token)", EXIT_USAGE)
    if user is None and not api:
        raise fail("name a USER (or use --api for an HTTP API token)", EXIT_USAGE)
    try:
        if api:
            minted = tokens.mint_api_token(secret, ttl, username=user or "admin", role="user" if user else "admin")
        else:
            minted = tokens.mint(secret, user, ttl)
    except ValueError as exc:
        raise fail(str(exc), EXIT_USAGE) from None
    if s.json:
        emit_json({"token": minted, "user": user, "api": api, "expires_in": ttl})
    else:
        typer.echo(minted)
