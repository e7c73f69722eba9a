"""Rasa's SQL tracker store read as a turn log for the rewrite miner.

This module knows the layout of the table Rasa 3.6's SQL tracker store
writes, and nothing of mining; it imports nothing from Rasa. It reads the ``events``
table that `rasa.core.tracker_store.SQLTrackerStore` writes (columns id,
sender_id, type_name, timestamp, intent_name, action_name, data: the
event's JSON) with SQLAlchemy core, in batches, ordered by (sender_id, id),
which is Rasa's own order of a conversation (timestamps are not unique).
Rasa is not imported: the table is read as it is stored.

How events become turns:

* ``user``: one turn. text = the event's text (what the user said);
  intent, confidence and entities from its ``parse_data``. If NLU was given
  other words (``parse_data.text`` differs from the event's text beyond
  what the request key ignores: a rewrite applied before NLU), those are
  the turn's interpreted_text. A rewriter marks its turns with
  ``parse_data.rewrite = {"id": int, "held_out": bool}`` (or the message
  metadata keys ``rewrite_id`` / ``held_out``).
* ``bot``: its text is appended to the answer of the turn before it.
* ``action`` ``action_default_fallback`` / ``action_two_stage_fallback``:
  signal FALLBACK on the turn before it (a core fallback, not an NLU one).
* ``session_started``: a new session; session ids are ``<sender>#<n>``,
  n counting session starts (0 before the first).
* Message metadata ``{"barge_in": true}`` or ``{"feedback":
  "thumbs_down"}`` judges the *previous* answer (the web chat's stop and
  thumbs-down buttons send them with the words "stop" and "👎"), so the
  signal goes to the previous turn of the session. A message that carries
  only the signal (it is not a request: "stop", an emoji) is not a turn.

Usage: ``mine(tracker_batches(url))`` streams the store into the miner.
"""
from __future__ import annotations

import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import sqlalchemy as sa
from sqlalchemy.engine import Engine
from sqlalchemy.future import create_engine

from preferences.selflearning.normalize import request_key
from preferences.selflearning.outcome import TurnKind, classify
from preferences.selflearning.turns import LoggedTurn, OutcomeSignal
from preferences.signals import ChannelMetadata

log = logging.getLogger(__name__)

EVENTS = sa.table("events", sa.column("id", sa.Integer), sa.column("sender_id", sa.String),
                  sa.column("type_name", sa.String), sa.column("timestamp", sa.Float),
                  sa.column("intent_name", sa.String), sa.column("action_name", sa.String),
                  sa.column("data", sa.Text))
READ_TYPES = ("user", "bot", "action", "session_started")  # slots, forms, rewinds... say nothing about outcomes
FALLBACK_ACTIONS = frozenset({"action_default_fallback", "action_two_stage_fallback"})
BATCH_ROWS = 5_000


@dataclass
class _Pending:
    """The turn being assembled until the next user message, session start or sender."""

    sender: str
    session: str
    ts: float
    text: str
    interpreted_text: str | None
    rewrite_id: int | None
    held_out: bool
    intent: str | None
    confidence: float | None
    entities: tuple[tuple[str, str], ...]
    answer: list[str] = field(default_factory=list)
    answered: bool = False  # a signal message came: what the bot says next answers that, not this turn
    signals: set[OutcomeSignal] = field(default_factory=set)

    def turn(self) -> LoggedTurn:
        return LoggedTurn(self.sender, self.session, self.ts, self.text, self.interpreted_text, self.rewrite_id,
                          self.intent, self.confidence, self.entities, " ".join(self.answer) or None, None,
                          frozenset(self.signals), self.held_out)


def _entities(parse: dict[str, Any]) -> tuple[tuple[str, str], ...]:
    pairs = []
    for e in parse.get("entities") or ():
        if isinstance(e, dict) and isinstance(e.get("entity"), str) and e.get("value") is not None:
            value = e["value"]
            pairs.append((e["entity"], value if isinstance(value, str) else json.dumps(value)))
    return tuple(pairs)


def _signals(metadata: dict[str, Any]) -> set[OutcomeSignal]:
    channel = ChannelMetadata.parse(metadata)  # the one place that reads what channels send
    out = set()
    if channel.barge_in:
        out.add(OutcomeSignal.BARGE_IN)
    if channel.thumbs_down:
        out.add(OutcomeSignal.THUMBS_DOWN)
    return out


def _user_turn(sender: str, session: str, ts: float, data: dict[str, Any]) -> _Pending:
    parse = data.get("parse_data") or {}
    intent = parse.get("intent") or {}
    metadata = data.get("metadata") or parse.get("metadata") or {}
    text = data.get("text") or ""
    nlu_text = parse.get("text")
    rewritten = isinstance(nlu_text, str) and request_key(nlu_text) != request_key(text)
    rewrite = parse.get("rewrite") if isinstance(parse.get("rewrite"), dict) else {}
    rewrite_id = rewrite.get("id", metadata.get("rewrite_id"))
    confidence = intent.get("confidence")
    return _Pending(sender, session, ts, text, nlu_text if rewritten else None,
                    rewrite_id if isinstance(rewrite_id, int) and not isinstance(rewrite_id, bool) else None,
                    bool(rewrite.get("held_out", metadata.get("held_out", False)) is True),
                    intent.get("name") if isinstance(intent.get("name"), str) else None,
                    float(confidence) if isinstance(confidence, (int, float)) else None, _entities(parse))


class _Assembler:
    """Events of one sender at a time, in id order, to turns."""

    def __init__(self) -> None:
        self.sender: str | None = None
        self.sessions = 0
        self.pending: _Pending | None = None
        self.bad_rows = 0

    def _flush(self) -> Iterator[LoggedTurn]:
        if self.pending is not None:
            yield self.pending.turn()
            self.pending = None

    def add(self, sender: str, type_name: str, ts: float | None, action: str | None, raw: str | None
            ) -> Iterator[LoggedTurn]:
        if sender != self.sender:
            yield from self._flush()
            self.sender, self.sessions = sender, 0
        if type_name == "session_started":
            yield from self._flush()
            self.sessions += 1
            return
        if type_name == "action":
            if action in FALLBACK_ACTIONS and self.pending is not None:
                self.pending.signals.add(OutcomeSignal.FALLBACK)
            return
        try:
            data = json.loads(raw or "{}")
        except ValueError:
            self.bad_rows += 1
            return
        if not isinstance(data, dict):
            self.bad_rows += 1
            return
        if type_name == "bot":
            if self.pending is not None and not self.pending.answered and isinstance(data.get("text"), str) \
                    and data["text"]:
                self.pending.answer.append(data["text"])
            return
        if ts is None:
            ts = data.get("timestamp")
        if not isinstance(ts, (int, float)):
            self.bad_rows += 1
            return
        turn = _user_turn(sender, f"{sender}#{self.sessions}", float(ts), data)
        judged = _signals(data.get("metadata") or (data.get("parse_data") or {}).get("metadata") or {})
        if judged and self.pending is not None:
            self.pending.signals |= judged
        if judged and classify(request_key(turn.text), turn.intent) is not TurnKind.REQUEST:
            if self.pending is not None:  # the message only carried the signal; more may follow
                self.pending.answered = True
            return
        yield from self._flush()
        self.pending = turn

    def finish(self) -> Iterator[LoggedTurn]:
        yield from self._flush()


def _engine(url_or_engine: str | Engine) -> Engine:
    return create_engine(url_or_engine) if isinstance(url_or_engine, str) else url_or_engine


def event_rows(url_or_engine: str | Engine, *, batch_rows: int = BATCH_ROWS, since: float | None = None
               ) -> Iterator[sa.Row]:
    """The events miners read, (id, sender_id, type_name, timestamp, action_name, data), sender by sender.

    Keyset pagination on (sender_id, id): each query starts after the last
    row seen, so memory stays at one batch however large the store is.
    `since` (epoch seconds) reads only later events.
    """
    engine = _engine(url_or_engine)
    e = EVENTS.c
    query = (sa.select(e.id, e.sender_id, e.type_name, e.timestamp, e.action_name, e.data)
             .where(e.type_name.in_(READ_TYPES)).order_by(e.sender_id, e.id).limit(batch_rows))
    if since is not None:
        query = query.where(e.timestamp >= since)
    after: tuple[str, int] | None = None
    while True:
        # The lower bound on sender_id lets the index start where the last page ended (without it SQLite
        # scans from the start every page: quadratic in the table size).
        page = query if after is None else query.where(
            e.sender_id >= after[0], sa.or_(e.sender_id > after[0], e.id > after[1]))
        with engine.connect() as conn:
            rows = conn.execute(page).all()
        yield from rows
        if len(rows) < batch_rows:
            break
        after = (rows[-1][1], rows[-1][0])


def has_events(url_or_engine: str | Engine) -> bool:
    """Whether the events table exists: Rasa creates it on its first conversation, so a fresh store has none."""
    with _engine(url_or_engine).connect() as conn:
        return sa.inspect(conn).has_table("events")


def iter_tracker_turns(url_or_engine: str | Engine, *, batch_rows: int = BATCH_ROWS) -> Iterator[LoggedTurn]:
    """Every user turn in the tracker store, sender by sender, one page of events in memory (`event_rows`)."""
    engine = _engine(url_or_engine)
    if not has_events(engine):
        return  # until Rasa's first conversation there is nothing to mine
    assembler = _Assembler()
    for _, sender, type_name, ts, action, raw in event_rows(engine, batch_rows=batch_rows):
        yield from assembler.add(sender, type_name, ts, action, raw)
    yield from assembler.finish()
    if assembler.bad_rows:
        log.warning("tracker log: %d event rows with unreadable data skipped", assembler.bad_rows)


def tracker_batches(url_or_engine: str | Engine, *, batch_turns: int = 10_000,
                    batch_rows: int = BATCH_ROWS) -> Iterator[list[LoggedTurn]]:
    """`iter_tracker_turns` in lists of `batch_turns`: partitions for `preferences.selflearning.miner.mine`."""
    batch: list[LoggedTurn] = []
    for turn in iter_tracker_turns(url_or_engine, batch_rows=batch_rows):
        batch.append(turn)
        if len(batch) >= batch_turns:
            yield batch
            batch = []
    if batch:
        yield batch


def prune(url_or_engine: str | Engine, *, older_than: float, forgotten: dict[str, float] | None = None) -> int:
    """Delete events older than `older_than` (epoch seconds), and every event of a forgotten user from
    before they asked (user id -> epoch seconds). Returns the number of events deleted."""
    engine = _engine(url_or_engine)
    e = EVENTS.c
    deleted = 0
    with engine.begin() as conn:
        if not sa.inspect(conn).has_table("events"):
            return 0
        deleted += conn.execute(sa.delete(EVENTS).where(e.timestamp < older_than)).rowcount or 0
        for user, at in (forgotten or {}).items():
            deleted += conn.execute(sa.delete(EVENTS).where(e.sender_id == user, e.timestamp <= at)).rowcount or 0
    return deleted
