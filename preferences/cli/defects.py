"""`prefs defects ...`: which part of the assistant failed first, for each failed request.

    prefs defects report [--since DATE] [--json] [--from-log FILE.jsonl] [--tracker URL] [--plot PATH]
    prefs defects train [--turns N] [--seed S] [--labelled DIR ...|--no-labelled] [--json]

`report` reads Rasa's tracker store (TRACKER_DB_URL, default var/tracker.db)
or a JSON Lines log, builds each request's trace, classifies it with the
trained model (var/models/failure_points.joblib, or $FAILURE_POINTS_MODEL;
the rules when there is none, said so on stderr) on Dask, and prints counts
and shares by failure point, per day or hour, and the most frequent failing
requests of each point; `--plot` writes a PNG. `train` fits the model on
generated labelled traffic and on real turns people labelled (`--labelled`;
by default the project's labelled sets) and prints its held-out figures on
generated traffic beside the rules'.
No preference database is needed by either.
"""
from __future__ import annotations

import logging
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated, Optional

import typer
from rich.text import Text
from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError

from preferences.cli.common import (
    EXIT_DATA,
    EXIT_DB,
    EXIT_USAGE,
    Guard,
    JsonOpt,
    app,
    cell,
    console,
    emit_json,
    fail,
    options,
    table,
)
from preferences.db import redact

defects_app = typer.Typer(help="Failure points: which part of the assistant failed first.", no_args_is_help=True)
app.add_typer(defects_app, name="defects")

ModelOpt = Annotated[Optional[Path], typer.Option("--model", metavar="FILE",
                                                  help="Model file (default: $FAILURE_POINTS_MODEL, else "
                                                       "var/models/failure_points.joblib).")]


def _since(value: str | None) -> float | None:
    if value is None:
        return None
    try:
        moment = datetime.fromisoformat(value.strip())
    except ValueError:
        raise fail(f"--since: not a date or ISO time: {value!r} (e.g. 2026-11-01)", EXIT_USAGE) from None
    return (moment if moment.tzinfo else moment.replace(tzinfo=UTC)).timestamp()


def _model(path: Path | None, json_out: bool):
    from preferences.selflearning.failure_points.model import FailurePointModel, default_model_path

    path = path or default_model_path()
    if not path.is_file():
        typer.echo(f"note: no model at {path} (run `prefs defects train`); classifying with the rules", err=True)
        return None
    try:
        return FailurePointModel.load(path)
    except (ValueError, EOFError, OSError) as exc:
        raise fail(str(exc), EXIT_DATA) from None


CONTEXT_SECONDS = 3_600.0  # read this much before --since, so the first requests keep their previous turn


def _raws(from_log: Path | None, tracker: str | None, since: float | None) -> list:
    from preferences.selflearning.failure_points.sources import iter_tracker_raw, read_raw_jsonl
    from preferences.settings import settings as env_settings

    if from_log is not None:
        if not from_log.is_file():
            raise fail(f"no such file: {from_log}", EXIT_DATA)
        raws, skipped = read_raw_jsonl(from_log)
        if skipped:
            typer.echo(f"note: {sum(skipped.values())} malformed lines skipped: {skipped}", err=True)
        return raws
    url = tracker or env_settings().tracker_db_url or ""
    try:
        parsed = make_url(url)
    except ArgumentError:
        raise fail(f"malformed tracker store URL: {redact(url)}", EXIT_USAGE) from None
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).is_file():
        raise fail(f"no tracker store at {parsed.database} (nothing logged yet?)", EXIT_DB)  # never create one
    with Guard():
        return list(iter_tracker_raw(url, since=None if since is None else since - CONTEXT_SECONDS))


def _print(report) -> None:
    out = table(f"Failure points, {report.requests} requests ({report.method})", "failure point", "requests",
                "share", "share of failures", "most frequent failing requests")
    for point, n in report.counts.items():
        top = "; ".join(f"{t['example']} ({t['count']})" for t in report.top.get(point, [])[:3])
        share = report.failure_shares.get(point)
        out.add_row(cell(point), cell(n), cell(f"{report.shares[point]:.1%}"),
                    cell(f"{share:.1%}" if share is not None else "-"), cell(top or "-"))
    console().print(out)
    per = table(f"Per {report.period}", "from", "requests", *[p for p in report.counts if p != "correct"])
    for p in report.periods[-14:]:
        per.add_row(cell(p["start"]), cell(p["requests"]),
                    *[cell(f"{p['shares'][k]:.1%}") for k in report.counts if k != "correct"])
    console().print(per)


@defects_app.command("report")
def report(ctx: typer.Context,
           since: Annotated[Optional[str], typer.Option("--since", metavar="DATE",
                                                        help="Only requests from this date or time (UTC).")] = None,
           from_log: Annotated[Optional[Path], typer.Option("--from-log", metavar="FILE.jsonl",
                                                            help="Read a JSON Lines log instead.")] = None,
           tracker: Annotated[Optional[str], typer.Option("--tracker", metavar="URL",
                                                          help="Tracker store URL (default: $TRACKER_DB_URL).")]
           = None,
           plot_path: Annotated[Optional[Path], typer.Option("--plot", metavar="PATH",
                                                             help="Write the plot as a PNG here.")] = None,
           model_path: ModelOpt = None, json_out: JsonOpt = False) -> None:
    """Counts and shares by failure point over time, and the most frequent failing requests per point."""
    from preferences.selflearning.failure_points.classify import classify
    from preferences.selflearning.failure_points.report import build_report, plot

    s = options(ctx, json_out)
    start = _since(since)
    model = _model(model_path, s.json)
    raws = _raws(from_log, tracker, start)
    verdicts = classify(raws, model)
    result = build_report(verdicts, since=start, method="model" if model is not None else "rules")
    written = plot(result, plot_path) if plot_path is not None else None
    if s.json:
        emit_json({**result.to_json(), "plot": str(written) if written else None})
        return
    _print(result)
    if written:
        console().print(Text(f"plot written to {written}"))


def _labelled_sets(given: list[Path] | None, none: bool) -> list[Path]:
    from preferences.selflearning.failure_points.human import default_sets

    if none:
        return []
    if given:
        for d in given:
            if not d.is_dir():
                raise fail(f"--labelled: no such directory: {d}", EXIT_USAGE)
        return given
    return default_sets()


@defects_app.command("train")
def train(ctx: typer.Context,
          turns: Annotated[Optional[int], typer.Option(
              "--turns", min=500, help="Generated turns to train on (default 5,000: the labelled real turns "
                                       "weigh more).")] = None,
          seed: Annotated[int, typer.Option("--seed", help="Seed of the training traffic; held-out uses seed+1.")]
          = 1,
          labelled: Annotated[Optional[list[Path]], typer.Option(
              "--labelled", metavar="DIR",
              help="A set of real turns people labelled (its tracker.db or turns.jsonl, labels_a/labels_b.jsonl "
                   "or labels.jsonl), trained on beside the generated traffic; repeatable (default: the "
                   "project's labelled sets).")] = None,
          no_labelled: Annotated[bool, typer.Option("--no-labelled", help="Generated traffic only.")] = False,
          model_path: ModelOpt = None, json_out: JsonOpt = False) -> None:
    """Fit the classifier on generated labelled traffic and on real turns people labelled, report held-out
    figures on generated traffic (rules vs model), save it."""
    from preferences.selflearning.failure_points.evaluation import GENERATED_TURNS, human_traces, train_and_evaluate
    from preferences.selflearning.failure_points.model import default_model_path

    s = options(ctx, json_out)
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(message)s")
    sets = _labelled_sets(labelled, no_labelled)
    try:
        human = human_traces(sets)
    except (OSError, ValueError, KeyError) as exc:
        raise fail(f"--labelled: unreadable labelled set: {exc}", EXIT_DATA) from None
    turns = turns or GENERATED_TURNS
    model, result = train_and_evaluate(train_turns=turns, test_turns=max(500, turns // 2), train_seed=seed,
                                       test_seed=seed + 1, human=human)
    saved = model.save(model_path or default_model_path())
    if s.json:
        emit_json({"model": str(saved), **result.to_json()})
        return
    out = table("Held-out traffic (other seed, users, templates, answers, noise)", "class", "rules P", "rules R",
                "model P", "model R", "support")
    for label, r in result.rules["per_class"].items():
        m = result.model["per_class"][label]
        out.add_row(cell(label), cell(r["precision"]), cell(r["recall"]), cell(m["precision"]), cell(m["recall"]),
                    cell(r["support"]))
    out.add_row(cell("accuracy"), cell(result.rules["accuracy"]), cell(""), cell(result.model["accuracy"]), cell(""),
                cell(result.rules["turns"]))
    console().print(out)
    console().print(Text(f"model saved to {saved}"))
