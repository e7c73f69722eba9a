"""The history table, written in one place.

Every change to what the store believes (a preference created, reaffirmed,
flipped, superseded or forgotten; a concept defined, redefined or forgotten;
an imported history) enters the history through `write`, so "why do you
think that?" and the audit trail can never disagree with the data.
"""
from __future__ import annotations

from datetime import datetime
from typing import Any, Iterable

from sqlalchemy import insert
from sqlalchemy.engine import Connection

from preferences.models import HistoryRow
from preferences.records import ChangeAction, HistoryEntry, Polarity, Source

HISTORY = HistoryRow.__table__
_INSERT = insert(HISTORY)


def write(conn: Connection, entries: Iterable[dict[str, Any]]) -> None:
    """Append history entries (insert parameters, as built by the functions below)."""
    rows = list(entries)
    if rows:
        conn.execute(_INSERT, rows)


def entry(user: str, at: datetime, kind: str, action: ChangeAction | str, **fields: Any) -> dict[str, Any]:
    """One history row: who, when, which kind of record, what happened, and what is known of it."""
    base = dict(user_id=user, at=at, kind=kind, action=ChangeAction(action).value, domain=None, slot=None,
                value=None, value_key=None, polarity=None, source=None, confidence=None, utterance=None,
                details=None)
    unknown = set(fields) - set(base)
    if unknown:
        raise TypeError(f"not history fields: {sorted(unknown)}")
    return base | fields


def of_preference(r: Any, action: ChangeAction, now: datetime, *, source: str, confidence: float,
                  utterance: str | None, polarity: str | None = None, details: dict | None = None) -> dict[str, Any]:
    """The history row for what happened to a preference row (a mapping)."""
    return entry(r["user_id"], now, "preference", action, domain=r["domain"], slot=r["slot"], value=r["value"],
                 value_key=r["value_key"], polarity=polarity or r["polarity"], source=source,
                 confidence=confidence, utterance=utterance, details=details)


def to_record(r: Any) -> HistoryEntry:
    return HistoryEntry(at=r.at, user=r.user_id, kind=r.kind, action=ChangeAction(r.action), domain=r.domain,
                        slot=r.slot, value=r.value, polarity=Polarity(r.polarity) if r.polarity else None,
                        source=Source(r.source) if r.source else None, confidence=r.confidence,
                        utterance=r.utterance, details=r.details)
