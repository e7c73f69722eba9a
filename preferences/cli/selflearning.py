"""`prefs rewrites ...` and `prefs log ...`: run and inspect the self-learning jobs by hand.

    prefs rewrites mine [--from-log FILE.jsonl] [--json]
    prefs rewrites list [--all] [--json]
    prefs rewrites explain "TEXT" [--user USER] [--json]
    prefs rewrites withdraw ID [--reason TEXT]
    prefs rewrites index [--json]
    prefs log export FILE.jsonl
    prefs log prune [--days N]

Mining by hand runs the very job the served deployment schedules
(preferences.selflearning.jobs). Without --from-log it reads Rasa's tracker
store (TRACKER_DB_URL, default var/tracker.db).
"""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text

from preferences.cli.common import EXIT_DATA, Guard, JsonOpt, app, cell, console, emit_json, fail, open_store, \
    options, table
from preferences.settings import settings as env_settings
from preferences.storage.rewrites import RewriteTable

rewrites_app = typer.Typer(help="Precomputed rewrites mined from the interaction log.", no_args_is_help=True)
log_app = typer.Typer(help="The interaction log (Rasa's SQL tracker store).", no_args_is_help=True)
app.add_typer(rewrites_app, name="rewrites")
app.add_typer(log_app, name="log")

TrackerOpt = Annotated[Optional[str], typer.Option(
    "--tracker", metavar="URL", help="Tracker store URL (default: $TRACKER_DB_URL, else var/tracker.db).")]


def _tracker(url: str | None) -> str:
    return url or env_settings().tracker_db_url or ""


@rewrites_app.command("mine")
def mine(ctx: typer.Context,
         from_log: Annotated[Optional[Path], typer.Option("--from-log", metavar="FILE.jsonl",
                                                          help="Mine a JSON Lines export instead.")] = None,
         tracker: TrackerOpt = None, json_out: JsonOpt = False,
         scheduler_address: Annotated[Optional[str], typer.Option(
             "--scheduler-address", metavar="tcp://HOST:PORT",
             help="Run on this dask.distributed cluster (default: $DASK_SCHEDULER_ADDRESS, else locally). "
                  "Mining a JSON Lines file there needs the file on a path every worker sees.")] = None) -> None:
    """Mine rewrites from the log into a new table version, and withdraw rewrites that stopped winning."""
    from preferences.selflearning.jobs import mine_jsonl_log, mine_tracker_store

    s = options(ctx, json_out)
    if from_log is not None and not from_log.is_file():
        raise fail(f"no such file: {from_log}", EXIT_DATA)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")  # progress lines on stderr
    address = scheduler_address or env_settings().dask_scheduler_address
    with Guard(), open_store(s, RewriteTable) as table:
        if from_log is not None:
            report = mine_jsonl_log(str(from_log), table, scheduler_address=address, progress=not s.json)
        else:
            report = mine_tracker_store(_tracker(tracker), table, scheduler_address=address, progress=not s.json)
    if s.json:
        emit_json(report.to_json())
        return
    read = report.stats.get("read", {})
    typer.echo(f"version {report.version}: {report.rewrites} rewrites from {report.stats.get('turns', 0)} turns "
               f"in {report.seconds:.1f}s; {len(report.withdrawn)} withdrawn; "
               f"{sum(read.get('malformed', {}).values())} malformed lines skipped")
    for rid, reason in report.withdrawn:
        typer.echo(f"  withdrawn #{rid}: {reason}")


@rewrites_app.command("index")
def index(ctx: typer.Context, tracker: TrackerOpt = None, json_out: JsonOpt = False) -> None:
    """Rebuild the online-rewriting indexes (each user's successful requests, and everyone's) from the log."""
    from preferences.selflearning.jobs import index_log

    s = options(ctx, json_out)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")  # progress lines on stderr
    with Guard(), open_store(s, RewriteTable) as table:
        report = index_log(_tracker(tracker), table, progress=not s.json)
    if s.json:
        emit_json(report.to_json())
        return
    typer.echo(f"online index version {report.version}: {report.personal} personal requests for {report.users} "
               f"users, {report.global_} global requests; {report.embedded} embedded in {report.seconds:.1f}s")


@rewrites_app.command("list")
def list_(ctx: typer.Context, all_: Annotated[bool, typer.Option("--all/--active-only",
                                                                   help="Include withdrawn rewrites.")] = True,
          json_out: JsonOpt = False) -> None:
    """The rewrites of the version in force, with their evidence and live win/loss."""
    s = options(ctx, json_out)
    with Guard(), open_store(s, RewriteTable) as t:
        rewrites = t.list(include_withdrawn=all_)
        version = t.active_version()
    if s.json:
        emit_json({"version": version, "rewrites": [r.to_json() for r in rewrites]})
        return
    if not rewrites:
        console().print(Text("No rewrites in force yet (run `prefs rewrites mine`)."))
        return
    out = table(f"Rewrites, version {version}", "id", "when someone says", "read it as", "P(success)",
                "own rate", "users", "won/lost", "held out won/lost", "status")
    for r in rewrites:
        status = r.status if r.status == "active" else f"withdrawn: {r.withdrawn_reason}"
        out.add_row(cell(r.id), cell(r.source_text), cell(r.target_text), cell(r.probability), cell(r.baseline),
                    cell(r.users), cell(f"{r.rewritten_ok}/{r.rewritten_failed}"),
                    cell(f"{r.held_out_ok}/{r.held_out_failed}"), cell(status))
    console().print(out)


@rewrites_app.command("explain")
def explain(ctx: typer.Context, text: Annotated[str, typer.Argument(metavar="TEXT")],
            user: Annotated[Optional[str], typer.Option("--user", help="Also ask this user's personal layer.")] = None,
            json_out: JsonOpt = False) -> None:
    """Which rewrite (if any) applies to TEXT, and what online rewriting would read it as if NLU were in doubt."""
    from preferences.selflearning.normalize import request_key

    s = options(ctx, json_out)
    key = request_key(text)
    with Guard(), open_store(s, RewriteTable) as t:
        found = t.find(key)
        online = _online_candidates(t, text, user)
    if s.json:
        emit_json({"text": text, "key": key, "rewrite": found.to_json() if found else None, "online": online})
        return
    if found is None:
        typer.echo(f"No precomputed rewrite applies to \"{text}\" (key: {key}).")
    elif found.status != "active":
        typer.echo(f"Rewrite #{found.id} (\"{found.source_text}\" -> \"{found.target_text}\") was withdrawn: "
                   f"{found.withdrawn_reason}. \"{text}\" is interpreted as said.")
    else:
        typer.echo(f"\"{text}\" is read as \"{found.target_text}\" (rewrite #{found.id}): {found.users} users who "
                   f"said it succeeded as that with probability {found.probability:.2f}, against "
                   f"{found.baseline:.2f} as said. Live: {found.rewritten_ok} won, {found.rewritten_failed} lost.")
        return
    chosen = online.get("chosen")
    if chosen:
        typer.echo(f"If NLU is in doubt about it (fallback, low confidence, an unknown or ambiguous name), online "
                   f"rewriting reads it as \"{chosen['target']}\" ({chosen['layer']} layer, score "
                   f"{chosen['score']:.2f}; bar {online['bar']:.2f}).")
    else:
        typer.echo("Online rewriting has no candidate above its bar for it: it is interpreted as said.")


def _online_candidates(table: RewriteTable, text: str, user: str | None) -> dict:
    """What the online layers would pick for TEXT if NLU fell back on it (no entity constraints)."""
    from preferences.selflearning.online.ranking import Scored
    from preferences.selflearning.online.runtime import OnlineRewriter
    from preferences.selflearning.online.trigger import Doubt
    from preferences.storage.online_index import OnlineIndexStore

    mode = env_settings().online_rewriting
    if mode == "off":
        return {"mode": mode}
    rewriter = OnlineRewriter(OnlineIndexStore(engine=table.engine), mode=mode)
    rewriter.refresh(wait=True)
    personal, shared = rewriter.ranked(text, user, Doubt(("fallback",)))
    chosen = rewriter.choose(personal, shared)

    def as_json(c: Scored | None) -> dict | None:
        if c is None:
            return None
        e = c.entry
        return {"layer": e.layer, "target": e.text, "score": round(c.score, 3), "similarity": round(c.similarity, 3),
                "users": e.users, "turns": e.turns}

    return {"mode": mode, "bar": rewriter.settings.min_score, "personal": as_json(personal),
            "global": as_json(shared), "chosen": as_json(chosen)}


@rewrites_app.command("withdraw")
def withdraw(ctx: typer.Context, rewrite_id: Annotated[int, typer.Argument(metavar="ID")],
             reason: Annotated[str, typer.Option("--reason")] = "withdrawn by hand",
             json_out: JsonOpt = False) -> None:
    """Stop applying rewrite ID (it stays listed, as withdrawn, and stays withdrawn after re-mining)."""
    s = options(ctx, json_out)
    with Guard(), open_store(s, RewriteTable) as t:
        done = t.withdraw(rewrite_id, reason)
    if s.json:
        emit_json({"id": rewrite_id, "withdrawn": done})
    elif done:
        typer.echo(f"Rewrite #{rewrite_id} withdrawn.")
    if not done:
        raise fail(f"no active rewrite #{rewrite_id}", EXIT_DATA)


@log_app.command("export")
def export(ctx: typer.Context, path: Annotated[Path, typer.Argument(metavar="FILE.jsonl")],
           tracker: TrackerOpt = None, json_out: JsonOpt = False) -> None:
    """Write the interaction log as JSON Lines, one user turn per line (the miner's --from-log format).

    Each line also keeps what failure points read (intent ranking, entity confidences and spans, actions, the
    skill's recorded resolutions): `prefs defects report --from-log` on an export sees what the store had.
    """
    from preferences.selflearning.failure_points.sources import iter_tracker_raw, write_raw_jsonl
    from preferences.selflearning.tracker_store import has_events

    s = options(ctx, json_out)
    with Guard():
        url = _tracker(tracker)
        n = write_raw_jsonl(iter_tracker_raw(url) if has_events(url) else (), path)  # a fresh store: no lines
    if s.json:
        emit_json({"file": str(path), "turns": n})
    else:
        typer.echo(f"{n} turns written to {path}")


@log_app.command("prune")
def prune(ctx: typer.Context, days: Annotated[Optional[float], typer.Option(
              "--days", help="Keep this many days (default: $LOG_RETENTION_DAYS, 90).")] = None,
          tracker: TrackerOpt = None, json_out: JsonOpt = False) -> None:
    """Retention: delete turns older than the retention period, and the turns of forgotten users."""
    from preferences.selflearning.jobs import prune_log

    s = options(ctx, json_out)
    keep = days if days is not None else env_settings().log_retention_days
    with Guard(), open_store(s, RewriteTable) as t:
        n = prune_log(_tracker(tracker), t, keep)
    if s.json:
        emit_json({"deleted_events": n, "kept_days": keep})
    else:
        typer.echo(f"{n} events deleted (kept {keep:g} days)")
