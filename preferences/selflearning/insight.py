"""What the assistant has learned and how it is doing: the figures behind the insight page.

    data = insight(tracker_url, db_url, since=None)     # a JSON-safe dict

For the people who run the assistant (`web/insight.html`, served by
`rasa_components.web_server` at `GET /insight/data`). Nothing here is new
judgement: every figure is computed by the code the learning itself uses,
so the page and the learning never disagree on what a defect is.

* **Defect rate over time**: the log read once, sender by sender
  (`failure_points.sources.iter_tracker_raw`, the failure-point reader over
  the same `tracker_store` assembler the miner uses: its turns *are* the
  miner's turns, a test in tests/store/test_cli_defects.py says so), each
  (user, session) labelled by `outcome.label_session`. Only requests count
  (not "thanks", "no" or "stop"), as in the miner. Per hour when the requests
  span two days or less, else per day, the defects report's rule.
* **Failure points**: `failure_points.classify` + `report.build_report`, the
  functions behind `prefs defects report --json`, with the trained model when
  there is one (else the rules; `method` says which).
* **Rewrites**: `RewriteTable.list()` of the version in force, in force and
  withdrawn; **online index**: `OnlineIndexStore.versions()`.
* **Rewritten turns**: a turn whose rewrite id is logged was decided by the
  precomputed table (applied, or held out to measure it); a turn NLU saw in
  other words without one was rewritten online (the online rewriter never
  touches a turn the table decided).

Streaming: the log is read in pages (`event_rows`), one session at a time,
and classified in chunks of sessions; what stays in memory is a counter per
hour and per request wording, and one small verdict per request for the
failure-point report (`build_report` takes them all to choose its periods),
never the log. Users who asked to be forgotten are left out from before they
asked, as the miner leaves them out; when that list cannot be read, no
request's words are shown.

Failures never raise: an unreachable or unmigrated database, or a tracker
store that is missing or has no `events` table yet, gives empty figures and a
readable `error` (or `note`) in the section it affects.
"""
from __future__ import annotations

import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from itertools import groupby
from pathlib import Path
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.exc import ArgumentError, SQLAlchemyError
from sqlalchemy.future import create_engine

from preferences.db import redact
from preferences.errors import AssistantError
from preferences.selflearning.failure_points.classify import Verdict, classify
from preferences.selflearning.failure_points.report import build_report
from preferences.selflearning.failure_points.sources import iter_tracker_raw
from preferences.selflearning.failure_points.trace import RawTurn
from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import TurnKind, label_session
from preferences.selflearning.outcome import classify as turn_kind
from preferences.selflearning.turns import LoggedTurn, Outcome

HOUR, DAY = 3_600.0, 86_400.0
CONTEXT_SECONDS = 3_600.0  # read this much before `since`, as `prefs defects report` does: first turns keep context
CHUNK_SESSIONS = 2_000  # sessions classified at a time: the classifier's own inline size, a few MB of traces
TOP_FAILING = 10
CONNECT_TIMEOUT = 5  # seconds: an unreachable PostgreSQL is an error on the page, not a hung request
CORRECT = "correct"

_model_cache: dict[tuple[str, float], Any] = {}


# --- helpers ------------------------------------------------------------------------------------

def parse_since(value: float | int | str | datetime | None) -> float | None:
    """`since` as epoch seconds: a number, an aware or naive (UTC) datetime, or an ISO date/time string.

    ValueError for a string that is not a date, so a caller can answer 400.
    """
    if value is None or value == "":
        return None
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return float(value)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value.strip().replace("Z", "+00:00"))
        except ValueError:
            raise ValueError(f"not a date or ISO time: {value!r} (e.g. 2026-11-01)") from None
    if isinstance(value, datetime):
        return (value if value.tzinfo else value.replace(tzinfo=UTC)).timestamp()
    raise ValueError(f"not a date: {value!r}")


def _iso(ts: float | None, fmt: str = "%Y-%m-%dT%H:%M:%SZ") -> str | None:
    return None if ts is None else datetime.fromtimestamp(ts, UTC).strftime(fmt)


def _when(value: Any) -> str | None:
    return value.isoformat() if isinstance(value, datetime) else value


def _message(exc: BaseException) -> str:
    text = str(getattr(exc, "orig", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


def _failure_model(path: Path | None) -> tuple[Any, str | None]:
    """The trained failure-point model (cached per file version), or None and why not."""
    from preferences.selflearning.failure_points.model import FailurePointModel, default_model_path

    path = path or default_model_path()
    try:
        stamp = path.stat().st_mtime
    except OSError:
        return None, f"no failure-point model at {path} (`prefs defects train`): classified with the rules"
    key = (str(path), stamp)
    if key not in _model_cache:
        try:
            _model_cache.clear()
            _model_cache[key] = FailurePointModel.load(path)
        except (ValueError, EOFError, OSError) as exc:
            return None, f"{_message(exc)}: classified with the rules"
    return _model_cache[key], None


# --- the log --------------------------------------------------------------------------------------

class _LogTally:
    """What the page shows of the log, counted one labelled session at a time."""

    def __init__(self, since: float | None) -> None:
        self.since = since
        self.hours: dict[float, list[int]] = defaultdict(lambda: [0, 0])  # hour start -> [requests, defects]
        self.signals: Counter[str] = Counter()
        self.asked: Counter[str] = Counter()
        self.failed: Counter[str] = Counter()
        self.example: dict[str, str] = {}
        self.rewritten = {name: [0, 0] for name in ("precomputed", "held_out", "online")}  # [turns, successes]
        self.users: set[str] = set()
        self.sessions = 0
        self.first: float | None = None
        self.last: float | None = None

    def add(self, session: list[LoggedTurn]) -> None:
        counted = False
        for turn in label_session(session):
            key = request_key(turn.text)
            if (self.since is not None and turn.ts < self.since) or not key \
                    or turn_kind(key, turn.intent) is not TurnKind.REQUEST:
                continue
            counted = True
            defect = turn.outcome is Outcome.DEFECT
            self.first = turn.ts if self.first is None else min(self.first, turn.ts)
            self.last = turn.ts if self.last is None else max(self.last, turn.ts)
            hour = self.hours[turn.ts - turn.ts % HOUR]
            hour[0] += 1
            self.asked[key] += 1
            self.example.setdefault(key, turn.text)
            if defect:
                hour[1] += 1
                self.failed[key] += 1
                self.signals.update(s.value for s in turn.signals)
            kind = ("held_out" if turn.held_out else "precomputed") if turn.rewrite_id is not None \
                else "online" if turn.rewritten else None
            if kind:
                self.rewritten[kind][0] += 1
                self.rewritten[kind][1] += not defect
        if counted:
            self.sessions += 1
            self.users.add(session[0].user_id)

    @property
    def period(self) -> str:
        span = (self.last - self.first) if self.first is not None and self.last is not None else 0.0
        return "hour" if span <= 2 * DAY else "day"

    def series(self) -> list[dict[str, Any]]:
        width, fmt = (HOUR, "%Y-%m-%dT%H:%MZ") if self.period == "hour" else (DAY, "%Y-%m-%d")
        buckets: dict[float, list[int]] = defaultdict(lambda: [0, 0])
        for start, (asked, failed) in self.hours.items():
            bucket = buckets[start - start % width]
            bucket[0] += asked
            bucket[1] += failed
        return [{"start": _iso(start, fmt), "requests": n, "defects": d, "rate": d / n}
                for start, (n, d) in sorted(buckets.items())]

    def to_json(self) -> dict[str, Any]:
        requests = sum(n for n, _ in self.hours.values())
        defects = sum(d for _, d in self.hours.values())
        top = sorted(self.failed.items(), key=lambda kv: (-kv[1], kv[0]))[:TOP_FAILING]
        return {
            "log": {"requests": requests, "sessions": self.sessions, "users": len(self.users),
                    "first": _iso(self.first), "last": _iso(self.last)},
            "defects": {"period": self.period, "requests": requests, "defects": defects,
                        "rate": defects / requests if requests else None, "series": self.series(),
                        "signals": dict(self.signals.most_common())},
            "top_failing": [{"request": k, "example": self.example[k], "defects": n, "requests": self.asked[k],
                             "rate": n / self.asked[k]} for k, n in top],
            "rewritten_turns": {name: {"turns": n, "successes": ok, "success_rate": ok / n if n else None}
                                for name, (n, ok) in self.rewritten.items()},
        }


def _slim(v: Verdict) -> Verdict:
    """A verdict with only what the report reads (time, point, words of a failure): memory per request."""
    return Verdict("", "", v.ts, "" if v.point == CORRECT else v.text, None, v.outcome, v.point, v.rule, None)


def _judge(chunk: list[RawTurn], model: Any, since: float | None) -> list[Verdict]:
    """Failure points of a chunk of whole sessions, in this process (a web server forks no worker pool)."""
    return [_slim(v) for v in classify(chunk, model, scheduler="inline") if since is None or v.ts >= since]


def _sessions(raws: Iterable[RawTurn], forgotten: dict[str, float]) -> Iterator[list[RawTurn]]:
    """Consecutive raw turns of one (user, session), without forgotten users' turns from before they asked
    (`online.collect.sessions`' grouping: the reader yields sender by sender)."""
    kept = (r for r in raws if r.turn.user_id not in forgotten or r.turn.ts > forgotten[r.turn.user_id])
    for _, group in groupby(kept, key=lambda r: (r.turn.user_id, r.turn.session_id)):
        yield list(group)


def _tracker_engine(url: str) -> tuple[Engine | None, str | None]:
    """An engine on the tracker store, or None and a note: a missing SQLite file is never created."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite" and parsed.database and not Path(parsed.database).is_file():
        return None, f"no tracker store at {parsed.database} yet: nothing has been logged"
    kwargs: dict[str, Any] = {}
    if parsed.get_backend_name() == "postgresql":
        kwargs["connect_args"] = {"connect_timeout": CONNECT_TIMEOUT}
    engine = create_engine(url, **kwargs)
    try:
        with engine.connect() as conn:
            if sa.inspect(conn).has_table("events"):
                return engine, None
    except BaseException:
        engine.dispose()
        raise
    engine.dispose()
    return None, "the tracker store has no events yet: nothing has been logged"


def _read_log(tracker_url: str, since: float | None, forgotten: dict[str, float], model_path: Path | None
              ) -> dict[str, Any]:
    tally = _LogTally(since)
    verdicts: list[Verdict] = []
    model, model_note = _failure_model(model_path)
    out: dict[str, Any] = {"error": None, "note": None}
    engine = None
    try:
        engine, out["note"] = _tracker_engine(tracker_url)
        if engine is not None:
            chunk: list[RawTurn] = []
            n_sessions = 0
            start = None if since is None else since - CONTEXT_SECONDS
            for session in _sessions(iter_tracker_raw(engine, since=start), forgotten):
                tally.add([r.turn for r in session])
                chunk += session
                n_sessions += 1
                if n_sessions >= CHUNK_SESSIONS:
                    verdicts += _judge(chunk, model, since)
                    chunk, n_sessions = [], 0
            verdicts += _judge(chunk, model, since)
    except ArgumentError:
        out["error"] = f"malformed tracker store URL: {redact(tracker_url)}"
    except (SQLAlchemyError, OSError) as exc:
        out["error"] = f"cannot read the tracker store {redact(tracker_url)}: {_message(exc)}"
    finally:
        if engine is not None:
            engine.dispose()
    if out["error"]:  # half a log would be read as a trend: show nothing rather than something wrong
        tally, verdicts = _LogTally(since), []
    out.update(tally.to_json())
    report = build_report(verdicts, since=since, method="model" if model is not None else "rules",
                          period=tally.period).to_json()
    out["failure_points"] = {**report, "note": model_note, "error": out["error"]}
    return out


# --- the preference database: rewrites and the online index --------------------------------------------

def _sqlite_missing(url: str) -> str | None:
    try:
        parsed = make_url(url)
    except ArgumentError:
        return f"malformed database URL: {redact(url)}"
    if parsed.get_backend_name() == "sqlite" and parsed.database not in (None, "", ":memory:") \
            and not Path(parsed.database).is_file():
        return f"no preferences database at {parsed.database} (run `prefs migrate`)"
    return None


def _rewrites(table: Any) -> dict[str, Any]:
    rewrites = [r.to_json() for r in table.list(include_withdrawn=True)]
    versions = table.versions(limit=1)
    active = next((v for v in versions if v.get("status") == "active"), None)
    return {"version": table.active_version(), "mined_at": _when(active.get("finished_at")) if active else None,
            "active": [r for r in rewrites if r["status"] == "active"],
            "withdrawn": [r for r in rewrites if r["status"] != "active"], "error": None}


def _online_index(store: Any) -> dict[str, Any]:
    versions = store.versions(limit=5)
    active = next((v for v in versions if v.get("status") == "active"), None)
    stats = (active or {}).get("stats") or {}
    return {"version": active["id"] if active else None,
            "built_at": _when(active.get("finished_at")) if active else None,
            "personal_entries": stats.get("personal"), "personal_users": stats.get("users"),
            "global_entries": stats.get("global"),
            "history": [{"version": v["id"], "status": v["status"], "created_at": _when(v.get("created_at")),
                         "finished_at": _when(v.get("finished_at"))} for v in versions], "error": None}


def _from_database(db_url: str) -> tuple[dict[str, Any], dict[str, Any], dict[str, float] | None]:
    """(rewrites section, online index section, forgotten users -> epoch seconds, None if unreadable)."""
    from preferences.storage.online_index import OnlineIndexStore
    from preferences.storage.rewrites import RewriteTable

    rewrites: dict[str, Any] = {"version": None, "mined_at": None, "active": [], "withdrawn": [], "error": None}
    index: dict[str, Any] = {"version": None, "built_at": None, "personal_entries": None, "personal_users": None,
                             "global_entries": None, "history": [], "error": None}
    missing = _sqlite_missing(db_url)
    if missing:
        rewrites["error"] = index["error"] = missing
        return rewrites, index, None
    forgotten: dict[str, float] | None = None
    try:
        table = RewriteTable(db_url)
    except (AssistantError, SQLAlchemyError, OSError) as exc:
        rewrites["error"] = index["error"] = f"cannot use database {redact(db_url)}: {_message(exc)}"
        return rewrites, index, None
    try:
        try:
            rewrites.update(_rewrites(table))
        except (AssistantError, SQLAlchemyError) as exc:
            rewrites["error"] = _message(exc)
        try:
            index.update(_online_index(OnlineIndexStore(engine=table.engine)))
        except (AssistantError, SQLAlchemyError) as exc:
            index["error"] = _message(exc)
        try:
            forgotten = {user: at.timestamp() for user, at in table.forgotten().items()}
        except (AssistantError, SQLAlchemyError):
            forgotten = None
    finally:
        table.close()
    return rewrites, index, forgotten


# --- the whole picture ------------------------------------------------------------------------------

def insight(tracker_url: str, db_url: str, since: float | int | str | datetime | None = None, *,
            failure_model: Path | None = None) -> dict[str, Any]:
    """Everything the insight page shows, JSON-safe. `since`: only requests from then on (see `parse_since`).

    `failure_model`: the failure-point model file (default `$FAILURE_POINTS_MODEL`, else
    var/models/failure_points.joblib; the rules when absent). When the list of users who asked to be
    forgotten cannot be read (the preference database is down), the figures are still given but no
    request's words are: they could be a forgotten user's.
    """
    started = time.perf_counter()
    start = parse_since(since)
    rewrites, index, forgotten = _from_database(db_url)
    log = _read_log(tracker_url, start, forgotten or {}, failure_model)
    failure_points = log.pop("failure_points")
    tracker = {"url": redact(tracker_url), "error": log.pop("error"), "note": log.pop("note")}
    if forgotten is None:
        log["top_failing"] = []
        failure_points["top_failing_requests"] = {point: [] for point in failure_points["top_failing_requests"]}
        tracker["note"] = "; ".join(filter(None, [tracker["note"], "request wordings hidden: the users who asked "
                                                  "to be forgotten could not be read from the preference database"]))
    return {"generated_at": _iso(time.time()), "since": _iso(start), "tracker": tracker, **log,
            "failure_points": failure_points, "rewrites": rewrites, "online_index": index,
            "seconds": round(time.perf_counter() - started, 3)}


__all__ = ["insight", "parse_since"]
